import type { HolidayCalendar } from './bank-holidays';
import { addDays, dayOfWeek, dayNumber, formatDate, fromDayNumber, isCalendarDate } from './dates';

/**
 * Working days in England and Wales: Monday to Friday except bank holidays. Deadlines in the
 * Victims' Code are counted in working days. Dates are `YYYY-MM-DD` strings, so clock changes
 * cannot move them. A date outside the years the holiday data covers is refused rather than
 * silently counted without holidays.
 */
export class HolidayDataRangeError extends RangeError {
  constructor(readonly year: number, readonly calendar: Pick<HolidayCalendar, 'firstYear' | 'lastYear'>) {
    super(
      `Bank holidays for ${year} are not in the bank-holiday data, which covers ${calendar.firstYear}–${calendar.lastYear}; add ${year} to resources/bank-holidays/england-and-wales.json.`,
    );
    this.name = 'HolidayDataRangeError';
  }
}

function checkCovered(date: string, holidays: HolidayCalendar): void {
  const y = Number(date.slice(0, 4));
  if (y < holidays.firstYear || y > holidays.lastYear) throw new HolidayDataRangeError(y, holidays);
}

function checkDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`Not a real date: ${JSON.stringify(String(date)).slice(0, 40)}`);
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function isWorkingDay(date: string, holidays: HolidayCalendar): boolean {
  checkDate(date);
  checkCovered(date, holidays);
  return !isWeekend(date) && !holidays.dates.has(date);
}

/** The bank holiday's name, for explaining a due date ("Easter Monday"). */
export function holidayName(date: string, holidays: HolidayCalendar): string | undefined {
  return holidays.titles.get(date);
}

/**
 * The date n working days after `date` (before it when n is negative). `date` itself need not
 * be a working day: a referral received on Saturday with a 2-working-day deadline is due on
 * Tuesday. n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: string, n: number, holidays: HolidayCalendar): string {
  checkDate(date);
  if (!Number.isSafeInteger(n)) throw new RangeError('The number of working days must be a whole number');
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = dayNumber(date);
  while (left > 0) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), holidays)) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days after `a` up to and including `b` (negative when b is before a). Counting this
 * way makes the two functions agree: for a working day b, addWorkingDays(a, between(a, b)) = b.
 */
export function workingDaysBetween(a: string, b: string, holidays: HolidayCalendar): number {
  checkDate(a);
  checkDate(b);
  if (b < a) return 0 - workingDaysBetween(b, a, holidays); // 0 - 0 is +0, unlike -0
  let count = 0;
  for (let d = dayNumber(a) + 1, end = dayNumber(b); d <= end; d++) if (isWorkingDay(fromDayNumber(d), holidays)) count++;
  return count;
}

/** The next working day on or after `date`. */
export function nextWorkingDay(date: string, holidays: HolidayCalendar): string {
  let d = date;
  while (!isWorkingDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** "due Tuesday 7 April 2026 (Easter Monday is a bank holiday)" style explanations. */
export function explainDue(from: string, due: string, holidays: HolidayCalendar): string {
  const skipped: string[] = [];
  for (let d = dayNumber(from) + 1, end = dayNumber(due); d < end; d++) {
    const name = holidays.titles.get(fromDayNumber(d));
    if (name) skipped.push(name);
  }
  return skipped.length ? `${formatDate(due)} (skipping ${skipped.join(', ')})` : formatDate(due);
}
