/**
 * The one-page figures report (issue 15): golden text in each format (UPDATE_GOLDEN=1 to
 * rewrite, then review the diff), every font embedded, LibreOffice opens the DOCX, and a
 * picture of each page in test-results/documents/ to look at. Figures from the hand-counted
 * casebook of tests/figures, so each number in the golden files can be checked by hand.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCommissionerFigures } from '../../src-main/domain/figures/commissioner';
import { buildFiguresReport } from '../../src-main/documents/builders/figures-report';
import { renderDocx, renderPdf, type FontSet } from '../../src-main/documents';
import { chartRasteriser } from '../../src-main/documents/charts/rasterise';
import { HAND_CASES, Q1 } from '../figures/hand-casebook';
import { docxParts, docxText, fonts, hasCommand, pdfPages, pdfText, PNG_DIR, run, tempDir, writeTemp } from './helpers';

const GOLDEN = fileURLToPath(new URL('./golden', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let fontSet: FontSet;
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  fontSet = await fonts();
  ({ dir, cleanup } = await tempDir());
  await mkdir(PNG_DIR, { recursive: true });
});
afterAll(() => cleanup());

const model = () => buildFiguresReport({ serviceName: 'Northshire RJ Hub', madeOn: '2026-07-02', figures: computeCommissionerFigures(HAND_CASES, Q1, () => 1), deterministic: true });
const empty = () => buildFiguresReport({ serviceName: 'Northshire RJ Hub', madeOn: '2026-07-02', figures: computeCommissionerFigures([], Q1, () => 1), deterministic: true });

const tidy = (s: string) => s.replace(/[ \t]+$/gm, '').replace(/\f/g, '\n<page>\n').trimEnd() + '\n';

async function compare(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN, name);
  if (UPDATE) return writeFile(file, actual);
  const expected = await readFile(file, 'utf8').catch(() => {
    throw new Error(`No golden file ${name}: run UPDATE_GOLDEN=1 npx vitest run tests/documents/figures-report.test.ts and review it`);
  });
  expect(actual, `${name} differs from tests/documents/golden/${name}; if the change is intended, run with UPDATE_GOLDEN=1`).toBe(expected);
}

describe('the figures report', () => {
  it('as PDF: the golden text, the headlines, the funnel and referrals by month on page 1, every font embedded', async () => {
    const r = await renderPdf(model(), { fonts: fontSet });
    expect(r.missingCharacters).toEqual([]);
    const file = await writeTemp(dir, 'figures-report.pdf', r.bytes);
    await compare('figures-report.pdf.txt', tidy(await pdfText(file)));
    const [first] = await pdfPages(file);
    for (const section of ['Headlines and comparisons', 'From offer to completion', 'Referrals by month']) expect(first).toContain(section);
    const { stdout } = await run('pdffonts', [file]);
    const rows = stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    await run('pdftoppm', ['-png', '-r', '60', file, join(PNG_DIR, 'figures-report')]);
  });

  it('as DOCX: the golden text', async () => {
    const parts = docxParts((await renderDocx(model())).bytes);
    await compare('figures-report.docx.txt', tidy(docxText(parts['word/document.xml']!)));
  });

  it('says "No data in this period" for an empty period, never "None"', async () => {
    const file = await writeTemp(dir, 'figures-empty.pdf', (await renderPdf(empty(), { fonts: fontSet })).bytes);
    const text = await pdfText(file);
    expect(text).toContain('No data in this period');
    expect(text).not.toMatch(/\bNone\b/);
  });
});

describe('LibreOffice opens the figures report DOCX', async () => {
  const soffice = await hasCommand('soffice');
  if (!soffice) console.warn('SKIPPED: LibreOffice (soffice) is not installed, so the figures report DOCX → PDF check did not run.');
  it.skipIf(!soffice)('converts it to PDF with the report’s text', async () => {
    const docx = await writeTemp(dir, 'figures-report.docx', (await renderDocx(model(), { rasteriseChart: chartRasteriser(fontSet) })).bytes);
    const out = join(dir, 'lo');
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 240_000 });
    const pdf = join(out, 'figures-report.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Restorative justice figures');
    expect(text).toContain('How each figure is counted');
    await run('pdftoppm', ['-png', '-r', '60', pdf, join(PNG_DIR, 'figures-report.docx-via-libreoffice')]);
  }, 300_000);
});
