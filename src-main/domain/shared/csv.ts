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

/** One record of a CSV file and the line of the file it starts on (1 is the header), for messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/**
 * Read CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold commas, line
 * breaks and doubled quotes; lines end in CRLF, LF or CR; a UTF-8 byte order mark (Excel's
 * "CSV UTF-8") is dropped. Blank lines are skipped. A quote inside an unquoted field is kept
 * as it is (Excel writes `5" ruler` that way); a quoted field left open, or text after a closing
 * quote, is refused with the line it is on, since guessing would shift every column after it.
 */
export function parseCsv(text: string): CsvParse {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < s.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (s[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= s.length) return { ok: false, line: opened, message: 'a quoted field is never closed: check for a missing "' };
          const c = s[i] as string;
          if (c === '"' && s[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (c === '"') break;
          else {
            if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
            cell += c;
            i++;
          }
        }
        i++;
        if (i < s.length && !',\r\n'.includes(s[i] as string)) return { ok: false, line, message: 'there is text after a closing quote: put the whole field in quotes, with any quote inside it doubled ("")' };
      } else {
        while (i < s.length && !',\r\n'.includes(s[i] as string)) cell += s[i++];
      }
      cells.push(cell);
      if (s[i] === ',') {
        i++;
        continue;
      }
      // The end of the record: CRLF, LF, CR or the end of the text.
      if (s[i] === '\r' && s[i + 1] === '\n') i++;
      if (i < s.length) {
        i++;
        line++;
      }
      break;
    }
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
  }
  return { ok: true, records };
}
