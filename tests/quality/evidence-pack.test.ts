import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { HARMED, RESPONSIBLE } from '../support/casebook';
import { packWorld } from '../support/pack-world';
import { caseUntil } from '../support/process';
import { pdfText } from '../support/pdf-text';
import { hasCommand, pdfPages, run, tempDir, writeTemp } from '../documents/helpers';

/**
 * The evidence pack end to end through the contract: a year of demo casework, the register and
 * policies, built for each framework as PDF and DOCX, leak-checked on its final bytes, saved and
 * recorded; and refused, with nothing saved, when personal data from the casebook would be in it.
 */
const YEAR = { from: '2025-03-17', to: '2026-03-16' };


describe('the evidence pack', () => {
  it('answers each RSQM indicator, with the case-file audit, compliance and case studies, and names nobody', async () => {
    const w = await packWorld();
    const closed = (await w.call('listCases', {})).filter((c) => c.stage === 'closed').slice(0, 2).map((c) => c.reference);
    const r = await w.call('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', caseStudies: closed });
    expect(r).toMatchObject({ saved: true, fileName: 'rsqm-evidence-pack-2025-03-17-to-2026-03-16.pdf', title: 'Restorative Service Quality Mark evidence pack' });
    expect(r.pages).toBeGreaterThan(5);
    const text = pdfText(w.files.last().bytes);
    for (const heading of ['1.2 Leaders make the safety', '(safeguarding)', 'Staff compliance', 'Case-file audit', 'How each figure is counted', 'Referrals received:']) expect(text).toContain(heading);
    // The charts, drawn as vectors: their words are text on the page, where the leak check reads them.
    for (const chart of ['Referrals by source', 'Referrals by month', 'Cases closed, by outcome', 'Satisfied with the outcome', "Victims' Code deadlines met on time"]) expect(text).toContain(chart);
    expect(text).toContain('Same period last year (17 March 2024 to 16 March 2025)');
    expect(text).toMatch(/Mar\s+2025/);
    expect(text).toMatch(/\d+ \(\d+(\.\d)?%\)/);
    if (closed.length) expect(text).toContain('Case study A');
    for (const ref of closed) expect(text).not.toContain(ref);
    // The pack's own check again, from outside: nothing from the casebook in it.
    w.files.toPick.push({ name: r.fileName, bytes: w.files.last().bytes });
    expect((await w.call('checkFileForPersonalData', {})).known).toEqual([]);
    await w.as('admin');
    const audit = (await w.service.listAudit({ offset: 0, limit: 5 })).entries.find((e) => e.action === 'pack.save');
    expect(audit?.fields).toEqual(['framework', 'format', `from:${YEAR.from}`, `to:${YEAR.to}`, `case-studies:${closed.length}`]);
  });

  it('makes a Word pack, with its case studies, that LibreOffice opens and lays out', async () => {
    const soffice = await hasCommand('soffice');
    if (!soffice) console.warn('SKIPPED: LibreOffice (soffice) is not installed, so the pack DOCX → PDF check did not run. .ci/run installs libreoffice-writer-nogui.');
    if (!soffice) return;
    const w = await packWorld();
    const closed = (await w.call('listCases', {})).filter((c) => c.stage === 'closed').slice(0, 2).map((c) => c.reference);
    await w.call('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'docx', caseStudies: closed });
    const { dir, cleanup } = await tempDir();
    try {
      const file = await writeTemp(dir, 'pack.docx', w.files.last().bytes);
      await run('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 240_000 });
      const pages = await pdfPages(`${dir}/pack.pdf`);
      expect(pages.length).toBeGreaterThan(3);
      const text = pages.join('\n');
      for (const heading of ['Staff compliance', 'Case-file audit', 'How each figure is counted']) expect(text).toContain(heading);
      if (closed.length) expect(text).toContain('Case study A');
    } finally {
      await cleanup();
    }
  }, 300_000);

  it('makes the organisation framework and the RSP renewal as Word documents that open', async () => {
    const w = await packWorld();
    for (const framework of ['organisation', 'rsp-renewal']) {
      await w.call('saveEvidencePack', { framework, ...YEAR, format: 'docx' });
      const parts = unzipSync(w.files.last().bytes);
      const body = strFromU8(parts['word/document.xml']!);
      expect(body).toContain(framework === 'organisation' ? 'Building a restorative community' : 'CPD provided to staff');
      // Each chart a picture (PNG, drawn from the SVG kept beside it) with its numbers in words as the alt text.
      const media = Object.keys(parts).filter((n) => n.startsWith('word/media/'));
      expect(media.filter((n) => n.endsWith('.png')).length).toBeGreaterThanOrEqual(4);
      expect(media.filter((n) => n.endsWith('.svg')).length).toBe(media.filter((n) => n.endsWith('.png')).length);
      expect(body).toMatch(/<wp:docPr [^>]*descr="Referrals by source, \d+ referrals in all: [^"]+\(\d+(\.\d)?%\)/);
      expect(body).toMatch(/<wp:docPr [^>]*descr="Referrals by month\. This period \(17 March 2025 to 16 March 2026\): \d+ referrals/);
    }
  });

  it('refuses to save a pack that would name someone, saying where and never who, and saves nothing', async () => {
    const w = await packWorld();
    const c = (await w.call('listCases', {}))[0]!;
    const person = (await w.call('getCase', { id: c.id })).participants[0]!.person;
    await w.as('quality-lead');
    await w.call('savePolicy', { title: `Lessons from the ${person.familyName} case`, version: '1', ownerId: w.staff.jo, approvedOn: '2025-06-01', nextReview: '2027-06-01', indicators: ['2.1'] });
    const saved = w.files.saved.length;
    const e = await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf' });
    expect(e.code).toBe('PERSONAL_DATA');
    expect(e.message).toMatch(/^The pack was not saved: personal data from the casebook was found \(page \d+: a name/);
    expect(e.message).not.toContain(person.familyName);
    expect(w.files.saved.length).toBe(saved);
  });

  it('shows each case study with its replacements placed, and builds the pack with the wording the quality lead left', async () => {
    const w = await packWorld();
    // A case whose record names its people and a phone number in free text, beside a closed demo case.
    await w.as('admin');
    const named = await caseUntil(w, 'team', { referral: { offenceDescription: `${HARMED.givenName} Evans rang 07700 900123 after ${RESPONSIBLE.givenName} broke the shed door.` } });
    await w.as('quality-lead');
    const closed = [named.case.reference, (await w.call('listCases', {})).find((c) => c.stage === 'closed')!.reference];
    const { studies } = await w.call('draftCaseStudies', { caseStudies: closed });
    expect(studies.map((s) => s.title)).toEqual(closed.map((_, i) => `Case study ${String.fromCharCode(65 + i)}`));
    const placed = studies.flatMap((s) => s.paragraphs.flatMap((p) => p.replacements.map((r) => [p.text.slice(r.start, r.end), r.label])));
    expect(placed.map(([, label]) => label)).toEqual(expect.arrayContaining(['The person harmed', '[phone number]', 'the person responsible']));
    for (const [at, label] of placed) expect(at).toBe(label);
    expect(JSON.stringify(studies)).not.toMatch(/Siân|Evans|Łukasz|900123/);
    const study = studies[0]!;
    const reworded = study.paragraphs.map((p, i) => (i === 1 ? 'Reworded by the quality lead after reading the draft.' : p.text));
    const r = await w.call('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', caseStudies: closed, studyEdits: [{ reference: study.reference, paragraphs: reworded }] });
    expect(r.saved).toBe(true);
    expect(pdfText(w.files.last().bytes)).toContain('Reworded by the quality lead after reading the draft.');
    await w.as('admin');
    const entries = (await w.service.listAudit({ offset: 0, limit: 10 })).entries;
    expect(entries.find((e) => e.action === 'pack.case-studies.review')?.fields).toEqual([`case-studies:${closed.length}`]);
    expect(entries.find((e) => e.action === 'pack.save')?.fields).toContain('case-studies-reworded:1');
  });

  it('refuses a reworded case study that names someone, one whose case changed since the review, and one not chosen', async () => {
    const w = await packWorld();
    const closed = (await w.call('listCases', {})).filter((c) => c.stage === 'closed');
    const reference = closed[0]!.reference;
    const person = (await w.call('getCase', { id: closed[0]!.id })).participants[0]!.person;
    await w.as('quality-lead');
    const { studies } = await w.call('draftCaseStudies', { caseStudies: [reference] });
    const paragraphs = studies[0]!.paragraphs.map((p) => p.text);
    const saved = w.files.saved.length;
    const named = [...paragraphs.slice(0, -1), `${paragraphs.at(-1)} ${person.givenName} ${person.familyName} said thank you.`];
    const e = await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', caseStudies: [reference], studyEdits: [{ reference, paragraphs: named }] });
    expect(e.code).toBe('PERSONAL_DATA');
    expect(e.message).not.toContain(person.familyName);
    const stale = await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', caseStudies: [reference], studyEdits: [{ reference, paragraphs: [...paragraphs, 'One more'] }] });
    expect(stale.details?.issues?.[0]).toMatchObject({ path: 'studyEdits', message: expect.stringMatching(/^Case study A has changed since it was reviewed/) });
    const other = closed[1]?.reference ?? 'RJ-2026-9999';
    expect((await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', caseStudies: [reference], studyEdits: [{ reference: other, paragraphs }] })).code).toBe('INVALID_INPUT');
    expect(w.files.saved.length).toBe(saved);
  });

  it('asks for a reason before keeping text that only looks like personal data, and records it', async () => {
    const w = await packWorld();
    await w.call('savePolicy', { title: 'Home visits from the office at LS1 4DY, phone 0113 496 0000', version: '1', ownerId: w.staff.jo, approvedOn: '2025-06-01', nextReview: '2027-06-01', indicators: ['2.1'] });
    const e = await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf' });
    expect(e.code).toBe('PERSONAL_DATA');
    expect(e.message).toMatch(/looks like personal data the casebook does not list \(page \d+: a postcode, a phone number[;)]/);
    const r = await w.call('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', waiver: 'The office address and switchboard are public.' });
    expect(r.saved).toBe(true);
    await w.as('admin');
    const audit = (await w.service.listAudit({ offset: 0, limit: 5 })).entries.find((x) => x.action === 'pack.save');
    expect(audit?.fields).toEqual(expect.arrayContaining([expect.stringMatching(/^waived:page \d+: a postcode, a phone number/), 'reason:The office address and switchboard are public.']));
  });

  it('refuses a framework that does not exist, a case that does not, and a facilitator', async () => {
    const w = await packWorld();
    expect((await w.fails('saveEvidencePack', { framework: 'iso9001', ...YEAR, format: 'pdf' })).details?.issues?.[0]?.path).toBe('framework');
    expect((await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', caseStudies: ['RJ-1999-0001'] })).details?.issues?.[0]?.path).toBe('caseStudies.0');
    expect((await w.fails('saveEvidencePack', { framework: 'rsqm', from: '2026-03-16', to: '2025-03-17', format: 'pdf' })).code).toBe('INVALID_INPUT');
    await w.as('facilitator');
    expect((await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf' })).code).toBe('FORBIDDEN');
  });
});
