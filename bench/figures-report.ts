import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoCases } from '../src-main/demo/demo-cases';
import { ensureDemoResources } from '../src-main/services/casebook/demo';
import { createCasebookService } from '../src-main/services/casebook/service';
import { BENCH_PASS, NOW } from './build-store';
import { median, peakMemoryMiB, round } from './measure';
import { FIGURES_PERIOD } from './process';

/**
 * The one-page figures report (issue 15) for a year at 10,000 cases, through the contract's
 * service method as the Figures page saves it: the figures with their trends, comparisons and
 * breakdowns counted from the case list, the report drawn, and the leak check over the finished
 * bytes. Target: ≤ 2 s per format. BENCH_FIGURES_OUT=folder also writes the files to look at.
 */
export const FIGURES_REPORT_CASES = Number(process.env.BENCH_FIGURES_CASES ?? 10_000);
export const FIGURES_REPORT_TARGET_MS = 2_000;

export interface FiguresReportBench {
  cases: number;
  period: { from: string; to: string };
  pdf: { ms: number; pages: number | undefined; kib: number; targetMet: boolean };
  docx: { ms: number; kib: number; targetMet: boolean };
  peakMemoryMiB: number;
}

export async function benchFiguresReport(runs: number): Promise<FiguresReportBench> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-bench-figures-'));
  const saved: Uint8Array[] = [];
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum', fileSaver: { save: async (_name, bytes) => (saved.push(bytes), { saved: true }) } });
  try {
    const { session } = await service.create({ serviceName: 'Bench RJ Hub', userName: 'Bench Admin', passphrase: BENCH_PASS });
    const resources = await ensureDemoResources(service, FIGURES_REPORT_CASES);
    const cases = generateDemoCases({ count: FIGURES_REPORT_CASES, seed: 42, now: NOW, resources });
    for (let i = 0; i < cases.length; i += 500) await service.importCases(cases.slice(i, i + 500));
    // Unlocked afresh, as a user opens the Figures page: the rows' facts are checked on first use.
    await service.lock('manual');
    await service.unlock(session.user.id, BENCH_PASS);
    const one = async (format: 'pdf' | 'docx') => {
      const t = performance.now();
      const r = await service.figures.saveFiguresReport({ ...FIGURES_PERIOD, format });
      return { ms: performance.now() - t, pages: r.pages, bytes: saved.at(-1)! };
    };
    const firstPdf = await one('pdf');
    const firstDocx = await one('docx');
    const pdfMs = await median(runs, () => one('pdf'));
    const docxMs = await median(runs, () => one('docx'));
    const out = process.env.BENCH_FIGURES_OUT;
    if (out) {
      await writeFile(join(out, 'figures-report.pdf'), firstPdf.bytes);
      await writeFile(join(out, 'figures-report.docx'), firstDocx.bytes);
      await writeFile(join(out, 'figures.json'), JSON.stringify(await service.figures.getFigures(FIGURES_PERIOD)));
    }
    return {
      cases: FIGURES_REPORT_CASES,
      period: { ...FIGURES_PERIOD },
      pdf: { ms: round(pdfMs), pages: firstPdf.pages, kib: Math.round(firstPdf.bytes.length / 1024), targetMet: pdfMs <= FIGURES_REPORT_TARGET_MS },
      docx: { ms: round(docxMs), kib: Math.round(firstDocx.bytes.length / 1024), targetMet: docxMs <= FIGURES_REPORT_TARGET_MS },
      peakMemoryMiB: peakMemoryMiB(),
    };
  } finally {
    await service.lock('manual').catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

export function describeFiguresReportBench(b: FiguresReportBench): string {
  const ok = (x: boolean) => (x ? 'target met' : 'TARGET MISSED');
  return [
    `Figures report (${b.cases.toLocaleString('en-GB')} cases, ${b.period.from} to ${b.period.to}, target ≤ ${FIGURES_REPORT_TARGET_MS} ms per format):`,
    `  PDF  ${b.pdf.ms} ms, ${b.pdf.pages ?? '?'} pages, ${b.pdf.kib} KiB (${ok(b.pdf.targetMet)})`,
    `  DOCX ${b.docx.ms} ms, ${b.docx.kib} KiB (${ok(b.docx.targetMet)})`,
    `  peak memory ${b.peakMemoryMiB} MiB`,
  ].join('\n');
}
