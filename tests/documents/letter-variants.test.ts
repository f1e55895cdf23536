/**
 * The documents a participant reads, in each variant: Welsh and bilingual (chosen from the
 * person's recorded language or asked for), the young person's letter and consent form (chosen
 * from the date of birth), large print, a consent form to sign (never ticked) and a record of
 * consent given. Golden text per variant and format in tests/documents/golden/variants/; fonts
 * embedded; LibreOffice opens every DOCX (one soffice call); page renders in
 * test-results/documents/variant-NAME-N.png to look at. After an intended change:
 * UPDATE_GOLDEN=1 npx vitest run tests/documents/letter-variants.test.ts, then review the diff.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentModel, generateDocument, type DocumentDeps, type GenerateDocumentRequest } from '../../src-main/documents/generate';
import { renderPdf } from '../../src-main/documents';
import { loadDocumentResources } from '../../src-main/services/templates/document-resources';
import { documentLanguageFor } from '../../src-main/domain/documents/catalogue';
import type { Case } from '../../src-main/domain/cases/case';
import { bigCase, realCase, STAFF, TODAY } from './fixtures';
import { compareGolden, docxAllText, docxParts, hasCommand, pdfPages, pdfText, PNG_DIR, ROOT, run, tempDir, tidyText, writeTemp } from './helpers';

const GOLDEN = fileURLToPath(new URL('./golden/variants', import.meta.url));

let deps: DocumentDeps;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const { templates, fonts, consentElements, riskFactors, agreementActions } = await loadDocumentResources(ROOT);
  deps = { templates, fonts, casework: { consentElements, riskFactors, staff: STAFF, agreementActions } };
  [{ dir, cleanup }] = await Promise.all([tempDir(), mkdir(PNG_DIR, { recursive: true })]);
});
afterAll(() => cleanup());

const real = realCase();
/** The same case before anyone's consent was recorded: consent forms to sign. */
const unsigned: Case = { ...real, participants: real.participants.map((p) => ({ ...p, consent: [] })) };
const base = { caseData: real, today: TODAY, deterministic: true } as const;
const harmed = 'p_harmed0001'; // Siân Nguyễn, language Welsh
const young = 'p_respon0001'; // Łukasz Kowalski, 15, his mother a parent or guardian in the case
const meeting = { date: '2026-03-28', time: '10:30', place: 'Canolfan Gymunedol Glan yr Afon' };

const VARIANTS: Record<string, Omit<GenerateDocumentRequest, 'format'>> = {
  'letter-first-contact-cy': { ...base, kind: 'first-contact-letter', participantId: harmed },
  'letter-first-contact-bilingual': { ...base, kind: 'first-contact-letter', participantId: harmed, language: 'bilingual' },
  'letter-meeting-invitation-cy': { ...base, kind: 'meeting-invitation', participantId: harmed, meeting },
  'letter-meeting-invitation-bilingual': { ...base, kind: 'meeting-invitation', participantId: harmed, meeting, language: 'bilingual' },
  'letter-young': { ...base, kind: 'first-contact-letter', participantId: young },
  'letter-young-cy': { ...base, kind: 'first-contact-letter', participantId: young, language: 'cy' },
  'letter-large-print': { ...base, kind: 'first-contact-letter', participantId: harmed, language: 'en', largePrint: true },
  'consent-to-sign-cy': { ...base, caseData: unsigned, kind: 'consent-form', participantId: harmed },
  'consent-to-sign-bilingual': { ...base, caseData: unsigned, kind: 'consent-form', participantId: harmed, language: 'bilingual' },
  'consent-to-sign-large-print': { ...base, caseData: unsigned, kind: 'consent-form', participantId: harmed, language: 'en', largePrint: true },
  'consent-record': { ...base, kind: 'consent-form', participantId: harmed, language: 'en' },
  'consent-young-to-sign': { ...base, caseData: unsigned, kind: 'consent-form', participantId: young },
  'consent-young-to-sign-cy': { ...base, caseData: unsigned, kind: 'consent-form', participantId: young, language: 'cy' },
  'consent-young-record': { ...base, kind: 'consent-form', participantId: young },
  'consent-blank-large-print': { kind: 'consent-form', blank: true, role: 'harmed', largePrint: true, deterministic: true },
};

const LEAKS = /\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]|\{\{/;
const compare = (name: string, actual: string) => compareGolden(GOLDEN, name, actual, 'tests/documents/letter-variants.test.ts');

const pdfs = new Map<string, string>();

describe('golden text of each participant document variant, as PDF and DOCX', () => {
  for (const [name, request] of Object.entries(VARIANTS)) {
    it(`${name}.pdf: the text, every font embedded, page renders`, async () => {
      const r = await generateDocument({ ...request, format: 'pdf' }, deps);
      if (r.format !== 'pdf') throw new Error('expected a PDF');
      expect(r.missingCharacters).toEqual([]);
      const file = await writeTemp(dir, `${name}.pdf`, r.bytes);
      pdfs.set(name, file);
      const text = tidyText(await pdfText(file));
      expect(text).not.toMatch(LEAKS);
      await compare(`${name}.pdf.txt`, text);
      const { stdout } = await run('pdffonts', [file]);
      const rows = stdout.split('\n').slice(2).filter((l) => l.trim());
      for (const row of rows) expect(row, `${name}: ${row}`).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
      await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', file, join(PNG_DIR, `variant-${name}`)]);
    });

    it(`${name}.docx`, async () => {
      const r = await generateDocument({ ...request, format: 'docx' }, deps);
      if (r.format !== 'docx') throw new Error('expected a DOCX');
      const text = tidyText(docxAllText(r.bytes));
      expect(text).not.toMatch(LEAKS);
      await compare(`${name}.docx.txt`, text);
      if (request.largePrint) expect(docxParts(r.bytes)['word/styles.xml']).toMatch(/<w:sz w:val="32"\/>/);
    });
  }
});

describe('what each variant says', () => {
  const text = async (name: string) => (await pdfText(pdfs.get(name) ?? (await writeTemp(dir, `${name}.pdf`, await pdfBytes(VARIANTS[name]!))))).replace(/\s+/g, ' ');

  it('chooses Welsh from the recorded language, with Welsh dates and ŵ, ŷ, â drawn from the embedded fonts', async () => {
    expect(documentLanguageFor('Welsh')).toBe('cy');
    expect(documentLanguageFor('Cymraeg')).toBe('cy');
    expect(documentLanguageFor('Welsh and English')).toBe('bilingual');
    expect(documentLanguageFor('Polish')).toBe('en');
    expect(documentLanguageFor(undefined)).toBe('en');
    const cy = await text('letter-first-contact-cy');
    expect(cy).toContain('Annwyl Siân Nguyễn,');
    expect(cy).toContain('14 Mawrth 2026');
    expect(cy).not.toContain('Dear ');
    const r = await renderPdf({ metadata: { title: 'ŵŷâêîôû ŴŶÂ', deterministic: true }, blocks: [{ kind: 'paragraph', runs: [{ text: 'ŵ ŷ â ê î ô û Ŵ Ŷ Â' }] }] }, { fonts: deps.fonts });
    expect(r.missingCharacters).toEqual([]);
  });

  it('prints a bilingual letter Welsh first, then English', async () => {
    const t = await text('letter-first-contact-bilingual');
    expect(t.indexOf('Annwyl Siân')).toBeGreaterThan(-1);
    expect(t.indexOf('Annwyl Siân')).toBeLessThan(t.indexOf('Dear Siân'));
  });

  it('writes to an under-18 in plain words and copies the letter to their parent or guardian', async () => {
    const t = await text('letter-young');
    expect(t).toContain('You do not have to take part. It is your choice.');
    expect(t).toMatch(/Copy to: Agnieszka Kowalska \(parent or guardian\)/);
    // The adult letter when the user chooses it.
    const adult = await text2({ ...VARIANTS['letter-young']!, youngPerson: false });
    expect(adult).not.toContain('Copy to:');
  });

  it('never prints a form to sign with ticks; consent already recorded is a record, titled with its date, with no signature lines', async () => {
    const checked = (request: Omit<GenerateDocumentRequest, 'format'>) => buildDocumentModel({ ...request, format: 'pdf' }, deps).blocks.filter((b) => b.kind === 'checkbox' && b.checked).length;
    for (const name of ['consent-to-sign-cy', 'consent-to-sign-bilingual', 'consent-young-to-sign', 'consent-blank-large-print']) expect(checked(VARIANTS[name]!), name).toBe(0);
    expect(checked(VARIANTS['consent-record']!)).toBe(10);
    const record = await text('consent-record');
    expect(record).toContain('Record of consent given on 20 February 2026');
    expect(record).not.toContain('Signature');
    expect(record).not.toContain('Tick each box');
  });

  it('fits an adult consent form to sign on two pages, initials on each, the signatures together on the last', async () => {
    const file = await writeTemp(dir, 'consent-en.pdf', await pdfBytes({ ...base, caseData: unsigned, kind: 'consent-form', participantId: harmed, language: 'en' }));
    const pages = await pdfPages(file);
    await run('pdftoppm', ['-png', '-r', '50', file, join(PNG_DIR, 'variant-consent-to-sign-en')]);
    expect(pages).toHaveLength(2);
    for (const p of pages) expect(p).toContain('Participant initials ________');
    for (const who of ['Participant', 'Facilitator (countersignature)']) expect(pages[1]).toContain(who);
  });

  it('never leaves a table header alone at the foot of a page', async () => {
    // A table starting low on a page: its header moves to the next page with its first row.
    const rows = Array.from({ length: 4 }, (_, i) => [`Risk ${i + 1}`, 'Medium', 'One line of the plan.\n'.repeat(6).trim()]);
    const model = {
      metadata: { title: 'Table', deterministic: true },
      blocks: [{ kind: 'paragraph' as const, runs: [{ text: 'Above the table.' }] }, { kind: 'spacer' as const, height: 613 }, { kind: 'table' as const, columns: [{ header: 'Risk factor', width: 2 }, { header: 'Rating', width: 1 }, { header: 'How the risk will be reduced', width: 4 }], rows }],
    };
    const file = await writeTemp(dir, 'orphan.pdf', (await renderPdf(model, { fonts: deps.fonts })).bytes);
    const pages = await pdfPages(file);
    expect(pages[0]).not.toContain('Risk factor');
    expect(pages[1]).toContain('Risk factor');
    expect(pages[1]).toContain('Risk 1');
    // The long risk record: page 1 ends with the header and the start of its first row, not the header alone.
    const big = bigCase();
    const risk = await writeTemp(dir, 'big-risk.pdf', await pdfBytes({ caseData: big, kind: 'risk-assessment', today: TODAY, deterministic: true }));
    const first = (await pdfPages(risk))[0]!;
    expect(first).toContain(deps.templates.riskAssessment.columns.mitigation);
    expect(first).toContain(deps.templates.riskAssessment.ratings.high);
  });
});

describe('LibreOffice opens every variant DOCX', async () => {
  const soffice = await hasCommand('soffice');
  if (!soffice) console.warn('SKIPPED: LibreOffice (soffice) is not installed, so the DOCX → PDF check did not run.');

  it.skipIf(!soffice)('converts them all to PDF in one call', async () => {
    const files: string[] = [];
    for (const [name, request] of Object.entries(VARIANTS)) {
      const r = await generateDocument({ ...request, format: 'docx' }, deps);
      if (r.format !== 'docx') throw new Error('expected a DOCX');
      files.push(await writeTemp(dir, `${name}.docx`, r.bytes));
    }
    const out = join(dir, 'lo');
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files], { timeout: 280_000 });
    for (const name of Object.keys(VARIANTS)) {
      const pdf = join(out, `${name}.pdf`);
      expect(existsSync(pdf), `${name}.pdf`).toBe(true);
      expect((await pdfPages(pdf)).length, name).toBeGreaterThan(0);
    }
    await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(out, 'letter-first-contact-bilingual.pdf'), join(PNG_DIR, 'variant-letter-first-contact-bilingual-docx-via-libreoffice')]);
  }, 300_000);
});

async function pdfBytes(request: Omit<GenerateDocumentRequest, 'format'>): Promise<Uint8Array> {
  const r = await generateDocument({ ...request, format: 'pdf' }, deps);
  if (r.format !== 'pdf') throw new Error('expected a PDF');
  return r.bytes;
}

async function text2(request: Omit<GenerateDocumentRequest, 'format'>): Promise<string> {
  return (await pdfText(await writeTemp(dir, 'other.pdf', await pdfBytes(request)))).replace(/\s+/g, ' ');
}
