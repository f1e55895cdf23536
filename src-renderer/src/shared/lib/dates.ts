/**
 * UK formats, always in UK time whatever the computer's locale: "23 November 2026, 14:05"
 * for moments and "14 March 2026" for calendar dates. Dates without a time (YYYY-MM-DD) are
 * formatted in UTC so they never shift by a day.
 */
const dayFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' });
const calendarFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${dayFmt.format(d)}, ${timeFmt.format(d)}`;
}

export function formatDate(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return calendarFmt.format(d);
}

/** File sizes as people say them: "850 bytes", "12 KB", "3.4 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Read a date typed the UK way (or ISO): one rule shared with the command line. */
export { parseUkDate } from '../../../../src-main/domain/time/uk-date';

/** YYYY-MM-DD shown back in a box as "23/11/2026". */
export function isoToUk(ymd: string): string {
  const [y, m, d] = ymd.split('-');
  return y && m && d ? `${d}/${m}/${y}` : ymd;
}
