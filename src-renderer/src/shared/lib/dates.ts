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

/**
 * Read a date typed the UK way: "23/11/2026", "23-11-2026", "23.11.2026" or "23 11 2026"
 * (ISO "2026-11-23" is accepted too). Returns YYYY-MM-DD, or undefined if it is not a real
 * date. Two-digit years are refused: "26" could be 1926 or 2026.
 */
export function parseUkDate(input: string): string | undefined {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const uk = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!y || !m || !d) return undefined;
  const ymd = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${ymd}T00:00:00Z`);
  // Date rolls 31/02 over into March; a real date survives the round trip unchanged.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === ymd ? ymd : undefined;
}

/** YYYY-MM-DD shown back in a box as "23/11/2026". */
export function isoToUk(ymd: string): string {
  const [y, m, d] = ymd.split('-');
  return y && m && d ? `${d}/${m}/${y}` : ymd;
}
