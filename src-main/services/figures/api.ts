import type { FiguresWithBreakdowns } from '../../domain/figures/commissioner';
import type { FiguresReportRequest, PeriodInput } from '../../domain/figures/period';

/** The figures for a period, reached as `service.figures`: from the case list's rows, naming nobody. */
export interface FiguresApi {
  getFigures(period: PeriodInput): Promise<FiguresWithBreakdowns>;
  saveFiguresCsv(period: PeriodInput): Promise<{ saved: boolean; fileName: string }>;
  /** The one-page figures report (PDF or DOCX), leak-checked, through the save dialog; recorded by period and format. */
  saveFiguresReport(request: FiguresReportRequest): Promise<{ saved: boolean; fileName: string; pages?: number; bytes: number }>;
}
