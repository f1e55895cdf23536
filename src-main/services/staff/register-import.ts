import { requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import { detectImportKind, IMPORT_KINDS, type ImportRegisterInput, type ImportRegisterResult } from '../../domain/staff/import-layout';
import { STAFF_REGISTER, StaffRegisterSchema } from '../../domain/staff/register';
import { planRegisterImport } from '../../domain/staff/register-import';
import { StaffListSchema } from '../../domain/staff/staff';
import { newId } from '../../store/ids';
import type { Casework } from '../cases/context';
import { fromZod, invalidInput } from '../shared/errors';
import { readStaffRegister } from './register-file';

/**
 * `casebook staff import`: a register a service already keeps, one CSV file per kind. All or
 * nothing: every row is read against the casebook first, and either every bad row is refused
 * with its line and reason, or the staff list (in the index) and the register file are saved
 * in ONE commit, so no crash can leave new people without their register or the reverse.
 * Quality leads and administrators import logs; a staff file adds people to the staff list,
 * so it also needs 'manage-staff' (administrators).
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
