import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsentForm, renderPdf, REPLACEMENT_MARK, type DocumentModel, type DocumentTemplates, type FontSet } from '../../src-main/documents';
import { breakLines } from '../../src-main/documents/pdf/line-break';
import { fonts, longCaseModel, makePng, NAMES, pdfPages, pdfText, run, shippedTemplates, tempDir, writeTemp } from './helpers';

let templates: DocumentTemplates;
let fontSet: FontSet;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  templates = await shippedTemplates();
  fontSet = await fonts();
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

const simple = (blocks: DocumentModel['blocks'], extra: Partial<DocumentModel> = {}): DocumentModel => ({
  metadata: { title: 'Test document', deterministic: true },
  header: { left: 'Restorative Justice Service', right: 'Test' },
  blocks,
  ...extra,
});

describe('PDF renderer', () => {
  it('draws names in many scripts with an embedded Unicode font, and they come back out of pdftotext exactly', async () => {
    const model = buildConsentForm(templates, {
      role: 'harmed',
      caseReference: 'RJ-2026-0042',
      participantName: NAMES.join(' '),
      facilitatorName: 'Αλέξανδρος Алексей',
      processType: 'Letter exchange',
      date: '2026-03-14',
    });
    const result = await renderPdf(model, { fonts: fontSet });
    expect(result.missingCharacters).toEqual([]);
    const file = await writeTemp(dir, 'names.pdf', result.bytes);
    const text = await pdfText(file);
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain(NAMES.join(' '));
    expect(text).toContain('Αλέξανδρος Алексей');
    expect(text).toContain('14 March 2026');

    const { stdout } = await run('pdffonts', [file]);
    const rows = stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/DejaVuSans/);
      // columns: name type encoding emb sub uni object ID
      expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    }
  });

  it('draws scripts from the bundled Noto fonts: right-to-left Arabic and Hebrew, and Indic and Thai scripts', async () => {
    const exact = ['محمد علی خان', 'عائشہ بی بی', 'שרה כהן', 'गुरप्रीत कुमार'];
    // Indic vowel signs drawn before their consonant come out of pdftotext in visual order,
    // so these are checked for glyphs and fonts, not for exact text.
    const drawn = ['ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ', 'রহিম উদ্দিন', 'જયેશ પટેલ', 'செல்வி', 'สมชาย'];
    const result = await renderPdf(simple([...exact, ...drawn].map((name) => ({ kind: 'paragraph' as const, runs: [{ text: `Name: ${name} (Siân)` }] }))), { fonts: fontSet });
    expect(result.missingCharacters).toEqual([]);
    const file = await writeTemp(dir, 'scripts.pdf', result.bytes);
    const text = await pdfText(file);
    for (const name of exact) expect(text).toContain(name);
    const { stdout } = await run('pdffonts', [file]);
    for (const face of ['NotoSansArabic', 'NotoSansDevanagari', 'NotoSansGurmukhi', 'NotoSansBengali', 'NotoSansGujarati', 'NotoSansTamil', 'NotoSansThai']) {
      expect(stdout).toMatch(new RegExp(`\\+${face}\\s.*\\byes\\s+yes\\s+yes\\s`));
    }
  });

  it('replaces a character no font has with a visible mark and reports it, without failing', async () => {
    // Egyptian hieroglyphs: in no shipped face, nor in a system CJK face the chain may end with.
    const result = await renderPdf(simple([{ kind: 'paragraph', runs: [{ text: 'Name: \u{13000}\u{13001} Smith \u{1F984} end' }] }]), { fonts: fontSet });
    expect(result.missingCharacters).toEqual(expect.arrayContaining(['\u{13000}', '\u{13001}']));
    const text = await pdfText(await writeTemp(dir, 'missing.pdf', result.bytes));
    expect(text).toContain(`Name: ${REPLACEMENT_MARK}${REPLACEMENT_MARK} Smith`);
    expect(text).toContain('end');
  });

  it('repeats a table header row on every page the table reaches', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`Row ${i + 1}`, `Value ${i + 1}`]);
    const result = await renderPdf(simple([{ kind: 'table', columns: [{ header: 'Participant column', width: 2 }, { header: 'Status column', width: 1 }], rows }]), { fonts: fontSet });
    expect(result.pageCount).toBeGreaterThanOrEqual(2);
    const pages = await pdfPages(await writeTemp(dir, 'table.pdf', result.bytes));
    expect(pages).toHaveLength(result.pageCount);
    pages.forEach((p) => {
      expect(p).toContain('Participant column');
      expect(p).toContain('Status column');
    });
    expect(pages[1]).toMatch(/Row \d+/);
    expect(pages.join('\n')).toContain('Row 80');
  });

  it('puts the header and "Page X of Y" on every page', async () => {
    const result = await renderPdf(longCaseModel(), { fonts: fontSet });
    const pages = await pdfPages(await writeTemp(dir, 'long.pdf', result.bytes));
    expect(pages.length).toBe(result.pageCount);
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('Restorative Justice Service');
      expect(p).toContain('Confidential');
    });
  });

  it('flows a 20,000-character note and 30 participants over several pages', async () => {
    const result = await renderPdf(longCaseModel(), { fonts: fontSet });
    expect(result.pageCount).toBeGreaterThanOrEqual(5);
    expect(result.missingCharacters).toEqual([]);
    const text = await pdfText(await writeTemp(dir, 'long2.pdf', result.bytes));
    expect(text).toContain('END-OF-NOTE');
    expect(text).toContain(`${NAMES[29 % NAMES.length]} 30`);
    expect(text).toContain('Supervision booked.');
  });

  it('breaks a word longer than a line, and keeps a cell taller than a page', async () => {
    const long = 'x'.repeat(3_000);
    const tall = Array.from({ length: 150 }, (_, i) => `line ${i + 1}`).join('\n');
    const result = await renderPdf(simple([{ kind: 'paragraph', runs: [{ text: long }] }, { kind: 'table', columns: [{ header: 'A', width: 1 }, { header: 'B', width: 1 }], rows: [['short', tall]] }]), { fonts: fontSet });
    const text = await pdfText(await writeTemp(dir, 'extreme.pdf', result.bytes));
    expect(text.replace(/\s/g, '')).toContain('x'.repeat(500));
    expect(text).toContain('line 150');
  });

  it('renders every kind of block, including empty and odd values, without failing', async () => {
    const png = makePng(60, 30, [13, 64, 110]);
    const model = simple([
      { kind: 'heading', level: 1, text: '' },
      { kind: 'paragraph', runs: [] },
      { kind: 'paragraph', runs: [{ text: 'Bold ', bold: true }, { text: 'italic', italic: true }, { text: '\n\tTabbed\r\nline\u0007 with control' }], align: 'center' },
      { kind: 'list', ordered: false, items: [] },
      { kind: 'table', columns: [{ header: 'Only', width: 0 }], rows: [] },
      { kind: 'keyValue', items: [] },
      { kind: 'checkbox', checked: true, label: [] },
      { kind: 'signature', label: '', name: '', date: '' },
      { kind: 'image', data: png, format: 'png', width: 40, alt: 'logo' },
      { kind: 'chart', svg: '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect x="0" y="0" width="100" height="50" fill="#0d406e"/></svg>', width: 200, height: 100, alt: 'A chart' },
      { kind: 'chart', svg: 'not svg at all', width: 200, height: 100, alt: 'Broken chart' },
      { kind: 'pageBreak' },
      { kind: 'pageBreak' },
      { kind: 'spacer', height: 5_000 },
      { kind: 'paragraph', runs: [{ text: 'After all that' }] },
    ], { header: { left: 'x'.repeat(400), right: 'y'.repeat(400), logo: { data: png, format: 'png' } }, footer: { left: 'z'.repeat(400) } });
    const result = await renderPdf(model, { fonts: fontSet });
    const text = await pdfText(await writeTemp(dir, 'kinds.pdf', result.bytes));
    expect(text).toContain('After all that');
    expect(text).toContain('Tabbed');
  });

  it('protects the PDF with a password (AES-256) when asked', async () => {
    const model = buildConsentForm(templates, { blank: true });
    const result = await renderPdf(model, { fonts: fontSet, password: 'correct horse' });
    const file = await writeTemp(dir, 'protected.pdf', result.bytes);
    await expect(run('pdfinfo', [file])).rejects.toThrow();
    const { stdout } = await run('pdfinfo', ['-upw', 'correct horse', file]);
    expect(stdout).toMatch(/Encrypted:\s+yes.*AES-256/);
    expect(await pdfText(file, ['-upw', 'correct horse'])).toContain(templates.consentForm.title);
    await expect(renderPdf(model, { fonts: fontSet, password: '' })).rejects.toThrow(/cannot be empty/);
  });

  it('gives the same bytes for the same model in deterministic mode', async () => {
    const model = buildConsentForm(templates, { role: 'responsible', participantName: 'Zoë', caseReference: 'RJ-2026-0001', deterministic: true });
    const a = await renderPdf(model, { fonts: fontSet });
    const b = await renderPdf(model, { fonts: fontSet });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const { stdout } = await run('pdfinfo', [await writeTemp(dir, 'det.pdf', a.bytes)]);
    expect(stdout).toMatch(/CreationDate:\s+Sat Jan\s+1 00:00:00 2000/);
  });
});

describe('line breaking', () => {
  const measure = (text: string) => text.length;
  it('breaks at spaces, keeps styles, and honours new lines', () => {
    const lines = breakLines([{ text: 'aaa bbb ' }, { text: 'ccc', bold: true }, { text: ' ddd\neee' }], 7, measure);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['aaa bbb', 'ccc ddd', 'eee']);
    expect(lines[1]!.pieces[0]).toMatchObject({ text: 'ccc', bold: true });
  });
  it('breaks a word wider than the line between characters', () => {
    const lines = breakLines([{ text: 'abcdefghij' }], 4, measure);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['abcd', 'efgh', 'ij']);
  });
  it('gives one empty line for empty text', () => {
    expect(breakLines([], 10, measure)).toHaveLength(1);
  });
});
