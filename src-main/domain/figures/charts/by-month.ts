import { addDays, addMonths, daysBetween, daysInMonth, formatDate, makeDate, parts } from '../../time/dates';
import type { ColumnsChartSpec } from './spec';

/**
 * Dated events (referrals by the day received, closures by the day closed) counted by calendar
 * month over a period, beside the previous period of the same length and the same period a year
 * before: the trend and comparisons a commissioner's quarterly return asks for. Each series
 * counts only the days of its own period, so a period starting mid-month has a part month first.
 */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const monthIndex = (date: string) => {
  const { y, m } = parts(date);
  return y * 12 + (m - 1);
};

export interface MonthlyPeriod {
  readonly from: string;
  readonly to: string;
}

/** Counts by month of the dates within `period`, one a month from its first month to its last. */
export function countByMonth(dates: Iterable<string>, period: MonthlyPeriod): number[] {
  const first = monthIndex(period.from);
  const counts = new Array<number>(monthIndex(period.to) - first + 1).fill(0);
  for (const d of dates) if (d >= period.from && d <= period.to) counts[monthIndex(d) - first]! += 1;
  return counts;
}

/** "Apr 2026" for each month of the period. */
export function monthLabels(period: MonthlyPeriod): string[] {
  const first = monthIndex(period.from);
  return Array.from({ length: monthIndex(period.to) - first + 1 }, (_, i) => `${SHORT_MONTHS[(first + i) % 12]} ${Math.floor((first + i) / 12)}`);
}

/** `n` months earlier or later; a month's last day stays its month's last day (30 June − 3 months is 31 March). */
function shift(date: string, n: number): string {
  const { y, m, d } = parts(date);
  if (d !== daysInMonth(y, m)) return addMonths(date, n);
  const { y: ty, m: tm } = parts(addMonths(makeDate(y, m, 1), n));
  return makeDate(ty, tm, daysInMonth(ty, tm));
}

/** Whole calendar months the period spans exactly (1 April to 30 June: 3), or null (15 April to 20 May). */
function wholeMonths(period: MonthlyPeriod): number | null {
  const after = addDays(period.to, 1);
  const k = monthIndex(after) - monthIndex(period.from);
  return k > 0 && (addMonths(period.from, k) === after || shift(period.from, k) === after) ? k : null;
}

/**
 * The periods the comparison series count: the period of the same length just before (whole
 * months when the period is whole months, otherwise the same number of days), and the same
 * days a year before.
 */
export function comparisonPeriods(period: MonthlyPeriod): { previous: MonthlyPeriod; lastYear: MonthlyPeriod } {
  const months = wholeMonths(period);
  const before = addDays(period.from, -1);
  return {
    previous: { from: months === null ? addDays(period.from, -(daysBetween(period.from, period.to) + 1)) : shift(period.from, -months), to: before },
    lastYear: { from: shift(period.from, -12), to: shift(period.to, -12) },
  };
}

const span = (p: MonthlyPeriod) => `${formatDate(p.from)} to ${formatDate(p.to)}`;

/**
 * A column chart of events by month with its comparisons. The previous period is left out when it
 * is the same as last year's (a 12-month period), so no series is drawn twice.
 */
export function byMonthChart(dates: readonly string[], period: MonthlyPeriod, words: { title: string; unit: string; empty?: string }): ColumnsChartSpec {
  const { previous, lastYear } = comparisonPeriods(period);
  const series = [{ name: `This period (${span(period)})`, values: countByMonth(dates, period) }];
  if (previous.from !== lastYear.from || previous.to !== lastYear.to) series.push({ name: `Previous period (${span(previous)})`, values: countByMonth(dates, previous) });
  series.push({ name: `Same period last year (${span(lastYear)})`, values: countByMonth(dates, lastYear) });
  return { kind: 'columns', title: words.title, what: 'Month', unit: words.unit, categories: monthLabels(period), series, ...(words.empty ? { empty: words.empty } : {}) };
}
