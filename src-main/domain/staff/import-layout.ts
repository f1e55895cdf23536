import { z } from 'zod';
import { strictForm } from '../shared/strict-form';

/**
 * The CSV layouts `casebook staff import` reads (docs/staff-import.md): one file per kind, the
 * first row naming the columns. Column names are matched without regard to case, spaces or
 * hyphens ("Registered on", "registered-on" and "registered_on" are one column), so a quality
 * lead's own spreadsheet headings need only small changes.
 */
export const IMPORT_KINDS = ['staff', 'cpd', 'supervision', 'training'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_COLUMNS: Record<ImportKind, { required: readonly string[]; optional: readonly string[] }> = {
  staff: {
    required: ['name', 'role'],
    optional: [
      'level',
      'employment',
      'started',
      'ended',
      'registration_number',
      'registration_level',
      'registered_on',
      'renewal_due',
      'dbs_level',
      'dbs_certificate_date',
      'dbs_update_service',
      'induction_completed_on',
    ],
  },
  cpd: { required: ['staff', 'date', 'activity', 'hours'], optional: ['rjc_approved'] },
  supervision: { required: ['staff', 'date', 'supervisor'], optional: ['kind', 'notes'] },
  training: { required: ['staff', 'date', 'course', 'provider'], optional: ['level'] },
};

/** The column that tells each kind apart when no kind is given. */
const TELLTALE: [string, ImportKind][] = [
  ['role', 'staff'],
  ['hours', 'cpd'],
  ['supervisor', 'supervision'],
  ['course', 'training'],
];

export const MAX_IMPORT_ROWS = 10_000;
const MAX_COLUMNS = 40;

/** "Registered on", "registered-on" → "registered_on". */
export function columnKey(heading: string): string {
  return heading.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The kind of file its header names, or undefined when it names none or more than one. */
export function detectImportKind(columns: readonly string[]): ImportKind | undefined {
  const keys = new Set(columns.map(columnKey));
  const found = TELLTALE.filter(([c]) => keys.has(c)).map(([, k]) => k);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * What the import command sends: the header and each row as text, with the line of the file
 * each row starts on. The cells stay text here; the service reads every one against the
 * casebook (people by name, dates not in the future) so each problem is reported with its line.
 * Rows are lists, not objects keyed by heading, so a heading like `__proto__` is only a string.
 */
export const ImportRegisterInputSchema = strictForm(
  {
    kind: z.enum(IMPORT_KINDS, { error: `Kind: choose one of ${IMPORT_KINDS.join(', ')}` }).optional(),
    columns: z.array(z.string().max(80, { error: 'A column heading is longer than 80 characters' })).min(1, { error: 'The file has no header row' }).max(MAX_COLUMNS, { error: `At most ${MAX_COLUMNS} columns` }),
    rows: z
      .array(z.strictObject({ line: z.number().int().min(2), values: z.array(z.string().max(4_000, { error: 'A cell is longer than 4,000 characters' })).max(MAX_COLUMNS + 10) }))
      .max(MAX_IMPORT_ROWS, { error: `At most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows in one import: split the file` }),
  },
  'the import',
);
export type ImportRegisterInput = ReturnType<typeof ImportRegisterInputSchema.parse>;

export const ImportRegisterResultSchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  rows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
});
export type ImportRegisterResult = z.infer<typeof ImportRegisterResultSchema>;

/**
 * The app's import: the main process asks for the CSV file through the file picker and reads
 * it (the window cannot read files), so the caller sends only the kind, when the header does
 * not tell it. `picked: false` when the person closed the dialog.
 */
export const ImportRegisterFileInputSchema = strictForm({ kind: z.enum(IMPORT_KINDS, { error: `Kind: choose one of ${IMPORT_KINDS.join(', ')}` }).optional() }, 'the import');
export type ImportRegisterFileInput = ReturnType<typeof ImportRegisterFileInputSchema.parse>;

export const ImportRegisterFileResultSchema = z.strictObject({ picked: z.boolean(), fileName: z.string().optional(), result: ImportRegisterResultSchema.optional() });
export type ImportRegisterFileResult = z.infer<typeof ImportRegisterFileResultSchema>;

/** One problem, on the line of the file it is on (1 is the header). */
export interface ImportProblem {
  line: number;
  message: string;
}

/** The header's problems: an unknown or repeated column, a required one missing. */
export function headerProblems(kind: ImportKind, columns: readonly string[]): ImportProblem[] {
  const { required, optional } = IMPORT_COLUMNS[kind];
  const known = new Set([...required, ...optional]);
  const keys = columns.map(columnKey);
  const problems: ImportProblem[] = [];
  keys.forEach((k, i) => {
    const shown = JSON.stringify((columns[i] ?? '').slice(0, 40));
    if (k === '') problems.push({ line: 1, message: `column ${i + 1} has no heading` });
    else if (!known.has(k)) problems.push({ line: 1, message: `unknown column ${shown} in a ${kind} file: the columns are ${[...required, ...optional].join(', ')}` });
    else if (keys.indexOf(k) !== i) problems.push({ line: 1, message: `the column ${shown} appears twice` });
  });
  for (const r of required) if (!keys.includes(r)) problems.push({ line: 1, message: `the column ${r} is missing: a ${kind} file needs ${required.join(', ')}` });
  return problems;
}
