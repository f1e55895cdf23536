import { isCalendarDate, makeDate } from './dates';

/**
 * A date as people type it in the UK or as a spreadsheet exports it: "31/01/2026",
 * "31-01-2026", "31.01.2026" or "31 01 2026", or ISO "2026-01-31". Returns YYYY-MM-DD, or
 * undefined when it is not a real date (31/02, 29/02 outside a leap year). Two-digit years are
 * refused: "26" could be 1926 or 2026. The screens and the command line read dates with this one rule.
 */
export function parseUkDate(input: string): string | undefined {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const uk = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!y || !m || !d) return undefined;
  const ymd = makeDate(Number(y), Number(m), Number(d));
  return isCalendarDate(ymd) ? ymd : undefined;
}
