import { addDays, addMonths, daysBetween, daysInMonth, makeDate, parts } from '../time/dates';
import type { Period } from './figures';

/**
 * The periods the figures are compared with: the one just before (the same length) and the
 * same period a year earlier. A period of whole calendar months (a quarter, a financial year)
 * is compared month for month, so April to June follows January to March (90 days, not 91),
 * and February ends on its own last day in a leap year and in the year before.
 */
const isMonthStart = (d: string) => parts(d).d === 1;
const isMonthEnd = (d: string) => {
  const { y, m, d: day } = parts(d);
  return day === daysInMonth(y, m);
};
const monthEnd = (d: string) => {
  const { y, m } = parts(d);
  return makeDate(y, m, daysInMonth(y, m));
};

/** Whole calendar months from the first day of one month to the last day of another. */
export function isWholeMonths(p: Period): boolean {
  return isMonthStart(p.from) && isMonthEnd(p.to);
}

/** Calendar months the period covers, first to last (1 for April 2026). */
export function monthsCovered(p: Period): number {
  const a = parts(p.from);
  const b = parts(p.to);
  return (b.y - a.y) * 12 + (b.m - a.m) + 1;
}

export function previousPeriod(p: Period): Period {
  if (isWholeMonths(p)) {
    const n = monthsCovered(p);
    return { from: addMonths(p.from, -n), to: addDays(p.from, -1) };
  }
  const days = daysBetween(p.from, p.to);
  const to = addDays(p.from, -1);
  return { from: addDays(to, -days), to };
}

export function sameLastYear(p: Period): Period {
  const from = addMonths(p.from, -12);
  // 29 February falls back to the 28th; a period ending on a month's last day ends on last year's.
  const to = addMonths(p.to, -12);
  return { from, to: isMonthEnd(p.to) ? monthEnd(to) : to };
}

/** Each calendar month the period touches, as YYYY-MM, in order. */
export function monthKeys(p: Period): string[] {
  const out: string[] = [];
  let { y, m } = parts(p.from);
  const end = parts(p.to);
  while (y < end.y || (y === end.y && m <= end.m)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-04" → "April 2026". */
export function monthLabel(key: string): string {
  return `${MONTH_NAMES[Number(key.slice(5, 7)) - 1] ?? key} ${key.slice(0, 4)}`;
}
