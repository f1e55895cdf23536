import { addDays, formatDate } from '../time/dates';
import { minutesToTime } from '../time/london-time';
import type { HolidayCalendar } from '../time/bank-holidays';
import { isWorkingDay } from '../time/working-days';
import { findConflicts } from './conflicts';
import type { Meeting } from './meeting';
import type { Venue } from './venue';

/**
 * The next time the same people and room are all free (issue 14): offered when a booking
 * clashes, so a coordinator is not left guessing. Slots are tried every `stepMinutes` from
 * the time asked for, within the working day, on working days only (weekends and bank
 * holidays skipped), for at most `maxDays` days. Each candidate is checked by the same
 * findConflicts the booking uses, as UTC instants, so a day the clocks change is no different.
 */
export interface SlotSearch {
  holidays: HolidayCalendar;
  /** Local clock times ("09:00", "17:00") a meeting may start at and must end by. */
  dayStart?: string;
  dayEnd?: string;
  stepMinutes?: number;
  maxDays?: number;
}

type Timed = Parameters<typeof findConflicts>[0];

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function nextFreeSlot(candidate: Timed, existing: readonly Timed[], venues: readonly Venue[], o: SlotSearch): Pick<Meeting, 'date' | 'start'> | undefined {
  const open = minutesOf(o.dayStart ?? '09:00');
  const close = minutesOf(o.dayEnd ?? '17:00');
  const step = o.stepMinutes ?? 15;
  const asked = minutesOf(candidate.start);
  for (let day = 0; day <= (o.maxDays ?? 60); day++) {
    const date = addDays(candidate.date, day);
    try {
      if (!isWorkingDay(date, o.holidays)) continue;
    } catch {
      return undefined; // past the bank holiday data: no reliable answer
    }
    // On the day asked, from the time asked (rounded up to the step); later days from opening.
    let from = day === 0 ? Math.max(open, Math.ceil((asked + 1) / step) * step) : open;
    if (day === 0 && asked < open) from = open;
    for (let t = from; t + candidate.durationMinutes <= close; t += step) {
      const slot = { ...candidate, date, start: minutesToTime(t) };
      if (findConflicts(slot, existing, venues).length === 0) return { date, start: slot.start };
    }
  }
  return undefined;
}

/** How a refused booking offers the slot, in words; the form reads it back to offer "Use this time". */
const NEXT_FREE_PREFIX = 'The next time these people and the venue are all free is';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function nextFreeMessage(slot: Pick<Meeting, 'date' | 'start'>): string {
  return `${NEXT_FREE_PREFIX} ${formatDate(slot.date)} at ${slot.start}.`;
}

export function readNextFreeMessage(message: string): Pick<Meeting, 'date' | 'start'> | undefined {
  const m = new RegExp(`^${NEXT_FREE_PREFIX} (\\d{1,2}) (\\w+) (\\d{4}) at (\\d{2}:\\d{2})\\.$`).exec(message);
  const month = m ? MONTHS.indexOf(m[2] as string) + 1 : 0;
  if (!m || month === 0) return undefined;
  return { date: `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`, start: m[4] as string };
}
