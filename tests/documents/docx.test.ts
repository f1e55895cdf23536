import { unzipSync } from 'fflate';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsentForm, CONSENT_ROLES, renderDocx, type DocumentModel, type DocumentTemplates } from '../../src-main/documents';
import { docxParts, docxText, hasCommand, longCaseModel, makePng, NAMES, pdfPages, pdfText, PNG_DIR, run, shippedTemplates, tempDir, writeTemp } from './helpers';

let templates: DocumentTemplates;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  templates = await shippedTemplates();
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

const filled = (role: (typeof CONSENT_ROLES)[number], extra = {}) =>
  buildConsentForm(templates, {
    role,
    caseReference: 'RJ-2026-0042',
    participantName: NAMES.join(' '),
    facilitatorName: 'Zoë Şükrü',
    processType: 'Face-to-face meeting (conference)',
    under18: true,
    date: '2026-03-14',
    ...extra,
  });

describe('DOCX renderer', () => {
  it('writes the text, real Word checkboxes, and PAGE / NUMPAGES fields in the footer', async () => {
    const { bytes } = await renderDocx(filled('responsible'));
    const parts = docxParts(bytes);
    const body = parts['word/document.xml']!;
    const text = docxText(body);
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain(templates.consentForm.title);
    expect(text).toContain('14 March 2026');
    expect(text).toContain(templates.consentForm.elements.find((e) => e.id === 'voluntary')!.byRole!.responsible!.slice(0, 60));
    // One content-control checkbox per consent element.
    expect(body.match(/<w14:checkbox>/g)).toHaveLength(10);
    expect(body).toMatch(/<w:sdt>[\s\S]*?<w14:checkbox>[\s\S]*?<w14:checked w14:val="0"\/>/);

    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d*\.xml$/.test(n))![1];
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(docxText(footer)).toMatch(/Page \{PAGE\}.* of \{NUMPAGES\}/);
    const header = Object.entries(parts).find(([n]) => /^word\/header\d*\.xml$/.test(n))![1];
    expect(docxText(header)).toContain('Consent form · RJ-2026-0042');
  });

  it('prints checkboxes ticked for elements already recorded on a record of consent, and never on a form to sign', async () => {
    const { bytes } = await renderDocx(filled('harmed', { ticked: ['process', 'feedback'], record: { on: '2026-03-14' } }));
    const body = docxParts(bytes)['word/document.xml']!;
    expect(body.match(/<w14:checked w14:val="1"\/>/g)).toHaveLength(2);
    expect(docxText(body)).toContain('Record of consent given on 14 March 2026');
    const toSign = docxParts((await renderDocx(filled('harmed', { ticked: ['process', 'feedback'] }))).bytes)['word/document.xml']!;
    expect(toSign.match(/<w14:checked w14:val="1"\/>/g)).toBeNull();
  });

  it('marks a table header row to repeat on every page', async () => {
    const { bytes } = await renderDocx(longCaseModel());
    const body = docxParts(bytes)['word/document.xml']!;
    expect(body).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
    const text = docxText(body);
    expect(text).toContain('END-OF-NOTE');
    expect(text).toContain(`${NAMES[29 % NAMES.length]} 30`);
  });

  it('embeds an image (the service logo) in the header', async () => {
    const model = buildConsentForm(templates, { blank: true, logo: { data: makePng(120, 40, [13, 64, 110]), format: 'png' } });
    const parts = docxParts((await renderDocx(model)).bytes);
    const rels = Object.entries(parts).filter(([n]) => n.includes('header') && n.endsWith('.rels'));
    expect(rels.map(([, x]) => x).join('')).toMatch(/relationships\/image/);
  });

  it('draws a chart from its raster, from the rasterise hook, or as its alt text', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#0d406e"/></svg>';
    const raster = { data: makePng(200, 100, [13, 64, 110]), format: 'png' as const };
    const model = (withRaster: boolean): DocumentModel => ({
      metadata: { title: 'Charts' },
      blocks: [{ kind: 'chart', svg, width: 300, height: 150, alt: 'Referrals by month', ...(withRaster ? { raster } : {}) }],
    });
    const images = (bytes: Uint8Array) => Object.keys(docxParts(bytes)).length && (docxParts(bytes)['word/_rels/document.xml.rels']!.match(/relationships\/image/g) ?? []).length;
    // The SVG and its picture as the fallback for readers that cannot draw SVG.
    expect(images((await renderDocx(model(true))).bytes)).toBe(2);
    const hooked = (await renderDocx(model(false), { rasteriseChart: async () => raster })).bytes;
    expect(Object.keys(unzipSync(hooked)).filter((n) => n.startsWith('word/media/')).map((n) => n.replace(/^.*\./, '')).sort()).toEqual(['png', 'svg']);
    expect(docxParts(hooked)['word/document.xml']).toMatch(/<wp:docPr [^>]*descr="Referrals by month"/);
    const plain = (await renderDocx(model(false))).bytes;
    expect(images(plain)).toBe(0);
    expect(docxText(docxParts(plain)['word/document.xml']!)).toContain('Referrals by month');
  });

  it('gives the same bytes for the same model in deterministic mode, dated 2000-01-01', async () => {
    const model = filled('supporter', { deterministic: true, supports: 'Siân', logo: { data: makePng(90, 30, [13, 64, 110]), format: 'png' } });
    const a = (await renderDocx(model)).bytes;
    const b = (await renderDocx(model)).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(docxParts(a)['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>');
  });
});

describe('LibreOffice opens every generated DOCX', async () => {
  const soffice = await hasCommand('soffice');
  if (!soffice) console.warn('SKIPPED: LibreOffice (soffice) is not installed, so the DOCX → PDF check did not run. .ci/run installs libreoffice-writer-nogui.');

  it.skipIf(!soffice)('converts consent forms for each role, a blank form and a long record to PDF without error', async () => {
    const docs: [string, DocumentModel][] = [
      ...CONSENT_ROLES.map((r): [string, DocumentModel] => [`consent-${r}`, filled(r, { supports: 'Siân' })]),
      ['consent-blank', buildConsentForm(templates, { blank: true })],
      ['long-record', longCaseModel()],
    ];
    const files: string[] = [];
    for (const [name, model] of docs) files.push(await writeTemp(dir, `${name}.docx`, (await renderDocx(model)).bytes));
    const out = join(dir, 'lo');
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files], { timeout: 240_000 });
    for (const [name] of docs) {
      const pdf = join(out, `${name}.pdf`);
      expect(existsSync(pdf), `${name}.pdf`).toBe(true);
      const pages = await pdfPages(pdf);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    }
    const text = await pdfText(join(out, 'consent-responsible.pdf'));
    for (const name of NAMES) expect(text).toContain(name);
    const long = await pdfPages(join(out, 'long-record.pdf'));
    expect(long.length).toBeGreaterThan(2);
    expect(long[1]).toContain('Participant');
    // A picture of page 1 of the Word version, beside the PDF renderer's (golden.test.ts), to look at.
    await run('mkdir', ['-p', PNG_DIR]);
    for (const name of ['consent-responsible', 'consent-blank']) {
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(out, `${name}.pdf`), join(PNG_DIR, `${name}.docx-via-libreoffice`)]);
    }
  }, 300_000);
});
