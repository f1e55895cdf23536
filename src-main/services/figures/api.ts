import type { Figures } from '../../domain/figures/figures';
import type { PeriodInput } from '../../domain/figures/period';

/** The figures for a period, reached as `service.figures`: from the case list's rows, naming nobody. */
export interface FiguresApi {
  getFigures(period: PeriodInput): Promise<Figures>;
  saveFiguresCsv(period: PeriodInput): Promise<{ saved: boolean; fileName: string }>;
}
