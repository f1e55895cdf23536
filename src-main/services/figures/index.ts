import type { PeriodInput } from '../../domain/figures/period';
import { CasebookError } from '../../domain/shared/errors';
import { caseworkOf } from '../cases/context';
import { rebuildStaleFacts } from '../cases/facts-rebuild';
import type { ServiceContext } from '../shared/context';
import { saveTo } from '../shared/save';
import { mustBeAbleToRecord } from '../shared/leaving';
import type { FiguresApi } from './api';
import { complaintsCounted } from '../quality/complaints';
import { commissionerFiguresFor, figuresCsv } from './figures';
import { buildFiguresReportFile } from './report';
import { requireCapability } from '../../domain/access/capabilities';
import { FiguresReportRequestSchema } from '../../domain/figures/period';
import { documentResources } from '../templates/document-resources';

export type { FiguresApi } from './api';

/** The figures for a period, from the case list's rows, and their CSV. */
export function createFigures(ctx: ServiceContext): FiguresApi {
  const cw = () => caseworkOf(ctx.need(), ctx.templates);
  /** The figures, or the period's refusal in the user's words (the wrong way round, a day that does not exist). */
  const figures = (p: PeriodInput) => {
    try {
      return commissionerFiguresFor(cw(), p);
    } catch (e) {
      if (e instanceof RangeError) throw new CasebookError('INVALID_INPUT', e.message, { issues: [{ path: 'to', message: e.message }] });
      throw e;
    }
  };
  /** With the complaints log's counts, which are read from their own register file. */
  const withComplaints = async (p: PeriodInput) => {
    // Rows older than the facts the figures read are made again first, once, a few hundred a turn of the queue (facts-rebuild.ts).
    await rebuildStaleFacts(cw, (job) => ctx.serial(job));
    const f = figures(p);
    return { ...f, complaints: await ctx.serial(() => complaintsCounted(cw(), p)) };
  };
  return {
    getFigures: withComplaints,
    async saveFiguresCsv(p) {
      const csv = figuresCsv(await withComplaints(p));
      const fileName = `rj-figures-${p.from}-to-${p.to}.csv`;
      const saved = await saveTo(ctx, fileName, new TextEncoder().encode(csv), 'csv', (s) => s.draft('figures.export', { type: 'export', id: 'csv' }, [`from:${p.from}`, `to:${p.to}`]));
      return { saved, fileName };
    },
    async saveFiguresReport(i) {
      const r = FiguresReportRequestSchema.parse(i);
      requireCapability(ctx.need().user.role, 'export-figures');
      // A session that cannot record what leaves makes nothing (saveTo would refuse it only after drawing).
      mustBeAbleToRecord(ctx.need(), 'save files from it');
      const { fonts } = await documentResources(ctx);
      const p = { from: r.from, to: r.to };
      const f = await withComplaints(p);
      // Drawn and checked in the queue (it reads the case list); the save dialog runs outside it.
      const built = await ctx.serial(() => buildFiguresReportFile(ctx.need(), f, r.format, fonts, cw().today));
      const saved = await saveTo(ctx, built.fileName, built.bytes, r.format, (s) => s.draft('figures.report.save', { type: 'export', id: r.format }, [`from:${r.from}`, `to:${r.to}`, `format:${r.format}`]));
      return { saved, fileName: built.fileName, ...(built.pages !== undefined ? { pages: built.pages } : {}), bytes: built.bytes.length };
    },
  };
}
