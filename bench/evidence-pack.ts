import { strFromU8, unzipSync } from 'fflate';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoCases } from '../src-main/demo/demo-cases';
import { anonymiser } from '../src-main/domain/data-protection/anonymiser/anonymise';
import { peopleOfCases } from '../src-main/domain/data-protection/anonymiser/case-people';
import { knownIdentifiers } from '../src-main/domain/data-protection/anonymiser/known';
import { leakCheck } from '../src-main/domain/data-protection/anonymiser/leak-check';
import { addDays, addMonths } from '../src-main/domain/time/dates';
import { textParts } from '../src-main/services/data-protection/document-check';
import { ensureDemoResources } from '../src-main/services/casebook/demo';
import { loadBundledFonts } from '../src-main/documents/fonts';
import { chartRasteriser } from '../src-main/documents/charts/rasterise';
import { chartBlock } from '../src-main/documents/charts/chart-block';
import { createCasebookService } from '../src-main/services/casebook/service';
import { BENCH_PASS, NOW } from './build-store';
import { median, peakMemoryMiB, round } from './measure';

/**
 * The evidence pack (issue 12) at a year's work: 2,000 cases, 5 case studies and a 30-file
 * case-file audit, built through the contract's service method as a quality lead would —
 * gathering, drawing, and the leak check on the finished bytes — for each format.
 * Targets: ≤ 5 s per format; the leak check over the finished pack ≤ 1 s (as the build runs
 * it: the text taken out of the file, then every person the casebook names looked for, with the
 * list of those people already made — the build makes it once, for the case studies too).
 * Also reported: "Check a document" on the same files, which first reads every case to learn
 * who to look for.
 */
export const PACK_CASES = 2000;
export const PACK_TARGET_MS = 5000;
export const PACK_LEAK_CHECK_TARGET_MS = 1000;

export interface PackBench {
  cases: number;
  caseStudies: number;
  auditFiles: number;
  pdf: { ms: number; pages: number | undefined; kib: number; targetMet: boolean };
  docx: { ms: number; kib: number; targetMet: boolean };
  leakCheck: { pdfMs: number; docxMs: number; targetMet: boolean };
  checkDocument: { pdfMs: number; docxMs: number };
  /** The DOCX's charts drawn as PNG (part of docx.ms): all of a pack's, in a process that has drawn one before, and the first ever (the WebAssembly compiled). */
  chartRaster: { charts: number; ms: number; firstChartMs: number };
  peakMemoryMiB: number;
}

const fontsDir = () => new URL('../resources/fonts/', import.meta.url).pathname;

/** The first chart a process draws: the WebAssembly compiled and the fonts handed over (once per process). */
async function firstChartMs(): Promise<number> {
  const rasterise = chartRasteriser(await loadBundledFonts(fontsDir()));
  const start = performance.now();
  await rasterise(chartBlock({ kind: 'share', title: 'Referrals by source', what: 'Source', unit: 'referrals', rows: [{ label: 'Police', value: 3 }, { label: 'Probation', value: 1 }] }, 480));
  return performance.now() - start;
}

/** Rasterising the pack's charts again from the SVGs its DOCX carries: the cost the charts add to the Word pack. */
async function chartRasterMs(docx: Uint8Array, runs: number): Promise<{ charts: number; ms: number }> {
  const svgs = Object.entries(unzipSync(docx, { filter: (f) => /^word\/media\/.*\.svg$/.test(f.name) })).map(([, b]) => strFromU8(b));
  const rasterise = chartRasteriser(await loadBundledFonts(fontsDir()));
  const ms = await median(runs, async () => {
    for (const svg of svgs) await rasterise({ kind: 'chart', svg, width: 0, height: 0, alt: '' });
  });
  return { charts: svgs.length, ms };
}

export async function benchEvidencePack(runs: number): Promise<PackBench> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-bench-pack-'));
  const saved: Uint8Array[] = [];
  let toPick: { name: string; bytes: Uint8Array } | undefined;
  const service = await createCasebookService({
    storeDir: dir,
    kdf: 'minimum',
    fileSaver: { save: async (_name, bytes) => (saved.push(bytes), { saved: true }) },
    filePicker: { pick: async () => toPick },
  });
  try {
    const firstChart = await firstChartMs();
    await service.create({ serviceName: 'Bench RJ Hub', userName: 'Bench Admin', passphrase: BENCH_PASS });
    const resources = await ensureDemoResources(service, PACK_CASES);
    const cases = generateDemoCases({ count: PACK_CASES, seed: 42, now: NOW, resources });
    for (let i = 0; i < cases.length; i += 500) await service.importCases(cases.slice(i, i + 500));
    const to = addDays(NOW.toISOString().slice(0, 10), -1);
    const from = addDays(addMonths(to, -12), 1);
    const closed = (await service.listCases({})).filter((c) => c.stage === 'closed').slice(0, 5).map((c) => c.reference);
    const request = { framework: 'rsqm', from, to, caseStudies: closed, auditSize: 30 };
    let pages: number | undefined;
    const pdfMs = await median(runs, async () => {
      pages = (await service.quality.saveEvidencePack({ ...request, format: 'pdf' })).pages;
    });
    const pdf = saved[saved.length - 1]!;
    const docxMs = await median(runs, () => service.quality.saveEvidencePack({ ...request, format: 'docx' }));
    const docx = saved[saved.length - 1]!;
    const finder = anonymiser(knownIdentifiers(peopleOfCases(cases)));
    const leak = (name: string, bytes: Uint8Array) =>
      median(runs, async () => leakCheck((await textParts(name, bytes)).parts, finder));
    const pdfLeak = await leak('pack.pdf', pdf);
    const docxLeak = await leak('pack.docx', docx);
    const check = async (name: string, bytes: Uint8Array) => {
      toPick = { name, bytes };
      return median(runs, async () => {
        const r = await service.dataProtection.checkFileForPersonalData();
        if (r.known.length > 0) throw new Error(`The bench pack (${name}) names someone: the leak check in the build let it through`);
      });
    };
    const pdfCheck = await check('pack.pdf', pdf);
    const docxCheck = await check('pack.docx', docx);
    const raster = await chartRasterMs(docx, runs);
    return {
      cases: PACK_CASES,
      caseStudies: closed.length,
      auditFiles: 30,
      pdf: { ms: round(pdfMs), pages, kib: Math.round(pdf.length / 1024), targetMet: pdfMs <= PACK_TARGET_MS },
      docx: { ms: round(docxMs), kib: Math.round(docx.length / 1024), targetMet: docxMs <= PACK_TARGET_MS },
      leakCheck: { pdfMs: round(pdfLeak), docxMs: round(docxLeak), targetMet: Math.max(pdfLeak, docxLeak) <= PACK_LEAK_CHECK_TARGET_MS },
      checkDocument: { pdfMs: round(pdfCheck), docxMs: round(docxCheck) },
      chartRaster: { charts: raster.charts, ms: round(raster.ms), firstChartMs: round(firstChart) },
      peakMemoryMiB: peakMemoryMiB(),
    };
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function describePackBench(b: PackBench): string {
  const ok = (met: boolean) => (met ? 'target met' : 'TARGET MISSED');
  return [
    `Evidence pack, ${b.cases} cases, ${b.caseStudies} case studies, ${b.auditFiles}-file audit (RSQM, a year):`,
    `  PDF  ${b.pdf.ms} ms (${b.pdf.pages ?? '?'} pages, ${b.pdf.kib} KiB) — ≤ ${PACK_TARGET_MS} ms: ${ok(b.pdf.targetMet)}`,
    `  DOCX ${b.docx.ms} ms (${b.docx.kib} KiB) — ≤ ${PACK_TARGET_MS} ms: ${ok(b.docx.targetMet)}`,
    `  leak check of the finished file: PDF ${b.leakCheck.pdfMs} ms, DOCX ${b.leakCheck.docxMs} ms — ≤ ${PACK_LEAK_CHECK_TARGET_MS} ms: ${ok(b.leakCheck.targetMet)}`,
    `  "Check a document" on the same files (reads all ${b.cases} cases first): PDF ${b.checkDocument.pdfMs} ms, DOCX ${b.checkDocument.docxMs} ms`,
    `  the Word pack's ${b.chartRaster.charts} charts drawn as PNG: ${b.chartRaster.ms} ms (included in DOCX above; the first chart a process draws also compiles the WebAssembly: ${b.chartRaster.firstChartMs} ms)`,
    `  peak memory of the bench process so far: ${b.peakMemoryMiB} MiB`,
  ].join('\n');
}
