import { requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import { detectImportKind, IMPORT_KINDS, ImportRegisterInputSchema, type ImportRegisterFileInput, type ImportRegisterFileResult, type ImportRegisterInput, type ImportRegisterResult } from '../../domain/staff/import-layout';
import { MAX_REGISTER_CSV_BYTES, registerCsvRows } from '../../domain/staff/register-csv';
import { STAFF_REGISTER, StaffRegisterSchema } from '../../domain/staff/register';
import { planRegisterImport } from '../../domain/staff/register-import';
import { StaffListSchema } from '../../domain/staff/staff';
import { newId } from '../../store/ids';
import type { Casework } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import { fromZod, invalidInput } from '../shared/errors';
import { readStaffRegister } from './register-file';

/**
 * `casebook staff import`: a register a service already keeps, one CSV file per kind. All or
 * nothing: every row is read against the casebook first, and either every bad row is refused
 * with its line and reason, or the staff list (in the index) and the register file are saved
 * in ONE commit, so no crash can leave new people without their register or the reverse.
 * Quality leads and administrators import logs; a staff file adds people to the staff list,
 * so it also needs 'manage-staff' (coordinators, quality leads, administrators).
 */
export async function importRegister(cw: Casework, input: ImportRegisterInput): Promise<ImportRegisterResult> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-register');
  const kind = input.kind ?? detectImportKind(input.columns);
  if (!kind) throw invalidInput([{ path: 'kind', message: `The header row does not say what the file holds: give the kind (${IMPORT_KINDS.join(', ')}). A staff file has a role column, CPD an hours column, supervision a supervisor column and training a course column.` }]);
  if (kind === 'staff') requireCapability(s.user.role, 'manage-staff');
  const taken = new Set(s.index.staff.map((m) => m.id));
  const plan = planRegisterImport({ ...input, kind }, {
    staff: s.index.staff,
    register: await readStaffRegister(s),
    today: cw.today,
    rules: cw.t.qualityRules,
    newStaffId: () => {
      let id = newId('s');
      while (taken.has(id)) id = newId('s');
      taken.add(id);
      return id;
    },
  });
  if (!plan.ok) {
    const n = new Set(plan.problems.map((p) => p.line)).size;
    const issues = plan.problems.map((p) => ({ path: `line ${p.line}`, message: p.message }));
    throw new CasebookError('INVALID_INPUT', `${n === 1 ? '1 line of the file has' : `${n} lines of the file have`} problems; nothing was imported.`, { issues });
  }
  const staff = StaffListSchema.safeParse(plan.staff);
  if (!staff.success) throw fromZod(staff.error, ['staff']);
  const register = StaffRegisterSchema.parse(plan.register);
  // One audit entry per person, naming the fields the import set (never their values).
  const added = new Set(plan.added);
  const drafts = [...plan.changed].map(([id, fields]) => s.draft(added.has(id) ? 'staff.add' : 'staff.import', { type: 'staff', id }, [...fields].sort()));
  await s.registers.save(STAFF_REGISTER, register, drafts, { ...s.index, staff: staff.data });
  return { kind, rows: input.rows.length, added: plan.added.length, updated: plan.changed.size - plan.added.length };
}

/**
 * The app's import: the CSV file chosen through the file picker (the dialog is open outside
 * the queue, so it never holds up other saves), read as the CLI reads `--from`, then the same
 * all-or-nothing import. Its rows came from a file, not from a checked command, so they are
 * checked against the command's schema here (a cell too long is named, not stored).
 */
export async function importRegisterFile(ctx: ServiceContext, cw: () => Casework, input: ImportRegisterFileInput): Promise<ImportRegisterFileResult> {
  requireCapability(ctx.need().user.role, 'manage-register');
  const picker = ctx.files.filePicker;
  if (!picker) throw new CasebookError('WRITE_FAILED', 'Importing a file is not available here: this copy of RJ Casebook has no way to choose a file');
  const file = await picker.pick(MAX_REGISTER_CSV_BYTES, 'register-csv');
  if (!file) return { picked: false };
  const rows = ImportRegisterInputSchema.safeParse({ ...(input.kind ? { kind: input.kind } : {}), ...registerCsvRows(file.bytes, file.name) });
  if (!rows.success) throw fromZod(rows.error, []);
  return { picked: true, fileName: file.name, result: await ctx.serial(() => importRegister(cw(), rows.data)) };
}
