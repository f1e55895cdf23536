/**
 * The documents made from a real case (risk record, preparation record, case summary,
 * letters, the pre-filled consent form, the outcome agreement), through generateDocument as
 * the app and the CLI call it. Golden text in deterministic mode for each document and format (PDF via pdftotext,
 * DOCX via word/document.xml, HTML as written); page 1 of each PDF drawn to
 * test-results/documents/case-NAME.png to look at. After an intended change of wording or
 * layout: UPDATE_GOLDEN=1 npx vitest run tests/documents/case-documents.test.ts, then
 * review the diff of tests/documents/golden/.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSchema } from '../../src-main/domain/cases/case';
import { DocumentInputError, NO_AGREEMENT } from '../../src-main/documents';
import { generateDocument, type DocumentDeps, type GenerateDocumentRequest } from '../../src-main/documents/generate';
import { loadDocumentResources } from '../../src-main/services/templates/document-resources';
import { agreedCase, bigCase, realCase, STAFF, TODAY } from './fixtures';
import { docxParts, docxText, pdfPages, pdfText, PNG_DIR, ROOT, run, tempDir, writeTemp } from './helpers';

const GOLDEN = fileURLToPath(new URL('./golden', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let deps: DocumentDeps;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const r = await loadDocumentResources(ROOT);
  deps = { templates: r.templates, fonts: r.fonts, casework: { consentElements: r.consentElements, riskFactors: r.riskFactors, staff: STAFF, agreementActions: r.agreementActions } };
  ({ dir, cleanup } = await tempDir());
  await mkdir(PNG_DIR, { recursive: true });
});
afterAll(() => cleanup());

const real = realCase();
const base = { caseData: real, today: TODAY, deterministic: true } as const;

/** Each document made from the real case: name → request (without the format). */
const DOCUMENTS: Record<string, Omit<GenerateDocumentRequest, 'format'>> = {
  'consent-case-responsible': { ...base, kind: 'consent-form', participantId: 'p_respon0001' },
  'consent-case-supporter': { ...base, kind: 'consent-form', participantId: 'p_suppor0001', supports: 'Siân Nguyễn' },
  'consent-case-other': { ...base, kind: 'consent-form', participantId: 'p_other00001' },
  'risk-harmed': { ...base, kind: 'risk-assessment', participantId: 'p_harmed0001' },
  'risk-responsible': { ...base, kind: 'risk-assessment', participantId: 'p_respon0001' },
  'risk-not-assessed': { ...base, kind: 'risk-assessment', participantId: 'p_parent0001' },
  'risk-whole-case': { ...base, kind: 'risk-assessment' },
  'preparation-harmed': { ...base, kind: 'preparation-record', participantId: 'p_harmed0001' },
  'preparation-none-recorded': { ...base, kind: 'preparation-record', participantId: 'p_other00001' },
  'preparation-whole-case': { ...base, kind: 'preparation-record' },
  'case-summary': { ...base, kind: 'case-summary' },
  // She reads Welsh: in English here (letter-variants.test.ts has the Welsh and bilingual letters).
  'letter-first-contact-harmed': { ...base, kind: 'first-contact-letter', participantId: 'p_harmed0001', language: 'en' },
  'letter-first-contact-responsible': { ...base, kind: 'first-contact-letter', participantId: 'p_respon0001' },
  'letter-first-contact-no-address': { ...base, kind: 'first-contact-letter', participantId: 'p_suppor0001' },
  'letter-meeting-invitation': { ...base, kind: 'meeting-invitation', participantId: 'p_harmed0001', language: 'en', meeting: { date: '2026-03-28', time: '10:30', place: 'Riverside Community Centre, Room 2' } },
  'letter-meeting-invitation-unarranged': { ...base, kind: 'meeting-invitation', participantId: 'p_parent0001' },
  'outcome-agreement-signed': { ...base, caseData: agreedCase(), kind: 'outcome-agreement' },
  'outcome-agreement-draft': { ...base, caseData: agreedCase({ draft: true }), kind: 'outcome-agreement' },
};

/** Trailing spaces and the final form feed vary with nothing we control. */
const tidy = (s: string) => s.replace(/[ \t]+$/gm, '').replace(/\f/g, '\n<page>\n').trimEnd() + '\n';

async function compare(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN, name);
  if (UPDATE) {
    await mkdir(GOLDEN, { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, 'utf8').catch(() => {
    throw new Error(`No golden file ${name}: run UPDATE_GOLDEN=1 npx vitest run tests/documents/case-documents.test.ts and review it`);
  });
  expect(actual, `${name} differs from tests/documents/golden/${name}; if the change is intended, run with UPDATE_GOLDEN=1`).toBe(expected);
}

function docxAllText(bytes: Uint8Array): string {
  const parts = docxParts(bytes);
  const section = (re: RegExp) => Object.keys(parts).filter((n) => re.test(n)).sort().map((n) => docxText(parts[n]!)).join('\n');
  return ['[header]', section(/^word\/header\d*\.xml$/), '[body]', docxText(parts['word/document.xml']!), '[footer]', section(/^word\/footer\d*\.xml$/)].join('\n');
}

/** Text that must never reach a printed page: a value left undefined, or a number gone wrong. */
const LEAKS = /\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]|\{\{/;

describe('golden text of each case document and format (deterministic mode)', () => {
  for (const [name, request] of Object.entries(DOCUMENTS)) {
    it(`${name}.pdf`, async () => {
      const r = await generateDocument({ ...request, format: 'pdf' }, deps);
      if (r.format !== 'pdf') throw new Error('expected a PDF');
      expect(r.missingCharacters).toEqual([]);
      const file = await writeTemp(dir, `${name}.pdf`, r.bytes);
      const text = tidy(await pdfText(file));
      expect(text).not.toMatch(LEAKS);
      await compare(`case-${name}.pdf.txt`, text);
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(PNG_DIR, `case-${name}`)]);
    });

    it(`${name}.docx`, async () => {
      const r = await generateDocument({ ...request, format: 'docx' }, deps);
      if (r.format !== 'docx') throw new Error('expected a DOCX');
      const text = tidy(docxAllText(r.bytes));
      expect(text).not.toMatch(LEAKS);
      await compare(`case-${name}.docx.txt`, text);
    });

    it(`${name}.html`, async () => {
      const r = await generateDocument({ ...request, format: 'html' }, deps);
      if (r.format !== 'html') throw new Error('expected HTML');
      expect(r.html).not.toMatch(LEAKS);
      await compare(`case-${name}.html`, `${r.html}\n`);
    });
  }
});

async function pdfOf(request: Omit<GenerateDocumentRequest, 'format'>, name: string) {
  const r = await generateDocument({ ...request, format: 'pdf' }, deps);
  if (r.format !== 'pdf') throw new Error('expected a PDF');
  return { r, file: await writeTemp(dir, name, r.bytes) };
}

describe('what the case documents say', () => {

  it('ticks on a record of consent exactly the elements currently given, and has no signature lines', async () => {
    // Consent recorded prints as a record of it (the adult wording, here, by choice).
    const r = await generateDocument({ ...DOCUMENTS['consent-case-responsible']!, youngPerson: false, format: 'docx' }, deps);
    if (r.format !== 'docx') throw new Error('expected a DOCX');
    const body = docxParts(r.bytes)['word/document.xml']!;
    // Given: process-explained, voluntary, confidentiality, signatures; declined: feedback-contact.
    expect(body.match(/<w14:checked w14:val="1"\/>/g)).toHaveLength(4);
    expect(body.match(/<w14:checked w14:val="0"\/>/g)).toHaveLength(6);
    const text = docxText(body);
    expect(text).toContain('Łukasz Kowalski');
    expect(text).toContain('Zoë Şükrü');
    expect(text).toContain('A direct process (a face-to-face or video meeting)');
    expect(text).toContain('Record of consent given on 25 February 2026');
    expect(text).not.toContain(deps.templates.consentForm.signatures.parentGuardian);
    // A withdrawal is not a tick: the supporter withdrew element 2 after giving it.
    const sup = await generateDocument({ ...DOCUMENTS['consent-case-supporter']!, format: 'docx' }, deps);
    if (sup.format !== 'docx') throw new Error('expected a DOCX');
    const supBody = docxParts(sup.bytes)['word/document.xml']!;
    expect(supBody.match(/<w14:checked w14:val="1"\/>/g)).toHaveLength(1);
    expect(docxText(supBody)).not.toContain(deps.templates.consentForm.signatures.parentGuardian);
  });

  it('prints each factor with its rating and mitigation, the decision, the review date and the sign-off', async () => {
    const { file } = await pdfOf(DOCUMENTS['risk-responsible']!, 'risk.pdf');
    // -layout keeps a table row on one line, so a factor, its rating and its mitigation read in order.
    const text = (await pdfText(file, ['-layout'])).replace(/\s+/g, ' ');
    const t = deps.templates.riskAssessment;
    expect(text).toContain('Age and capacity High Aged 15: his mother attends every meeting; plain-language materials.');
    expect(text).toContain(`${t.decision.overall} ${t.decisions['indirect-only']}`);
    expect(text).toContain(`${t.decision.reviewOn} 20 March 2026`);
    expect(text).toContain(`${t.signOff.by} Αλέξανδρος Παπαδόπουλος`);
    expect(text).toContain('Manager');
    expect(text).toContain('Start with a letter exchange');
  });

  it('summarises consent and risk for each participant and the timeline in England and Wales time', async () => {
    const { file } = await pdfOf(DOCUMENTS['case-summary']!, 'summary.pdf');
    const text = (await pdfText(file, ['-layout'])).replace(/\s+/g, ' ');
    const t = deps.templates.caseSummary;
    // -layout may close up "9 / 9" to "9/9".
    expect(text).toMatch(new RegExp(`Siân Nguyễn ${t.consentStates.complete} 9 ?/ ?9 None`));
    expect(text).toMatch(new RegExp(`Алёша Смирнов ${t.consentStates.withdrawn} 1 ?/ ?7 Withdrawn: 2 \\(5 March 2026\\)`));
    expect(text).toContain('Declined: 9 (25 February 2026)');
    expect(text).toContain('2 July 2026, 00:30');
    expect(text).toContain(t.stages.consent);
    // Names in many scripts come back out exactly (in reading order a wrapped cell is one run of text).
    const plain = (await pdfText(file)).replace(/\s+/g, ' ');
    for (const name of ['Siân Nguyễn', 'Łukasz Kowalski', 'Agnieszka Kowalska', 'Алёша Смирнов', 'Şükrü Yılmaz', 'Nguyễn Thị Hoa', 'Αλέξανδρος Παπαδόπουλος', 'Zoë Şükrü']) expect(plain).toContain(name);
  });

  it('addresses a letter to the participant at their address, with the service details, date, reference and signature', async () => {
    const { file } = await pdfOf(DOCUMENTS['letter-first-contact-harmed']!, 'letter.pdf');
    const [page, ...rest] = await pdfPages(file);
    expect(rest).toHaveLength(0);
    for (const line of ['Siân Nguyễn', 'Flat 2', '14 Heol y Frenhines', 'Caerdydd CF10 2BQ', '1 Example Street', '01234 567890', 'rj@example.org', 'Our ref: RJ-2026-0042', '14 March 2026', 'Dear Siân Nguyễn,', 'Yours sincerely,', 'Zoë Şükrü', 'Restorative justice facilitator']) {
      expect(page).toContain(line);
    }
    // The person harmed gets their own wording.
    expect(page).toContain("Victims' Code");
    const inv = await pdfOf(DOCUMENTS['letter-meeting-invitation']!, 'invite.pdf');
    expect((await pdfText(inv.file)).replace(/\s+/g, ' ')).toContain('on 28 March 2026 at 10:30, at Riverside Community Centre, Room 2.');
  });
});

describe('the outcome agreement', () => {
  const t = () => deps.templates.outcomeAgreement;

  it('states the conference, the actions with their kinds, people and dates, and who signs, names in any script intact', async () => {
    const { file } = await pdfOf(DOCUMENTS['outcome-agreement-signed']!, 'agreement.pdf');
    const plain = (await pdfText(file)).replace(/\s+/g, ' ');
    for (const name of ['Siân Nguyễn', 'Łukasz Kowalski', 'Agnieszka Kowalska', 'Zoë Şükrü']) expect(plain).toContain(name);
    expect(plain).toContain('not legally binding');
    expect(plain).toContain(t().ifNotDoneHeading);
    // -layout keeps a table row on one line: number, kind (from agreement-actions.yaml), what, who, due date.
    const rows = (await pdfText(file, ['-layout'])).replace(/\s+/g, ' ');
    expect(rows).toMatch(/1 Letter Write a letter to Siân .*Łukasz .*1 May 2026/);
    expect(rows).toMatch(/4 Keeping the .*Agnieszka .*30 September 2026/);
    expect(rows).toContain(`${t().details.conference} 18 April 2026`);
    // Signed: every date line reads "Signed on 18 April 2026" (three signatories and the facilitator), as does the details row.
    expect(rows).toContain(`${t().details.signedOn} 18 April 2026`);
    expect(rows.match(new RegExp(`${t().signatures.signedOn} 18 April 2026`, 'g'))).toHaveLength(4 + 1);
    for (const label of ['Person harmed', 'Person responsible', 'Parent or guardian', t().signatures.facilitator]) expect(plain).toContain(label);
  });

  it('prints a draft with a date line to fill in for each signature', async () => {
    const { file } = await pdfOf(DOCUMENTS['outcome-agreement-draft']!, 'draft.pdf');
    const rows = (await pdfText(file, ['-layout'])).replace(/\s+/g, ' ');
    expect(rows).toContain(`${t().details.signedOn} ${t().notSigned}`);
    expect(rows).not.toContain(`${t().signatures.signedOn} 18 April 2026`);
    expect(rows.match(/Signature +Date/g)).toHaveLength(4);
  });

  it('leaves out the conference for an agreement reached without one', async () => {
    const c = agreedCase();
    const { meetingId: _m, ...agreement } = c.agreement!;
    const indirect = CaseSchema.parse({ ...c, schedule: [], agreement });
    const r = await generateDocument({ ...base, caseData: indirect, kind: 'outcome-agreement', format: 'html' }, deps);
    if (r.format !== 'html') throw new Error('expected HTML');
    expect(r.html).not.toContain(t().details.conference);
    expect(r.html).toContain('Łukasz Kowalski');
  });

  it('refuses a case with no agreement, saying where to record one', async () => {
    for (const format of ['pdf', 'docx', 'html'] as const) {
      const made = generateDocument({ ...base, kind: 'outcome-agreement', format }, deps);
      await expect(made).rejects.toThrow(DocumentInputError);
      await expect(made).rejects.toThrow(NO_AGREEMENT);
    }
    expect(NO_AGREEMENT).toBe('This case has no outcome agreement yet: record one on the Agreement tab first.');
    await expect(generateDocument({ ...DOCUMENTS['outcome-agreement-signed']!, participantId: 'p_harmed0001', format: 'pdf' }, deps)).rejects.toThrow(/covers the whole case/);
    await expect(generateDocument({ ...DOCUMENTS['outcome-agreement-signed']!, format: 'pdf' }, { ...deps, casework: { staff: STAFF } })).rejects.toThrow(/agreement-actions\.yaml/);
  });

  it('lays 40 actions over pages, repeating the table header on each, with the header row marked to repeat in the DOCX', async () => {
    const request = { ...base, caseData: agreedCase({ actions: 40 }), kind: 'outcome-agreement' } as const;
    const { r, file } = await pdfOf(request, 'forty.pdf');
    expect(r.missingCharacters).toEqual([]);
    const pages = (await pdfPages(file)).map((p) => p.replace(/\s+/g, ' '));
    expect(pages).toHaveLength(r.pageCount);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const withActions = pages.filter((p) => /What will be done/.test(p));
    expect(withActions.length).toBeGreaterThanOrEqual(3);
    for (const p of withActions) expect(p).toContain(t().columns.dueOn);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
    const rows = (await pdfText(file, ['-layout'])).replace(/\s+/g, ' ');
    expect(rows).toMatch(/40 Behaviour at .*Siân Nguyễn 31 December 2026/);
    expect(pages.at(-1)).toContain(t().signatures.facilitator);
    await run('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', file, join(PNG_DIR, 'case-outcome-agreement-40-actions-page2')]);

    const docx = await generateDocument({ ...request, format: 'docx' }, deps);
    if (docx.format !== 'docx') throw new Error('expected a DOCX');
    const body = docxParts(docx.bytes)['word/document.xml']!;
    const table = body.slice(body.lastIndexOf('<w:tbl>', body.indexOf(`>${t().columns.completionShownBy}<`)));
    const firstRow = table.slice(0, table.indexOf('</w:tr>'));
    expect(firstRow).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
    expect(firstRow).toContain(`>${t().columns.dueOn}<`);
    expect(table.slice(0, table.indexOf('</w:tbl>')).match(/<w:tr>/g)).toHaveLength(41);
    const text = docxText(body);
    for (const name of ['Siân Nguyễn', 'Łukasz Kowalski', 'Agnieszka Kowalska', 'Zoë Şükrü']) expect(text).toContain(name);
  });
});

describe('30 participants, 20,000-character notes and empty optional fields lay out cleanly', () => {
  const big = bigCase();
  const bigRequests: Record<string, Omit<GenerateDocumentRequest, 'format'>> = {
    'big-case-summary': { caseData: big, kind: 'case-summary', today: TODAY, deterministic: true },
    'big-risk-whole-case': { caseData: big, kind: 'risk-assessment', today: TODAY, deterministic: true },
    'big-preparation-whole-case': { caseData: big, kind: 'preparation-record', today: TODAY, deterministic: true },
    'big-consent-other': { caseData: big, kind: 'consent-form', participantId: big.participants[5]!.id, today: TODAY, deterministic: true },
    'big-letter': { caseData: big, kind: 'first-contact-letter', participantId: big.participants[1]!.id, today: TODAY, deterministic: true },
  };

  for (const [name, request] of Object.entries(bigRequests)) {
    it(name, async () => {
      const r = await generateDocument({ ...request, format: 'pdf' }, deps);
      if (r.format !== 'pdf') throw new Error('expected a PDF');
      expect(r.missingCharacters).toEqual([]);
      const file = await writeTemp(dir, `${name}.pdf`, r.bytes);
      const pages = (await pdfPages(file)).map((p) => p.replace(/\s+/g, ' '));
      expect(pages).toHaveLength(r.pageCount);
      pages.forEach((p, i) => {
        expect(p, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(p, `page ${i + 1}`).toContain(deps.templates.service.name);
        expect(p).not.toMatch(LEAKS);
      });
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(PNG_DIR, `case-${name}`)]);
      if (name === 'big-case-summary' || name === 'big-preparation-whole-case') {
        const all = pages.join(' ');
        for (const p of big.participants) expect(all).toContain(`${p.person.givenName} ${p.person.familyName}`);
        expect(all).toContain('END-NOTE.');
        // The participants' table repeats its header on each page it reaches.
        const header = name === 'big-case-summary' ? deps.templates.caseSummary.participantColumns.takesPart : deps.templates.preparationRecord.needs.accessibility;
        const withTable = pages.filter((p) => big.participants.slice(3, 28).some((x) => p.includes(x.person.familyName.split('-')[0]!)));
        expect(withTable.length).toBeGreaterThan(1);
        expect(withTable.filter((p) => p.includes(header)).length).toBeGreaterThan(1);
      }
      const docx = await generateDocument({ ...request, format: 'docx' }, deps);
      if (docx.format !== 'docx') throw new Error('expected a DOCX');
      expect(docxAllText(docx.bytes)).not.toMatch(LEAKS);
      const html = await generateDocument({ ...request, format: 'html' }, deps);
      if (html.format !== 'html') throw new Error('expected HTML');
      expect(html.html).not.toMatch(LEAKS);
    });
  }
});
