import { figuresCaseOf } from '../../domain/case-facts';
import { CLOSURE_OUTCOME_LABELS } from '../../domain/process/closure';
import { checkPeriod, computeFigures, figuresToCsv, type Figures, type Period } from '../../domain/process/figures';
import { workingDaysBetween } from '../../domain/working-days';
import { dateField } from '../../domain/dates';
import { CasebookError } from '../../domain/errors';
import { strictForm } from '../../domain/strict-form';
import type { Casework } from '../casework/context';
import { fromZod } from '../casework/errors';
import { factsOf } from './facts';

export const PeriodSchema = strictForm({ from: dateField('From'), to: dateField('To') }, 'the period');

export function parsePeriod(input: unknown): Period {
  const parsed = PeriodSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  try {
    checkPeriod(parsed.data);
  } catch (e) {
    if (e instanceof RangeError) throw new CasebookError('INVALID_INPUT', e.message, { issues: [{ path: 'to', message: e.message }] });
    throw e;
  }
  return parsed.data;
}

/** The figures for a period from the case list alone (domain/process/figures.ts says what counts where). */
export function figuresFor(cw: Casework, period: Period): Figures {
  const cases = cw.s.summaries.all().map((row) => figuresCaseOf(row, factsOf(row), cw.today));
  return computeFigures(cases, period, (a, b) => workingDaysBetween(a, b, cw.t.holidays));
}

const EXIT_LABELS: Record<string, string> = { withdrawn: 'Withdrawn', 'not-suitable': 'Not suitable', 'no-contact': 'No contact', declined: 'Declined' };

export function figuresCsv(f: Figures): string {
  return figuresToCsv(f, {
    stage: (s) => s.charAt(0).toUpperCase() + s.slice(1),
    exit: (e) => EXIT_LABELS[e],
    outcome: (o) => (Object.hasOwn(CLOSURE_OUTCOME_LABELS, o) ? CLOSURE_OUTCOME_LABELS[o as keyof typeof CLOSURE_OUTCOME_LABELS] : undefined),
  });
}
