/**
 * Golden tests: each document, in deterministic mode, in each format; its extracted text is
 * compared with tests/documents/golden/NAME.FORMAT.txt. After an intended change of
 * wording or layout, run with UPDATE_GOLDEN=1 and review the diff of the golden files.
 * Page 1 of each PDF is also drawn to test-results/documents/NAME.png, to look at.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsentForm, renderDocx, renderPdf, type DocumentModel, type DocumentTemplates, type FontSet } from '../../src-main/documents';
import { docxParts, docxText, fonts, longCaseModel, makePng, NAMES, pdfText, PNG_DIR, run, shippedTemplates, tempDir, writeTemp } from './helpers';

const GOLDEN = fileURLToPath(new URL('./golden', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let templates: DocumentTemplates;
let fontSet: FontSet;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  templates = await shippedTemplates();
  fontSet = await fonts();
  ({ dir, cleanup } = await tempDir());
  await mkdir(PNG_DIR, { recursive: true });
});
afterAll(() => cleanup());

const logo = makePng(180, 60, [13, 64, 110]);
const case42 = { caseReference: 'RJ-2026-0042', facilitatorName: 'Zoë Şükrü', processType: 'Face-to-face meeting (conference)', date: '2026-03-14', deterministic: true, logo: { data: logo, format: 'png' as const } };

const documents: Record<string, () => DocumentModel> = {
  'consent-harmed': () => buildConsentForm(templates, { ...case42, role: 'harmed', participantName: 'Siân Nguyễn' }),
  'consent-responsible': () => buildConsentForm(templates, { ...case42, role: 'responsible', participantName: 'Łukasz Алексей', under18: true }),
  'consent-supporter': () => buildConsentForm(templates, { ...case42, role: 'supporter', participantName: 'Αλέξανδρος', supports: 'Siân Nguyễn' }),
  'consent-parent-guardian': () => buildConsentForm(templates, { ...case42, role: 'parent-guardian', participantName: NAMES.join(' ') }),
  'consent-blank': () => buildConsentForm(templates, { blank: true, deterministic: true }),
  'consent-blank-responsible': () => buildConsentForm(templates, { blank: true, role: 'responsible', deterministic: true }),
  'long-record': () => longCaseModel(true),
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
    throw new Error(`No golden file ${name}: run UPDATE_GOLDEN=1 npx vitest run tests/documents/golden.test.ts and review it`);
  });
  expect(actual, `${name} differs from tests/documents/golden/${name}; if the change is intended, run with UPDATE_GOLDEN=1`).toBe(expected);
}

describe('golden text of each document and format (deterministic mode)', () => {
  for (const [name, build] of Object.entries(documents)) {
    it(`${name}.pdf`, async () => {
      const result = await renderPdf(build(), { fonts: fontSet });
      expect(result.missingCharacters).toEqual([]);
      const file = await writeTemp(dir, `${name}.pdf`, result.bytes);
      await compare(`${name}.pdf.txt`, tidy(await pdfText(file)));
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(PNG_DIR, name)]);
    });

    it(`${name}.docx`, async () => {
      const parts = docxParts((await renderDocx(build())).bytes);
      const section = (re: RegExp) => Object.keys(parts).filter((n) => re.test(n)).sort().map((n) => docxText(parts[n]!)).join('\n');
      const text = ['[header]', section(/^word\/header\d*\.xml$/), '[body]', docxText(parts['word/document.xml']!), '[footer]', section(/^word\/footer\d*\.xml$/)].join('\n');
      await compare(`${name}.docx.txt`, tidy(text));
    });
  }
});
