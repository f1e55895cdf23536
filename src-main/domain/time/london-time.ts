import { addDays, dayOfWeek, daysInMonth, formatDate, isCalendarDate, makeDate } from './dates';

/**
 * Wall-clock time in England and Wales ↔ UTC instants, by rule rather than from a time-zone
 * database: British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC
 * on the last Sunday of October (Summer Time Order 2002; the same dates since 1996). Working
 * by rule keeps the domain independent of the host's zone data, so a meeting is at the same
 * instant on every machine, in every test and in every calendar file.
 *
 * Meetings are stored as a local date and time ("09:00 on 29 March 2026") because that is what
 * people arrange; instants are derived when we need to compare or export them.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The years the rule is known to hold for meetings we schedule; outside them we refuse. */
export const FIRST_MEETING_YEAR = 2000;
export const LAST_MEETING_YEAR = 2099;

function lastSunday(year: number, month: number): string {
  const last = makeDate(year, month, daysInMonth(year, month));
  return addDays(last, -dayOfWeek(last));
}

/** The day the clocks go forward (spring) and back (autumn) in a year. */
export function clockChangeDays(year: number): { forward: string; back: string } {
  return { forward: lastSunday(year, 3), back: lastSunday(year, 10) };
}

/** BST as a half-open interval of UTC milliseconds: [start, end). Remembered per year, as conflict checks ask thousands of times. */
const summerTimes = new Map<number, { start: number; end: number }>();
function summerTime(year: number): { start: number; end: number } {
  let st = summerTimes.get(year);
  if (!st) {
    const { forward, back } = clockChangeDays(year);
    st = { start: Date.parse(`${forward}T01:00:00Z`), end: Date.parse(`${back}T01:00:00Z`) };
    summerTimes.set(year, st);
  }
  return st;
}

/** Minutes ahead of UTC at an instant: 60 during BST, 0 otherwise. */
export function londonOffsetMinutes(utcMs: number): 0 | 60 {
  const { start, end } = summerTime(new Date(utcMs).getUTCFullYear());
  return utcMs >= start && utcMs < end ? 60 : 0;
}

export type LocalToUtc =
  | { ok: true; utcMs: number; /** The time happened twice that day (clocks went back). */ ambiguous: boolean }
  | { ok: false; problem: 'not-a-date' | 'not-a-time' | 'out-of-range' | 'skipped-hour'; reason: string };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The UTC instant of a local date and time in England and Wales.
 *
 * A local time is "as if UTC" minus the offset in force at that instant. We try both offsets
 * and keep those that are self-consistent:
 * - none: the time does not exist (01:00–01:59 on the day the clocks go forward), refused;
 * - both: the time happens twice (01:00–01:59 on the day the clocks go back). We choose the
 *   first occurrence, still in BST, because a meeting arranged for "1:30" that morning is
 *   meant to start before the clocks change; the caller may warn using `ambiguous`.
 */
export function londonToUtc(date: string, time: string): LocalToUtc {
  if (!isCalendarDate(date)) return { ok: false, problem: 'not-a-date', reason: 'Enter a real date as YYYY-MM-DD, for example 2026-03-14.' };
  const t = TIME.exec(time);
  if (!t) return { ok: false, problem: 'not-a-time', reason: 'Enter a time as HH:MM on the 24-hour clock, like 09:30 or 14:00.' };
  const y = Number(date.slice(0, 4));
  if (y < FIRST_MEETING_YEAR || y > LAST_MEETING_YEAR) {
    return { ok: false, problem: 'out-of-range', reason: `Meetings can be scheduled for ${FIRST_MEETING_YEAR} to ${LAST_MEETING_YEAR} only.` };
  }
  const asUtc = Date.UTC(y, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(t[1]), Number(t[2]));
  const summer = asUtc - HOUR;
  const winter = asUtc;
  const summerFits = londonOffsetMinutes(summer) === 60;
  const winterFits = londonOffsetMinutes(winter) === 0;
  if (summerFits && winterFits) return { ok: true, utcMs: summer, ambiguous: true };
  if (summerFits) return { ok: true, utcMs: summer, ambiguous: false };
  if (winterFits) return { ok: true, utcMs: winter, ambiguous: false };
  return {
    ok: false,
    problem: 'skipped-hour',
    reason: `The clocks go forward at 1am on ${formatDate(date)}, so ${time} does not exist that day in the UK; choose a time before 01:00 or from 02:00.`,
  };
}

/** The local date and time in England and Wales at a UTC instant. */
export function utcToLondon(utcMs: number): { date: string; time: string } {
  const local = new Date(utcMs + londonOffsetMinutes(utcMs) * MINUTE);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Whole minutes as HH:MM, for durations and clock times inside one day. */
export function minutesToTime(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
