import { z } from 'zod';
import type { Figures } from '../../domain/figures/figures';
import { PeriodSchema } from '../../domain/figures/period';
import type { CommandGroup } from '../command-spec';

/** The figures for a period, as a commissioner asks for them. They name nobody. */
const computed = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

export const figuresCommands = {
  getFigures: {
    input: PeriodSchema,
    output: computed<Figures>(),
    access: 'read-figures',
    summary: 'Figures for a period: referrals, conferences, agreements, satisfaction, timeliness',
  },
  saveFiguresCsv: {
    input: PeriodSchema,
    output: z.strictObject({ saved: z.boolean(), fileName: z.string() }),
    access: 'export-figures',
    summary: 'Save the figures for a period as CSV',
  },
} as const satisfies CommandGroup;
