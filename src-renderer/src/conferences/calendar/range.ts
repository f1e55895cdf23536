import { addDays, formatDate, makeDate, parts } from '../../../../src-main/domain/time/dates';
import { monthView, weekView } from '../../../../src-main/domain/conferences/calendar-view';
import { clockChangeDays } from '../../../../src-main/domain/time/london-time';
import type { CalendarMode } from '../process-state';

/** Monday first, as calendar-view.ts numbers them (0 Monday … 6 Sunday). */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "March 2026": formatDate of the first, without the day. */
export function monthTitle(year: number, month: number): string {
  return formatDate(makeDate(year, month, 1)).replace(/^1 /, '');
}

/** "23 to 29 November 2026", "30 November to 6 December 2026", "29 December 2025 to 4 January 2026". */
export function spanTitle(from: string, to: string): string {
  const a = formatDate(from).split(' ');
  const b = formatDate(to);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${a[0]} to ${b}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${a[0]} ${a[1]} to ${b}`;
  return `${formatDate(from)} to ${b}`;
}

/** "Monday 23 November 2026". */
export function longDay(date: string, weekday: number): string {
  return `${WEEKDAYS[weekday]} ${formatDate(date)}`;
}

/** The days a view covers: a week Monday to Sunday, or a month's grid of whole weeks. */
export function rangeOf(mode: CalendarMode, anchor: string): { from: string; to: string; title: string } {
  if (mode === 'week') {
    const { start, end } = weekView([], anchor);
    return { from: start, to: end, title: spanTitle(start, end) };
  }
  const { y, m } = parts(anchor);
  const weeks = monthView([], y, m).weeks;
  return { from: weeks[0]![0]!.date, to: weeks.at(-1)!.at(-1)!.date, title: monthTitle(y, m) };
}

/** The same view one week or month earlier (-1) or later (+1); months land on the 1st. */
export function stepAnchor(mode: CalendarMode, anchor: string, by: -1 | 1): string {
  if (mode === 'week') return addDays(anchor, 7 * by);
  const { y, m } = parts(anchor);
  const month = m + by;
  return month < 1 ? makeDate(y - 1, 12, 1) : month > 12 ? makeDate(y + 1, 1, 1) : makeDate(y, month, 1);
}

/** A note for the two days a year the clocks change, when a meeting's length and its clock times differ. */
export function clockChangeNote(date: string): string | undefined {
  const { forward, back } = clockChangeDays(Number(date.slice(0, 4)));
  if (date === forward) return 'Clocks go forward 1 hour at 1am';
  if (date === back) return 'Clocks go back 1 hour at 2am';
  return undefined;
}
