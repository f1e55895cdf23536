/**
 * `casebook doc` as a user runs it: a child process (spawn-cli.ts: tsx src-main/cli/main.ts)
 * over a real encrypted store in a temporary folder, with cases imported through `casebook
 * import`. Each document in each format is written 0600, never over an existing file; a blank
 * consent form needs no casebook at all; characters no font has are reported.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSchema, STAGES, type Case } from '../../src-main/domain/cases/case';
import { DOCUMENT_KINDS, DOCUMENT_PARTICIPANT } from '../../src-main/documents/generate';
import { agreedCase, bigCase, realCase } from './fixtures';
import { spawnCli as cli, type Ran } from '../support/cli/spawn-cli';
import { docxParts, docxText, makePng, pdfText, run, tempDir } from './helpers';
import { MemoryFiles } from '../support/files';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { findSystemCjkFace } from '../../src-main/documents/system-cjk-font';

const PASS = 'a real passphrase for document tests';

let dir: string;
let store: string;
let cleanup: () => Promise<void>;
const env = () => ({ CASEBOOK_STORE: store, CASEBOOK_PASSPHRASE: PASS });
const json = (r: Ran) => JSON.parse(r.stdout) as { ok: boolean; value: Record<string, unknown>; error?: { code: string; message: string } };

/**
 * The fixtures show documents, not a whole workflow: give them what the workflow would have
 * recorded before their stage (a contact with each party; for a case past the process, a
 * signed-off risk assessment and consent from everyone taking part), so the import accepts them.
 */
function asTheWorkflowLeftIt(c: Case): Case {
  const past = STAGES.indexOf(c.stage) >= STAGES.indexOf('process');
  const recorded = '2026-01-20T10:00:00.000Z';
  const participants = c.participants.map((p) => {
    const contacts = p.contacts?.some((e) => e.kind === 'contact') || !['harmed', 'responsible'].includes(p.role) ? p.contacts : [...(p.contacts ?? []), { kind: 'contact' as const, on: '2026-01-20', method: 'phone' as const, outcome: 'interested' as const, by: 's_zoefac01', recordedAt: recorded }];
    if (!past || p.takesPart === false) return { ...p, ...(contacts ? { contacts } : {}) };
    const risk = p.risk?.some((a) => a.signOff) ? p.risk : [...(p.risk ?? []), { version: (p.risk?.length ?? 0) + 1, assessedOn: '2026-01-20', assessedBy: 's_zoefac01', factors: [], decision: 'direct' as const, reviewOn: '2026-07-20', signOff: { by: 's_nguyen01', role: 'coordinator' as const, at: recorded }, recordedAt: recorded }];
    const consent = p.consent?.some((e) => e.status === 'given') ? p.consent : [...(p.consent ?? []), { elementId: 'process-explained', version: 1, status: 'given' as const, on: '2026-01-20', method: 'signed-form' as const, takenBy: 's_zoefac01', recordedAt: recorded }];
    return { ...p, ...(contacts ? { contacts } : {}), risk, consent };
  });
  return CaseSchema.parse({ ...c, participants });
}

// The real case with its outcome agreement, so that every document can be made from it.
const real = asTheWorkflowLeftIt(agreedCase());
const big = asTheWorkflowLeftIt(bigCase());
const cjk = asTheWorkflowLeftIt({
  ...realCase(),
  id: 'c_docscjk000001',
  reference: 'RJ-2026-0077',
  participants: [...realCase().participants, { id: 'p_cjk0000001', role: 'supporter', person: { givenName: '小龍', familyName: '李' } }],
});

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  store = join(dir, 'store');
  const init = await cli(['init', '--service', 'Gwasanaeth Cyfiawnder Adferol', '--user', 'Siân Gruffudd'], env());
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  const file = join(dir, 'cases.json');
  await writeFile(file, JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases: [real, big, cjk] }));
  const imp = await cli(['import', '--from', file], env());
  expect(imp.stderr).toBe('');
  expect(imp.code).toBe(0);
}, 120_000);
afterAll(() => cleanup());

describe('casebook doc over a real store', () => {
  it('writes each document from a case, readable only by its owner', async () => {
    // Every document as PDF, and three as DOCX (each run unlocks the store, which takes a while).
    const wanted = DOCUMENT_KINDS.flatMap((kind) => (['consent-form', 'case-summary', 'outcome-agreement'].includes(kind) ? (['pdf', 'docx'] as const) : (['pdf'] as const)).map((format) => [kind, format] as const));
    const jobs = wanted.map(async ([kind, format]) => {
      {
        const out = join(dir, `${kind}.${format}`);
        const participant = DOCUMENT_PARTICIPANT[kind] === 'none' ? [] : ['--participant', 'p_harmed0001'];
        // She reads Welsh: the invitation in English here, checked word for word below.
        const extra = kind === 'meeting-invitation' ? ['--meeting-date', '2026-03-28', '--meeting-time', '10:30', '--meeting-place', 'Riverside Community Centre', '--language', 'en'] : [];
        const r = await cli(['doc', kind, '--case', 'rj-2026-0042', ...participant, '--format', format, '--out', out, ...extra, '--json'], env());
        return { kind, format, out, r };
      }
    });
    for (const { kind, format, out, r } of await Promise.all(jobs)) {
      expect(r.code, `${kind}.${format}: ${r.stderr}`).toBe(0);
      const value = json(r).value;
      expect(value).toMatchObject({ file: out, kind, format, missingCharacters: [], caseId: real.id });
      if (process.platform !== 'win32') expect((await stat(out)).mode & 0o777).toBe(0o600);
      const bytes = await readFile(out);
      expect(value.bytes).toBe(bytes.length);
      const text = format === 'pdf' ? await pdfText(out) : docxText(docxParts(new Uint8Array(bytes))['word/document.xml']!);
      const flat = text.replace(/\s+/g, ' ');
      // The service's name comes from the casebook's settings.
      if (format === 'pdf') expect(flat, kind).toContain('Gwasanaeth Cyfiawnder Adferol');
      expect(flat, kind).toContain('Siân Nguyễn');
      if (kind === 'meeting-invitation') expect(flat).toContain('28 March 2026 at 10:30, at Riverside Community Centre');
      if (kind === 'outcome-agreement') expect(flat).toMatch(/Łukasz Kowalski.*Signed on/);
    }
  }, 180_000);

  it('writes in Welsh from the recorded language, bilingually and in large print when asked, and refuses an unknown language', async () => {
    const cy = join(dir, 'letter-cy.pdf');
    const both = join(dir, 'letter-both.docx');
    const letter = ['doc', 'first-contact-letter', '--case', 'RJ-2026-0042', '--participant', 'p_harmed0001'];
    const [welsh, bilingual, french] = await Promise.all([
      cli([...letter, '--format', 'pdf', '--out', cy], env()),
      cli([...letter, '--language', 'bilingual', '--large-print', '--format', 'docx', '--out', both], env()),
      cli([...letter, '--language', 'fr', '--format', 'pdf', '--out', join(dir, 'never-fr.pdf')], env()),
    ]);
    expect(welsh.code, welsh.stderr).toBe(0);
    expect((await pdfText(cy)).replace(/\s+/g, ' ')).toContain('Annwyl Siân Nguyễn,');
    expect(bilingual.code, bilingual.stderr).toBe(0);
    const parts = docxParts(new Uint8Array(await readFile(both)));
    const text = docxText(parts['word/document.xml']!);
    expect(text.indexOf('Annwyl Siân Nguyễn,')).toBeLessThan(text.indexOf('Dear Siân Nguyễn,'));
    expect(parts['word/styles.xml']).toMatch(/<w:sz w:val="32"\/>/);
    expect(french.code).toBe(2);
    expect(french.stderr).toContain('--language is one of en, cy, bilingual, not "fr".');
  }, 60_000);

  it('never overwrites a file, and refuses before unlocking', async () => {
    const out = join(dir, 'exists.pdf');
    await writeFile(out, 'keep me');
    const r = await cli(['doc', 'case-summary', '--case', 'RJ-2026-0042', '--format', 'pdf', '--out', out, '--json'], { CASEBOOK_STORE: store });
    expect(r.code).toBe(1);
    expect(json(r).error?.code).toBe('CONFLICT');
    expect(await readFile(out, 'utf8')).toBe('keep me');
  }, 60_000);

  it('prints a blank consent form with no casebook and no passphrase', async () => {
    const out = join(dir, 'blank.pdf');
    const r = await cli(['doc', 'consent-form', '--blank', '--role', 'parent-guardian', '--format', 'pdf', '--out', out], { CASEBOOK_STORE: join(dir, 'no-such-store') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote the blank consent form \(Parent or guardian\) to .*blank\.pdf \(3 pages, /);
    const text = await pdfText(out);
    expect(text).toContain('Consent to take part in restorative justice');
    expect(text).toContain('Parent or guardian');
    const docx = join(dir, 'blank.docx');
    expect((await cli(['doc', 'consent-form', '--blank', '--format', 'docx', '--out', docx], {})).code).toBe(0);
    expect(docxParts(new Uint8Array(await readFile(docx)))['word/document.xml']!.match(/<w14:checkbox>/g)).toHaveLength(10);
  }, 60_000);

  it('draws a Chinese name with the system CJK face, or reports the characters where the machine has none', async () => {
    const out = join(dir, 'cjk.pdf');
    const r = await cli(['doc', 'case-summary', '--case', 'RJ-2026-0077', '--format', 'pdf', '--out', out, '--json'], env());
    expect(r.code).toBe(0);
    if (await findSystemCjkFace()) {
      expect(json(r).value.missingCharacters).toEqual([]);
      expect(await pdfText(out)).toContain('小龍 李');
      return;
    }
    expect(json(r).value.missingCharacters).toEqual(['李', '龍', '小'].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
    expect(r.stderr).toMatch(/3 characters .* printed as □: 小 \(U\+5C0F\), 李 \(U\+674E\), 龍 \(U\+9F8D\)/);
    expect(await pdfText(out)).toContain('□□ □');
  }, 60_000);

  it('explains what is wrong with a request, and writes nothing', async () => {
    const out = join(dir, 'never.pdf');
    const [noParticipant, unknownParticipant, unknownCase, badFormat, blankWithCase, badKind, wholeCaseWithParticipant, noAgreement] = await Promise.all([
      cli(['doc', 'first-contact-letter', '--case', 'RJ-2026-0042', '--format', 'pdf', '--out', out], env()),
      cli(['doc', 'consent-form', '--case', 'RJ-2026-0042', '--participant', 'p_nobody0000', '--format', 'pdf', '--out', out], env()),
      cli(['doc', 'case-summary', '--case', 'RJ-2026-9998', '--format', 'pdf', '--out', out], env()),
      cli(['doc', 'case-summary', '--case', 'RJ-2026-0042', '--format', 'odt', '--out', out], env()),
      cli(['doc', 'consent-form', '--blank', '--case', 'RJ-2026-0042', '--format', 'pdf', '--out', out], env()),
      cli(['doc', 'agreement', '--case', 'RJ-2026-0042', '--format', 'pdf', '--out', out], env()),
      cli(['doc', 'case-summary', '--case', 'RJ-2026-0042', '--participant', 'p_harmed0001', '--format', 'pdf', '--out', out], env()),
      cli(['doc', 'outcome-agreement', '--case', 'RJ-2026-0077', '--format', 'docx', '--out', out], env()),
    ]);
    expect(noParticipant.code).toBe(2);
    expect(noParticipant.stderr).toContain('p_harmed0001 (Siân Nguyễn, harmed)');
    expect(unknownParticipant.code).toBe(2);
    expect(unknownParticipant.stderr).toMatch(/no participant p_nobody0000.*p_respon0001 \(Łukasz Kowalski, responsible\)/);
    expect(unknownCase.code).toBe(1);
    expect(unknownCase.stderr).toMatch(/No case has the reference RJ-2026-9998/);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--format is pdf or docx/);
    expect(blankWithCase.code).toBe(2);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/There is no document "agreement"/);
    expect(wholeCaseWithParticipant.code).toBe(2);
    expect(noAgreement.code).toBe(2);
    expect(noAgreement.stderr).toContain('This case has no outcome agreement yet: record one on the Agreement tab first.');
    await expect(stat(out)).rejects.toThrow();
  }, 120_000);

  it('prints the logo set in Settings → Service', async () => {
    // Set in the app: through the service over the same store (the CLI has no command for it), then closed so the CLI can open it.
    const files = new MemoryFiles();
    const service = await createCasebookService({ storeDir: store, filePicker: files.filePicker });
    await service.unlock('Siân Gruffudd', PASS);
    files.toPick.push({ name: 'logo.png', bytes: makePng(90, 30, [0, 94, 165]) });
    await service.setServiceLogo({ chosen: (await service.chooseServiceLogo()).token! });
    await service.close();
    const out = join(dir, 'letter-with-logo.pdf');
    const r = await cli(['doc', 'first-contact-letter', '--case', 'RJ-2026-0042', '--participant', 'p_harmed0001', '--format', 'pdf', '--out', out], env());
    expect(r.code, r.stderr).toBe(0);
    // pdfimages lists two header lines, then one line per image drawn: the letterhead's logo.
    const { stdout } = await run('pdfimages', ['-list', out]);
    expect(stdout.trim().split('\n').slice(2)).toHaveLength(1);
  }, 120_000);
});
