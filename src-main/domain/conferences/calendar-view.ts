import { addDays, dayOfWeek, daysBetween, daysInMonth, isCalendarDate, makeDate } from '../time/dates';
import { isActive, meetingEnd, type Meeting } from './meeting';

/**
 * Week and month grids for the calendar screen, Monday first as in the UK (ISO 8601). Pure:
 * the screen passes the meetings it has and the day it wants; a meeting appears on the local
 * date it starts. Bank holidays do not stop a meeting being booked, so they are not consulted.
 */
export interface CalendarFilter {
  /** Only meetings this member of staff leads or co-facilitates. */
  facilitatorId?: string;
  /** Leave out postponed and cancelled meetings. */
  hideInactive?: boolean;
}

export interface CalendarEntry<M> {
  meeting: M;
  start: string;
  /** Local end time; endsOn is set when it finishes on a later day. */
  end: string;
  endsOn?: string;
}

export interface CalendarDay<M> {
  date: string;
  /** 0 Monday … 6 Sunday. */
  weekday: number;
  /** False for the days before and after the month that fill out a month grid's weeks. */
  inPeriod: boolean;
  isToday: boolean;
  entries: CalendarEntry<M>[];
}

type Viewable = Pick<Meeting, 'id' | 'date' | 'start' | 'durationMinutes' | 'status' | 'leadFacilitatorId' | 'coFacilitatorId'>;

function checkDate(d: string): void {
  if (!isCalendarDate(d)) throw new RangeError('Enter a real date as YYYY-MM-DD, for example 2026-03-14.');
}

/** Monday of the week containing `date`. */
export function weekStart(date: string): string {
  checkDate(date);
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

function matches(m: Viewable, f: CalendarFilter): boolean {
  if (f.hideInactive && !isActive(m)) return false;
  return f.facilitatorId === undefined || m.leadFacilitatorId === f.facilitatorId || m.coFacilitatorId === f.facilitatorId;
}

/** Group once by date so a month of a large service is one pass over its meetings. */
function byDate<M extends Viewable>(meetings: readonly M[], from: string, to: string, f: CalendarFilter): Map<string, CalendarEntry<M>[]> {
  const out = new Map<string, CalendarEntry<M>[]>();
  for (const m of meetings) {
    if (m.date < from || m.date > to || !matches(m, f)) continue;
    const end = meetingEnd(m);
    const entry: CalendarEntry<M> = { meeting: m, start: m.start, end: end.time, ...(end.date !== m.date ? { endsOn: end.date } : {}) };
    const list = out.get(m.date);
    if (list) list.push(entry);
    else out.set(m.date, [entry]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.meeting.id < b.meeting.id ? -1 : 1));
  return out;
}

function days<M extends Viewable>(first: string, count: number, grouped: Map<string, CalendarEntry<M>[]>, inPeriod: (d: string) => boolean, today?: string): CalendarDay<M>[] {
  const out: CalendarDay<M>[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(first, i);
    out.push({ date, weekday: i % 7, inPeriod: inPeriod(date), isToday: date === today, entries: grouped.get(date) ?? [] });
  }
  return out;
}

export function weekView<M extends Viewable>(meetings: readonly M[], anyDay: string, filter: CalendarFilter = {}, today?: string): { start: string; end: string; days: CalendarDay<M>[] } {
  const start = weekStart(anyDay);
  const end = addDays(start, 6);
  return { start, end, days: days(start, 7, byDate(meetings, start, end, filter), () => true, today) };
}

/** A month as whole weeks, Monday to Sunday: four to six rows of seven days. */
export function monthView<M extends Viewable>(
  meetings: readonly M[],
  year: number,
  month: number,
  filter: CalendarFilter = {},
  today?: string,
): { year: number; month: number; weeks: CalendarDay<M>[][] } {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1900 || year > 9999) {
    throw new RangeError('Choose a month from 1 to 12 and a four-digit year.');
  }
  const first = makeDate(year, month, 1);
  const last = makeDate(year, month, daysInMonth(year, month));
  const gridStart = weekStart(first);
  const gridEnd = addDays(weekStart(last), 6);
  const count = daysBetween(gridStart, gridEnd) + 1;
  const all = days(gridStart, count, byDate(meetings, gridStart, gridEnd, filter), (d) => d >= first && d <= last, today);
  const weeks: CalendarDay<M>[][] = [];
  for (let i = 0; i < all.length; i += 7) weeks.push(all.slice(i, i + 7));
  return { year, month, weeks };
}
