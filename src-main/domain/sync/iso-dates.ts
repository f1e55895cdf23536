import { isCalendarDate } from '../time/dates';

/**
 * ISO dates and date-times as records hold them ("2026-03-03", "2026-03-03T10:15:00.000Z").
 * A date-time needs its zone (Z or ±hh:mm): without one the instant is not known, so it is
 * read as text. The merge sorts timelines by these, and the conflict words print them.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export type IsoValue = { kind: 'date'; date: string } | { kind: 'instant'; ms: number };

export function readIso(s: string): IsoValue | undefined {
  if (s.length === 10) return isCalendarDate(s) ? { kind: 'date', date: s } : undefined;
  const m = DATE_TIME.exec(s);
  if (!m || !isCalendarDate(m[1])) return undefined;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? { kind: 'instant', ms } : undefined;
}

/**
 * A string that sorts in time order: dates as they are, instants in UTC. A date sorts before
 * the instants of its own day (its UTC midnight), which is as good as a day without a time gets.
 */
export function isoSortKey(s: string): string | undefined {
  const v = readIso(s);
  if (!v) return undefined;
  return v.kind === 'date' ? v.date : new Date(v.ms).toISOString();
}
