import { z } from 'zod';
import type { FiguresWithBreakdowns } from '../../domain/figures/commissioner';
import { FiguresReportRequestSchema, PeriodSchema } from '../../domain/figures/period';
import type { CommandGroup } from '../command-spec';

/** The figures for a period, as a commissioner asks for them. They name nobody. */
const computed = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

export const figuresCommands = {
  getFigures: {
    input: PeriodSchema,
    output: computed<FiguresWithBreakdowns>(),
    access: 'read-figures',
    summary: 'Figures for a period: referrals, conferences, agreements, satisfaction, timeliness, trends, comparisons and breakdowns',
  },
  saveFiguresCsv: {
    input: PeriodSchema,
    output: z.strictObject({ saved: z.boolean(), fileName: z.string() }),
    access: 'export-figures',
    summary: 'Save the figures for a period as CSV',
  },
  saveFiguresReport: {
    input: FiguresReportRequestSchema,
    output: z.strictObject({ saved: z.boolean(), fileName: z.string(), pages: z.number().int().optional(), bytes: z.number().int() }),
    access: 'export-figures',
    summary: "Save the one-page figures report for the commissioner's return as PDF or DOCX",
  },
} as const satisfies CommandGroup;
