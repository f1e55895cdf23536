import { formatDate } from '../../../../src-main/domain/time/dates';
import { londonToUtc, minutesToTime } from '../../../../src-main/domain/time/london-time';
import { MAX_DURATION_MINUTES, meetingEnd } from '../../../../src-main/domain/conferences/meeting';

/** The usual lengths, offered in a list; anything else is typed in minutes. */
export const LENGTHS = [30, 60, 90, 120, 180] as const;

export function lengthLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : h === 1 ? '1 hour' : `${h} hours`;
  const mins = m === 0 ? '' : `${m} minutes`;
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes';
}

/**
 * A start time as people type it: "9:30", "09:30", "14.30" or "1430" all mean the same. Gives
 * HH:MM on the 24-hour clock, or undefined if it is not a time of day.
 */
export function readTime(text: string): string | undefined {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h < 24 && mi < 60 ? `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}` : undefined;
}

/** The length chosen from the list, or typed in minutes after "Other length". */
export function readLength(length: string, minutes: string): number | undefined {
  if (length !== 'other') return length ? Number(length) : undefined;
  const t = minutes.trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : undefined;
}

export function lengthProblem(length: string, minutes: string): { field: 'length' | 'minutes'; message: string } | undefined {
  if (!length) return { field: 'length', message: 'Choose how long the meeting lasts' };
  if (length !== 'other') return undefined;
  const n = readLength(length, minutes);
  if (!minutes.trim()) return { field: 'minutes', message: 'Enter the length of the meeting in minutes, like 150' };
  if (n === undefined) return { field: 'minutes', message: 'Enter the length in whole minutes, like 150' };
  if (n < 5) return { field: 'minutes', message: 'A meeting lasts at least 5 minutes' };
  if (n > MAX_DURATION_MINUTES) return { field: 'minutes', message: `A meeting lasts at most ${MAX_DURATION_MINUTES / 60} hours; split a longer day into several meetings` };
  return undefined;
}

/**
 * When the meeting ends, said the way the clock on the wall will say it: on the nights the
 * clocks change a two-hour meeting can end one hour or three hours later by the clock.
 */
export function endsText(date: string, start: string, durationMinutes: number): string | undefined {
  const at = londonToUtc(date, start);
  if (!at.ok) return undefined;
  const end = meetingEnd({ date, start, durationMinutes });
  const [h, m] = start.split(':').map(Number);
  const byTheClock = minutesToTime((h ?? 0) * 60 + (m ?? 0) + durationMinutes);
  const day = end.date === date ? '' : ` on ${formatDate(end.date)}`;
  const change = end.time !== byTheClock ? ' The clocks change during the meeting, so this is not the usual end time.' : '';
  const twice = at.ambiguous ? ` ${start} happens twice that night, because the clocks go back: the meeting is booked for the first ${start}, in British Summer Time.` : '';
  return `Ends at ${end.time}${day}.${change}${twice}`;
}
