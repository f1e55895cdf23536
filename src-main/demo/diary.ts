import { standardBankHolidays } from '../domain/time/bank-holidays';
import { fromDayNumber } from '../domain/time/dates';
import { minutesToTime } from '../domain/time/london-time';
import type { Random } from './prng';

/**
 * The demo service's diary: every active meeting booked so far, by day, so a new one is put
 * where its facilitators, room and interpreter are free. Meetings are between 09:00 and 17:00
 * on working days (Monday to Friday, not a bank holiday), starting on the half hour. Days are
 * whole days since 1970-01-01, as in demo-cases.ts.
 */
const OPEN = 9 * 60;
const CLOSE = 17 * 60;
const STEP = 30;

interface Booking {
  start: number;
  end: number;
  keys: readonly string[];
}

/** What a meeting needs: a lead who must be free, and one of each list that is free. */
export interface SlotNeeds {
  durationMinutes: number;
  lead: string;
  /** Any one of these (a co-facilitator), or none when the list is empty. */
  co?: readonly string[];
  /** Any one of these venues; empty or absent for a video or phone meeting. */
  venues?: readonly string[];
  /** Any one of these interpreters; absent when nobody needs one. */
  interpreters?: readonly string[];
}

export interface Slot {
  day: number;
  /** HH:MM, local time. */
  start: string;
  co?: string;
  venue?: string;
  interpreter?: string;
}

const holidayYears = new Map<number, ReadonlySet<string>>();

function bankHolidays(year: number): ReadonlySet<string> {
  let s = holidayYears.get(year);
  if (!s) {
    s = new Set(standardBankHolidays(year).map((e) => e.date));
    holidayYears.set(year, s);
  }
  return s;
}

/** Monday to Friday and not a regular bank holiday of England and Wales. */
export function isWorkingDayNumber(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  if (weekday === 0 || weekday === 6) return false;
  const date = fromDayNumber(day);
  return !bankHolidays(Number(date.slice(0, 4))).has(date);
}

export class Diary {
  private readonly days = new Map<number, Booking[]>();

  constructor(private readonly r: Random) {}

  /** Every active booking, for checks: day, start and end minutes, and who or what it holds. */
  *bookings(): Generator<{ day: number; start: number; end: number; keys: readonly string[] }> {
    for (const [day, list] of this.days) for (const b of list) yield { day, ...b };
  }

  private busy(day: number, start: number, end: number): Set<string> {
    const out = new Set<string>();
    for (const b of this.days.get(day) ?? []) if (b.start < end && start < b.end) for (const k of b.keys) out.add(k);
    return out;
  }

  private tryDay(day: number, needs: SlotNeeds): Slot | undefined {
    const starts: number[] = [];
    for (let t = OPEN; t + needs.durationMinutes <= CLOSE; t += STEP) starts.push(t);
    // Mornings and early afternoons are asked for most, but any free time will do.
    const first = this.r.int(0, Math.max(0, starts.length - 1));
    for (let i = 0; i < starts.length; i++) {
      const start = starts[(first + i) % starts.length] as number;
      const end = start + needs.durationMinutes;
      const taken = this.busy(day, start, end);
      if (taken.has(needs.lead)) continue;
      const free = (list: readonly string[] | undefined) => (list && list.length > 0 ? list.find((k) => !taken.has(k)) ?? null : undefined);
      const co = free(needs.co);
      const venue = free(needs.venues);
      const interpreter = free(needs.interpreters);
      if (co === null || venue === null || interpreter === null) continue;
      return { day, start: minutesToTime(start), ...(co ? { co } : {}), ...(venue ? { venue } : {}), ...(interpreter ? { interpreter } : {}) };
    }
    return undefined;
  }

  /**
   * A free slot on a working day from `lo` to `hi` (both inclusive), trying a few days at
   * random and then every day in order; undefined when the window is full or has no working day.
   */
  find(lo: number, hi: number, needs: SlotNeeds): Slot | undefined {
    if (hi < lo) return undefined;
    const span = hi - lo + 1;
    for (let i = 0; i < Math.min(4, span); i++) {
      const day = lo + this.r.int(0, span - 1);
      if (!isWorkingDayNumber(day)) continue;
      const s = this.tryDay(day, needs);
      if (s) return s;
    }
    const offset = this.r.int(0, span - 1);
    for (let i = 0; i < span; i++) {
      const day = lo + ((offset + i) % span);
      if (!isWorkingDayNumber(day)) continue;
      const s = this.tryDay(day, needs);
      if (s) return s;
    }
    return undefined;
  }

  /** Hold the time for an active meeting. */
  book(day: number, start: string, durationMinutes: number, keys: readonly string[]): void {
    const [h, m] = start.split(':').map(Number);
    const from = (h ?? 0) * 60 + (m ?? 0);
    const list = this.days.get(day);
    const b = { start: from, end: from + durationMinutes, keys };
    if (list) list.push(b);
    else this.days.set(day, [b]);
  }
}
