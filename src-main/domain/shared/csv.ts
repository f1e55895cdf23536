/**
 * CSV as RFC 4180 describes it (CRLF line ends; a field holding a comma, quote or line break
 * is quoted, with quotes doubled), made safe to open in a spreadsheet: text that starts with
 * = + - @ (or a tab or carriage return) would be run as a formula by Excel or LibreOffice
 * ("CSV injection"), so such a cell is prefixed with a single quote, which they show as text.
 * Referral sources and other labels are typed by users, so this matters.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
