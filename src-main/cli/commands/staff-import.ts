import { CasebookError } from '../../domain/shared/errors';
import { detectImportKind, IMPORT_KINDS, type ImportKind } from '../../domain/staff/import-layout';
import { MAX_REGISTER_CSV_BYTES, registerCsvRows } from '../../domain/staff/register-csv';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { fileSize, readBytes } from '../files';
import { plural } from '../output';

/**
 * `casebook staff import --from FILE.csv`: the register a service already keeps in a
 * spreadsheet, one CSV file per kind (docs/staff-import.md). The file is read here, before any
 * passphrase is asked for, so a broken file costs nothing; the rows go to the casebook as text
 * through `importRegister`, which reads every one against the staff list and saves all or none.
 */
export const staffImport: CommandDef = {
  words: ['staff', 'import'],
  summary: 'Import a staff, CPD, supervision or training register from a CSV file (all rows, or none if any is wrong)',
  options: {
    from: { type: 'string', value: 'FILE', required: true, description: 'The CSV file (UTF-8; see docs/staff-import.md for the columns)' },
    kind: { type: 'string', value: IMPORT_KINDS.join('|'), description: 'What the file holds (default: worked out from its header row)' },
  },
  help: [
    'Examples:',
    '  casebook staff import --from staff.csv',
    '  casebook staff import --from cpd-2026.csv --kind cpd',
    'Dates may be written 31/01/2026 or 2026-01-31. Every bad row is listed with its line and the reason,',
    'and nothing is imported until every row is right. A staff file needs an administrator (it adds people',
    'to the staff list); CPD, supervision and training files a quality lead or administrator.',
    'Sample files are in docs/samples/.',
  ].join('\n'),
  async run(ctx) {
    const shown = requireOption(staffImport, ctx.options, 'from');
    const given = ctx.options.kind === undefined ? undefined : String(ctx.options.kind).trim().toLowerCase();
    if (given !== undefined && !(IMPORT_KINDS as readonly string[]).includes(given)) throw new CasebookError('USAGE', `--kind is one of ${IMPORT_KINDS.join(', ')}. Run "casebook staff import --help".`);
    const from = ctx.resolvePath(shown);
    if ((await fileSize(from, shown)) > MAX_REGISTER_CSV_BYTES) throw new CasebookError('INVALID_INPUT', `${shown} is larger than ${MAX_REGISTER_CSV_BYTES / 1024 / 1024} MB; split it. Nothing was imported.`);
    const { columns, rows } = registerCsvRows(await readBytes(from, shown, MAX_REGISTER_CSV_BYTES), shown);
    const kind = (given as ImportKind | undefined) ?? detectImportKind(columns);
    if (!kind) throw new CasebookError('USAGE', `The header row of ${shown} does not say what the file holds: add --kind ${IMPORT_KINDS.join('|')}.`);
    await ctx.unlock({ writes: true, capability: 'manage-register', doing: 'import the staff register' });
    const r = await ctx.call('importRegister', { kind, columns, rows });
    const what = kind === 'staff' ? `${plural(r.added, 'person', 'people')} added, ${r.updated} updated` : `${plural(r.rows, kind === 'cpd' ? 'CPD entry' : `${kind} entry`, kind === 'cpd' ? 'CPD entries' : `${kind} entries`)} for ${plural(r.updated, 'person', 'people')}`;
    return ok(r, `Imported ${shown}: ${what}.`);
  },
};
