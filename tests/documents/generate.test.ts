/**
 * generateDocument, the one entry point for the Documents tab, the CLI and the benchmarks:
 * what it refuses, names in many scripts, characters no font has, passwords, deterministic
 * bytes, that a change of template wording reaches both PDF and DOCX, and that LibreOffice
 * opens every DOCX it makes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../../src-main/domain/cases/case';
import { DocumentInputError, loadTemplates } from '../../src-main/documents';
import { DOCUMENT_KINDS, DOCUMENT_PARTICIPANT, generateDocument, type DocumentDeps, type DocumentKind, type GenerateDocumentRequest } from '../../src-main/documents/generate';
import { loadDocumentResources } from '../../src-main/services/templates/document-resources';
import { findSystemCjkFace } from '../../src-main/documents/system-cjk-font';
import { agreedCase, bigCase, realCase, STAFF, TODAY } from './fixtures';
import { docxParts, docxText, hasCommand, NAMES, pdfPages, pdfText, PNG_DIR, ROOT, run, templateFiles, tempDir, writeTemp } from './helpers';

let deps: DocumentDeps;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const r = await loadDocumentResources(ROOT);
  deps = { templates: r.templates, fonts: r.fonts, casework: { consentElements: r.consentElements, riskFactors: r.riskFactors, staff: STAFF, agreementActions: r.agreementActions } };
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

const real = realCase();
const agreed = agreedCase();
/** A participant for the documents that need one; the case with an agreement for the outcome agreement. */
const request = (kind: DocumentKind, c: Case = kind === 'outcome-agreement' ? agreed : real): Omit<GenerateDocumentRequest, 'format'> => ({
  kind,
  caseData: c,
  today: TODAY,
  deterministic: true,
  // The first participant reads Welsh; these tests read the English wording.
  language: 'en',
  ...(DOCUMENT_PARTICIPANT[kind] === 'required' ? { participantId: c.participants[0]!.id } : {}),
});

async function bytesOf(req: GenerateDocumentRequest, d: DocumentDeps = deps): Promise<Uint8Array> {
  const r = await generateDocument(req, d);
  if (r.format === 'html') throw new Error('expected bytes');
  return r.bytes;
}

describe('generateDocument', () => {
  it('refuses what cannot be made, saying what to do', async () => {
    const fails = (req: Partial<GenerateDocumentRequest>) => expect(generateDocument({ format: 'pdf', kind: 'consent-form', ...req } as GenerateDocumentRequest, deps)).rejects.toThrow(DocumentInputError);
    await fails({ caseData: real });
    await expect(generateDocument({ kind: 'first-contact-letter', caseData: real, format: 'pdf' }, deps)).rejects.toThrow(/p_harmed0001 \(Siân Nguyễn, harmed\)/);
    await expect(generateDocument({ kind: 'risk-assessment', caseData: real, participantId: 'p_nobody0000', format: 'pdf' }, deps)).rejects.toThrow(/no participant p_nobody0000/);
    await fails({ kind: 'case-summary', caseData: real, participantId: 'p_harmed0001' });
    await fails({ kind: 'case-summary' });
    await fails({ kind: 'risk-assessment', blank: true });
    await fails({ blank: true, role: 'other' as never });
    await fails({ kind: 'nonsense' as never, caseData: real });
    await fails({ caseData: real, participantId: 'p_harmed0001', today: '14/03/2026' });
    await expect(generateDocument({ ...request('case-summary'), format: 'docx', password: 'secret' }, deps)).rejects.toThrow(/Only a PDF/);
    await expect(generateDocument({ ...request('case-summary'), format: 'pdf', password: '' }, deps)).rejects.toThrow(/cannot be empty/);
    await expect(generateDocument({ ...request('case-summary'), format: 'pdf' }, { ...deps, casework: {} })).rejects.toThrow(/needs the consent elements/);
  });

  it('draws names in many scripts, and they come back out of pdftotext exactly, with the fonts embedded and mapped to Unicode', async () => {
    const exact = ['محمد علی خان', 'שרה כהן', 'गुरप्रीत कुमार'];
    const people = [...NAMES.map((n, i) => [n, ['Gruffudd', 'Nowak', 'Brontë', 'Yılmaz', 'Thị Hoa', 'Παπαδόπουλος', 'Смирнов'][i]!]), ...exact.map((n) => n.split(' ')).map((p) => [p[0]!, p.slice(1).join(' ')])];
    const c = CaseSchema.parse({
      ...real,
      participants: people.map(([givenName, familyName], i) => ({ id: `p_script${String(i).padStart(4, '0')}`, role: i % 2 ? 'responsible' : 'harmed', person: { givenName, familyName } })),
      meetings: [],
    });
    const names = people.map(([g, f]) => `${g} ${f}`);
    for (const kind of ['case-summary', 'risk-assessment', 'preparation-record'] as const) {
      const r = await generateDocument({ ...request(kind, c), format: 'pdf' }, deps);
      if (r.format !== 'pdf') throw new Error('expected a PDF');
      expect(r.missingCharacters).toEqual([]);
      const file = await writeTemp(dir, `scripts-${kind}.pdf`, r.bytes);
      const text = (await pdfText(file)).replace(/\s+/g, ' ');
      for (const name of names) expect(text, `${kind}: ${name}`).toContain(name);
      const { stdout } = await run('pdffonts', [file]);
      const rows = stdout.split('\n').slice(2).filter((l) => l.trim());
      expect(rows.length).toBeGreaterThan(1);
      // columns: name type encoding emb sub uni object ID
      for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    }
    const docx = docxText(docxParts(await bytesOf({ ...request('case-summary', c), format: 'docx' }))['word/document.xml']!);
    for (const name of names) expect(docx).toContain(name);
  });

  it('reports characters no font has, in every format, and draws them as □ in the PDF', async () => {
    const c = CaseSchema.parse({ ...real, participants: [...real.participants, { id: 'p_hie0000001', role: 'supporter', person: { givenName: '\u{13000}\u{13001}', familyName: 'Ra' } }] });
    for (const format of ['pdf', 'docx', 'html'] as const) {
      const r = await generateDocument({ ...request('case-summary', c), format }, deps);
      expect(r.missingCharacters, format).toEqual(['\u{13000}', '\u{13001}']);
      if (r.format === 'pdf') expect(await pdfText(await writeTemp(dir, 'missing.pdf', r.bytes))).toContain('□□ Ra');
    }
  });

  it('draws Chinese, Japanese and Korean names in the PDF with the system CJK face, or reports them where the machine has none', async () => {
    const c = CaseSchema.parse({ ...real, participants: [...real.participants, { id: 'p_cjk0000001', role: 'supporter', person: { givenName: '小龍', familyName: '李' } }, { id: 'p_cjk0000002', role: 'supporter', person: { givenName: 'さくら', familyName: '김' } }] });
    const system = await findSystemCjkFace();
    const r = await generateDocument({ ...request('case-summary', c), format: 'pdf' }, deps);
    if (r.format !== 'pdf') throw new Error('expected a PDF');
    const text = await pdfText(await writeTemp(dir, 'cjk.pdf', r.bytes));
    if (system) {
      expect(r.missingCharacters).toEqual([]);
      expect(text).toContain('小龍 李');
      expect(text).toContain('さくら 김');
      const fonts = execFileSync('pdffonts', [join(dir, 'cjk.pdf')], { encoding: 'utf8' });
      expect(fonts).toMatch(new RegExp(system.name.replace(/ /g, '')));
      expect(fonts.split('\n').slice(2).filter((l) => l.trim()).every((l) => / yes /.test(l))).toBe(true);
    } else {
      expect(r.missingCharacters).toEqual(['小', '李', '龍', 'く', 'さ', 'ら', '김'].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
    }
  });

  it('protects a PDF with a password when asked', async () => {
    const r = await generateDocument({ ...request('risk-assessment'), format: 'pdf', password: 'correct horse' }, deps);
    if (r.format !== 'pdf') throw new Error('expected a PDF');
    const file = await writeTemp(dir, 'protected.pdf', r.bytes);
    await expect(run('pdfinfo', [file])).rejects.toThrow();
    expect((await run('pdfinfo', ['-upw', 'correct horse', file])).stdout).toMatch(/Encrypted:\s+yes.*AES-256/);
    expect(await pdfText(file, ['-upw', 'correct horse'])).toContain('Siân Nguyễn');
  });

  it('gives the same bytes for the same request in deterministic mode, for every document', async () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const format of ['pdf', 'docx'] as const) {
        const a = await bytesOf({ ...request(kind), format });
        const b = await bytesOf({ ...request(kind), format });
        expect(Buffer.from(a).equals(Buffer.from(b)), `${kind}.${format}`).toBe(true);
      }
    }
  });

  it('takes the service’s name and role labels from the settings over service.yaml', async () => {
    const d = { ...deps, service: { name: 'Warwickshire RJ Hub', roles: { harmed: 'Victim', responsible: 'Offender' } } };
    const parts = docxParts(await bytesOf({ ...request('case-summary'), format: 'docx' }, d));
    const text = docxText(parts['word/document.xml']!);
    const header = Object.entries(parts).filter(([n]) => /^word\/header\d*\.xml$/.test(n)).map(([, x]) => docxText(x)).join('\n');
    expect(header).toContain('Warwickshire RJ Hub');
    expect(text).toContain('Victim');
    expect(text).toContain('Offender');
    expect(text).not.toContain(deps.templates.service.roles.harmed);
  });

  it('prints a change of a template’s wording in both the PDF and the DOCX', async () => {
    const files = (await templateFiles()).map((f) => {
      if (f.name === 'risk-assessment.yaml') return { ...f, text: f.text.replace('title: Risk assessment record', 'title: Asesiad risg – risk record').replace('overall: Overall decision', 'overall: Penderfyniad cyffredinol') };
      if (f.name === 'letters.yaml') return { ...f, text: f.text.replace('Thank you for agreeing to talk to us', 'Diolch – thank you for agreeing to talk to us') };
      if (f.name === 'case-summary.yaml') return { ...f, text: f.text.replace('timelineHeading: Timeline', 'timelineHeading: Llinell amser') };
      return f;
    });
    const loaded = loadTemplates(files);
    if (!loaded.ok) throw new Error(loaded.message);
    const d = { ...deps, templates: loaded.value };
    const cases: [DocumentKind, string[]][] = [
      ['risk-assessment', ['Asesiad risg – risk record', 'Penderfyniad cyffredinol']],
      ['meeting-invitation', ['Diolch – thank you for agreeing to talk to us']],
      ['case-summary', ['Llinell amser']],
    ];
    for (const [kind, wanted] of cases) {
      const pdf = (await pdfText(await writeTemp(dir, `${kind}-edited.pdf`, await bytesOf({ ...request(kind), format: 'pdf' }, d)))).replace(/\s+/g, ' ');
      const docx = docxText(docxParts(await bytesOf({ ...request(kind), format: 'docx' }, d))['word/document.xml']!).replace(/\s+/g, ' ');
      const html = await generateDocument({ ...request(kind), format: 'html' }, d);
      for (const w of wanted) {
        expect(pdf, `${kind}.pdf`).toContain(w);
        expect(docx, `${kind}.docx`).toContain(w);
        if (html.format === 'html') expect(html.html, `${kind}.html`).toContain(w);
      }
    }
  });

  it('refuses a template with a mistake, naming the file and the line', async () => {
    const files = await templateFiles();
    const edit = (name: string, change: (t: string) => string) => files.map((f) => (f.name === name ? { ...f, text: change(f.text) } : f));
    const typo = loadTemplates(edit('risk-assessment.yaml', (t) => t.replace('notRated: Not rated', 'notRatd: Not rated')));
    expect(typo.ok).toBe(false);
    if (!typo.ok) {
      expect(typo.message).toMatch(/risk-assessment\.yaml line \d+.*unknown field "notRatd"/);
      expect(typo.message).toMatch(/risk-assessment\.yaml.*"notRated" is missing/);
    }
    const noLetter = loadTemplates(edit('letters.yaml', (t) => t.replace('  meeting-invitation:', '  meeting-invite:')));
    expect(!noLetter.ok && noLetter.message).toMatch(/letters\.yaml line \d+.*the letter "meeting-invitation" is missing/);
    const placeholder = loadTemplates(edit('case-summary.yaml', (t) => t.replace('{{case.stage}}', '{{participant.name}}')));
    expect(!placeholder.ok && placeholder.message).toMatch(/case-summary\.yaml line \d+, column \d+: unknown placeholder \{\{participant\.name\}\}/);
    const rating = loadTemplates(edit('case-summary.yaml', (t) => t.replace('  high: High\ndecisions:', 'decisions:')));
    expect(!rating.ok && rating.message).toMatch(/case-summary\.yaml.*ratings.*"high" is missing/);
  });
});

describe('LibreOffice opens every generated DOCX', async () => {
  const soffice = await hasCommand('soffice');
  if (!soffice) console.warn('SKIPPED: LibreOffice (soffice) is not installed, so the DOCX → PDF check did not run. .ci/run installs libreoffice-writer-nogui.');

  it.skipIf(!soffice)('converts each case document, and the 30-participant case, to PDF without error', async () => {
    const big = bigCase();
    const docs: [string, GenerateDocumentRequest][] = [
      ...DOCUMENT_KINDS.map((kind): [string, GenerateDocumentRequest] => [kind, { ...request(kind), format: 'docx' }]),
      ['blank-consent', { kind: 'consent-form', blank: true, format: 'docx', deterministic: true }],
      ['big-case-summary', { ...request('case-summary', big), format: 'docx' }],
      ['big-preparation-record', { ...request('preparation-record', big), format: 'docx' }],
      ['big-risk-assessment', { ...request('risk-assessment', big), participantId: big.participants[0]!.id, format: 'docx' }],
    ];
    const files: string[] = [];
    for (const [name, req] of docs) files.push(await writeTemp(dir, `${name}.docx`, await bytesOf(req)));
    const out = join(dir, 'lo');
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files], { timeout: 280_000 });
    for (const [name] of docs) {
      const pdf = join(out, `${name}.pdf`);
      expect(existsSync(pdf), `${name}.pdf`).toBe(true);
      const pages = await pdfPages(pdf);
      expect(pages.length, name).toBeGreaterThan(0);
      expect(pages[0], name).toContain(`Page 1 of ${pages.length}`);
    }
    const summary = (await pdfText(join(out, 'case-summary.pdf'))).replace(/\s+/g, ' ');
    for (const name of ['Siân Nguyễn', 'Łukasz Kowalski', 'Алёша Смирнов', 'Şükrü Yılmaz', 'Nguyễn Thị Hoa']) expect(summary).toContain(name);
    const bigPages = await pdfPages(join(out, 'big-case-summary.pdf'));
    expect(bigPages.length).toBeGreaterThan(5);
    expect(bigPages.join(' ').replace(/\s+/g, ' ')).toContain('END-NOTE.');
    await run('mkdir', ['-p', PNG_DIR]);
    for (const name of ['case-summary', 'first-contact-letter', 'risk-assessment']) {
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(out, `${name}.pdf`), join(PNG_DIR, `case-${name}.docx-via-libreoffice`)]);
    }
  }, 300_000);
});
