import { figuresCaseOf } from '../../domain/cases/case-facts';
import { CLOSURE_OUTCOME_LABELS } from '../../domain/outcomes/closure';
import { EXIT_LABELS, STAGE_LABELS } from '../../domain/cases/stage-labels';
import type { Exit, Stage } from '../../domain/cases/stages';
import { computeFigures, figuresToCsv, type Figures, type FiguresCase, type Period } from '../../domain/figures/figures';
import { computeCommissionerFigures, type FiguresWithBreakdowns } from '../../domain/figures/commissioner';
import type { HolidayCalendar } from '../../domain/time/bank-holidays';
import { workingDaysBetween, isWorkingDay } from '../../domain/time/working-days';
import { dayNumber, fromDayNumber, isCalendarDate } from '../../domain/time/dates';
import type { Casework } from '../cases/context';
import { factsOf } from '../cases/facts';

/** Working days up to and including each day of the years the holiday data covers. */
const runningCounts = new WeakMap<HolidayCalendar, { first: number; counts: Int32Array }>();

/**
 * workingDaysBetween answered from a running count of working days, built once per holiday
 * calendar (about 6,000 days), instead of walking every day between the two dates: a year's
 * figures at 10,000 cases measure a few thousand referral-to-contact and referral-to-conference
 * spans of months each, which took most of a second. Dates that are not real or not covered by
 * the data go to workingDaysBetween, so its errors (and the figures' "uncounted") are unchanged.
 */
export function workingDaysCounter(holidays: HolidayCalendar): (a: string, b: string) => number {
  let table = runningCounts.get(holidays);
  if (!table) {
    const first = dayNumber(`${String(holidays.firstYear).padStart(4, '0')}-01-01`);
    const last = dayNumber(`${String(holidays.lastYear).padStart(4, '0')}-12-31`);
    const counts = new Int32Array(last - first + 1);
    let n = 0;
    for (let d = first; d <= last; d++) {
      if (isWorkingDay(fromDayNumber(d), holidays)) n++;
      counts[d - first] = n;
    }
    table = { first, counts };
    runningCounts.set(holidays, table);
  }
  const { first, counts } = table;
  return (a, b) => {
    if (isCalendarDate(a) && isCalendarDate(b)) {
      const ia = dayNumber(a) - first;
      const ib = dayNumber(b) - first;
      // Working days after a, up to and including b: the same count as workingDaysBetween, sign included.
      if (ia >= 0 && ib >= 0 && ia < counts.length && ib < counts.length) return (counts[ib] as number) - (counts[ia] as number);
    }
    return workingDaysBetween(a, b, holidays);
  };
}

/** Every case as the figures take it, from the case list alone (no case file is opened). */
function figuresCases(cw: Casework): FiguresCase[] {
  return cw.s.summaries.all().map((row) => figuresCaseOf(row, factsOf(row), cw.today));
}

/** The figures for a period from the case list alone (domain/figures/figures.ts says what counts where). */
export function figuresFor(cw: Casework, period: Period): Figures {
  return computeFigures(figuresCases(cw), period, workingDaysCounter(cw.t.holidays));
}

/** The figures with the commissioner's trends, comparisons and breakdowns (domain/figures/commissioner.ts), naming nobody. */
export function commissionerFiguresFor(cw: Casework, period: Period): FiguresWithBreakdowns {
  return computeCommissionerFigures(figuresCases(cw), period, workingDaysCounter(cw.t.holidays));
}

export function figuresCsv(f: Figures): string {
  return figuresToCsv(f, {
    stage: (s) => (Object.hasOwn(STAGE_LABELS, s) ? STAGE_LABELS[s as Stage] : undefined),
    exit: (e) => (Object.hasOwn(EXIT_LABELS, e) ? EXIT_LABELS[e as Exit] : undefined),
    outcome: (o) => (Object.hasOwn(CLOSURE_OUTCOME_LABELS, o) ? CLOSURE_OUTCOME_LABELS[o as keyof typeof CLOSURE_OUTCOME_LABELS] : undefined),
  });
}
