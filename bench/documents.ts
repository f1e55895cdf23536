/**
 * Document benchmarks: each document in each format (PDF, DOCX, and the HTML preview), as
 * medians of warm runs through generateDocument, beside the peer a user would otherwise use:
 * LibreOffice converting the same DOCX to PDF (a fresh `soffice --headless --convert-to pdf`
 * per conversion, as a script or a person would run it), measured in the same run.
 * Target (issue 4): a consent form in at most 150 ms per format.
 *
 * Run alone with `npx tsx bench/documents.ts`; bench/run.ts calls benchDocuments().
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generateDocument, type DocumentDeps, type GenerateDocumentRequest } from '../src-main/documents/generate';
import { loadDocumentResources } from '../src-main/services/templates/document-resources';
import { bigCase, realCase, STAFF, TODAY } from '../tests/documents/fixtures';
import { median, round } from './measure';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FORMATS = ['pdf', 'docx', 'html'] as const;
const TARGET_MS = 150;

export interface DocumentBenchRow {
  document: string;
  pages: number;
  pdfMs: number;
  docxMs: number;
  htmlMs: number;
  /** LibreOffice converting this document's DOCX to PDF; undefined when soffice is not installed. */
  libreOfficeDocxToPdfMs?: number;
}

export interface DocumentBenchResult {
  runs: number;
  libreOfficeRuns: number;
  /** The first PDF of the process: parsing the fonts and loading the libraries included. */
  coldFirstPdfMs: number;
  rows: DocumentBenchRow[];
  targets: { consentFormMaxMs: number; consentFormWorstMs: number; consentFormTargetMet: boolean };
  libreOffice: boolean;
}

async function hasSoffice(): Promise<boolean> {
  try {
    await run('sh', ['-c', 'command -v soffice']);
    return true;
  } catch {
    return false;
  }
}

export async function benchDocuments(o: { runs?: number; libreOfficeRuns?: number; log?: (line: string) => void } = {}): Promise<DocumentBenchResult> {
  const runs = o.runs ?? Number(process.env.BENCH_DOC_RUNS ?? 9);
  const loRuns = o.libreOfficeRuns ?? Number(process.env.BENCH_LO_RUNS ?? 3);
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const r = await loadDocumentResources(ROOT);
  const deps: DocumentDeps = { templates: r.templates, fonts: r.fonts, casework: { consentElements: r.consentElements, riskFactors: r.riskFactors, staff: STAFF } };
  const real = realCase();
  const base = { caseData: real, today: TODAY };
  const documents: [string, Omit<GenerateDocumentRequest, 'format'>][] = [
    ['consent form (pre-filled)', { ...base, kind: 'consent-form', participantId: 'p_respon0001' }],
    ['consent form (blank)', { kind: 'consent-form', blank: true }],
    ['risk assessment record', { ...base, kind: 'risk-assessment', participantId: 'p_respon0001' }],
    ['preparation meeting record', { ...base, kind: 'preparation-record', participantId: 'p_harmed0001' }],
    ['case summary for supervision', { ...base, kind: 'case-summary' }],
    ['first-contact letter', { ...base, kind: 'first-contact-letter', participantId: 'p_harmed0001' }],
    ['meeting invitation', { ...base, kind: 'meeting-invitation', participantId: 'p_harmed0001', meeting: { date: '2026-03-28', time: '10:30', place: 'Riverside Community Centre' } }],
    ['case summary, 30 participants, 20,000-char notes', { caseData: bigCase(), today: TODAY, kind: 'case-summary' }],
  ];

  const t0 = performance.now();
  await generateDocument({ ...documents[0]![1], format: 'pdf' }, deps);
  const coldFirstPdfMs = performance.now() - t0;

  const soffice = await hasSoffice();
  const dir = await mkdtemp(join(tmpdir(), 'rj-bench-docs-'));
  const rows: DocumentBenchRow[] = [];
  try {
    for (const [name, request] of documents) {
      log(`documents: ${name}…`);
      const ms: Record<(typeof FORMATS)[number], number> = { pdf: 0, docx: 0, html: 0 };
      let pages = 0;
      let docx: Uint8Array | undefined;
      for (const format of FORMATS) {
        const once = () => generateDocument({ ...request, format }, deps);
        const warm = await once(); // warm: layout caches, lazily loaded code
        if (warm.format === 'pdf') pages = warm.pageCount;
        if (warm.format === 'docx') docx = warm.bytes;
        ms[format] = await median(runs, once);
      }
      const row: DocumentBenchRow = { document: name, pages, pdfMs: round(ms.pdf), docxMs: round(ms.docx), htmlMs: round(ms.html) };
      if (soffice && docx) {
        const file = join(dir, `${rows.length}.docx`);
        await writeFile(file, docx);
        const profile = pathToFileURL(join(dir, 'lo-profile')).href;
        const convert = () => run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), file], { timeout: 180_000 });
        await convert(); // the first start creates the profile
        row.libreOfficeDocxToPdfMs = round(await median(loRuns, convert));
      }
      rows.push(row);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const consent = rows.filter((x) => x.document.startsWith('consent form'));
  const worst = Math.max(...consent.flatMap((x) => [x.pdfMs, x.docxMs]));
  return {
    runs,
    libreOfficeRuns: loRuns,
    coldFirstPdfMs: round(coldFirstPdfMs),
    rows,
    targets: { consentFormMaxMs: TARGET_MS, consentFormWorstMs: worst, consentFormTargetMet: worst <= TARGET_MS },
    libreOffice: soffice,
  };
}

/** The result as a plain table for the terminal. */
export function documentBenchTable(result: DocumentBenchResult): string {
  const head = ['document', 'pages', 'PDF ms', 'DOCX ms', 'HTML ms', 'LibreOffice DOCX→PDF ms'];
  const body = result.rows.map((x) => [x.document, String(x.pages), String(x.pdfMs), String(x.docxMs), String(x.htmlMs), x.libreOfficeDocxToPdfMs === undefined ? 'n/a' : String(x.libreOfficeDocxToPdfMs)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `medians of ${result.runs} warm runs (LibreOffice: ${result.libreOfficeRuns}); first PDF of the process ${result.coldFirstPdfMs} ms`,
    `target: consent form ≤ ${result.targets.consentFormMaxMs} ms per format — worst ${result.targets.consentFormWorstMs} ms, ${result.targets.consentFormTargetMet ? 'met' : 'NOT met'}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchDocuments();
  console.log(documentBenchTable(result));
}
