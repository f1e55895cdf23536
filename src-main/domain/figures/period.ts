import { z } from 'zod';
import { strictForm } from '../shared/strict-form';
import { dateField } from '../time/dates';

/** A period of figures: two real days (both counted). That the first is not after the second is figures.ts's rule (checkPeriod). */
export const PeriodSchema = strictForm({ from: dateField('From'), to: dateField('To') }, 'the period');
export type PeriodInput = z.infer<typeof PeriodSchema>;

/** A period and the format of the figures report (PDF or Word). */
export const FiguresReportRequestSchema = strictForm(
  { from: dateField('From'), to: dateField('To'), format: z.enum(['pdf', 'docx'], { error: 'Save the figures report as PDF or DOCX' }) },
  'the figures report',
);
export type FiguresReportRequest = z.infer<typeof FiguresReportRequestSchema>;
