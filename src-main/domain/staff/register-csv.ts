import { parseCsv } from '../shared/csv';
import { CasebookError } from '../shared/errors';
import { MAX_IMPORT_ROWS } from './import-layout';

/**
 * A register CSV file's bytes as the rows `importRegister` reads: UTF-8 (as "CSV UTF-8" is
 * saved from a spreadsheet), the first record the header, each row with the line it starts
 * on. One reader for the CLI's `--from` file and the app's chosen file, so both refuse a
 * broken file in the same words, before anything is read against the casebook.
 */
export const MAX_REGISTER_CSV_BYTES = 8 * 1024 * 1024;

export interface RegisterCsvRows {
  columns: string[];
  rows: { line: number; values: string[] }[];
}

/** `shown` names the file in messages (the path typed, or the name chosen). */
export function registerCsvRows(bytes: Uint8Array, shown: string): RegisterCsvRows {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CasebookError('INVALID_INPUT', `${shown} is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8". Nothing was imported.`);
  }
  const csv = parseCsv(text);
  if (!csv.ok) throw new CasebookError('INVALID_INPUT', `${shown} is not valid CSV; nothing was imported.`, { issues: [{ path: `line ${csv.line}`, message: csv.message }] });
  const [header, ...rows] = csv.records;
  if (!header) throw new CasebookError('INVALID_INPUT', `${shown} is empty; nothing was imported.`);
  if (rows.length > MAX_IMPORT_ROWS) throw new CasebookError('INVALID_INPUT', `${shown} has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once: split it. Nothing was imported.`);
  return { columns: header.cells, rows: rows.map((x) => ({ line: x.line, values: x.cells })) };
}
