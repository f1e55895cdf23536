import { CasebookError } from '../../domain/shared/errors';
import { fold } from '../../domain/shared/fold';
import { requireCapability } from '../../domain/access/capabilities';
import { StaffListSchema, type StaffMember, type StaffMemberInput } from '../../domain/staff/staff';
import type { Casework } from '../cases/context';
import { fromZod } from '../shared/errors';
import { newId as randomId } from '../../store/ids';


export const changedKeys = <T extends object>(before: T | undefined, after: T): string[] =>
  (Object.keys(after) as (keyof T)[]).filter((k) => !before || JSON.stringify(before[k]) !== JSON.stringify(after[k])).map(String);

/**
 * Add a member of staff, or change one. Staff stay on the list when they leave (old cases
 * name them): mark them inactive instead. Two members with the same name would make "my
 * cases" and every staff picker ambiguous, so a second one is refused.
 */
export async function saveStaffMember(cw: Casework, input: StaffMemberInput): Promise<StaffMember[]> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-staff');
  const staff = s.index.staff;
  const before = input.id === undefined ? undefined : staff.find((m) => m.id === input.id);
  if (input.id !== undefined && !before) throw new CasebookError('NOT_FOUND', 'There is no member of staff with that id; leave the id out to add someone new.');
  let id = input.id ?? randomId('s');
  while (!before && staff.some((m) => m.id === id)) id = randomId('s');
  // The register is kept apart (registers/staff.cbk) and changes only through its own commands.
  const member: StaffMember = { ...input, id };
  if (staff.some((m) => m.id !== id && fold(m.name) === fold(member.name))) {
    throw new CasebookError('CONFLICT', 'There is already a member of staff with that name. Change theirs instead, or tell the two apart (a middle initial, say).', {
      issues: [{ path: 'name', message: 'There is already a member of staff with that name' }],
    });
  }
  const list = before ? staff.map((m) => (m.id === id ? member : m)) : [...staff, member];
  const checked = StaffListSchema.safeParse(list);
  if (!checked.success) throw fromZod(checked.error, ['staff']);
  const fields = changedKeys(before, member).filter((k) => k !== 'id');
  if (before && fields.length === 0) return staff;
  const drafts = [s.draft(before ? 'staff.update' : 'staff.add', { type: 'staff', id }, fields)];
  // One list of people: a login linked to this record is renamed with it (index and keyring).
  const renamed = before && before.name !== member.name ? s.index.users.filter((u) => u.staffId === id) : [];
  if (renamed.length > 0) {
    const users = s.index.users.map((u) => (u.staffId === id ? { ...u, name: member.name } : u));
    await s.renameUsers(new Map(renamed.map((u) => [u.id, member.name])), { ...s.index, staff: checked.data, users }, [...drafts, ...renamed.map((u) => s.draft('user.rename', { type: 'user', id: u.id }, ['name']))]);
  } else {
    await s.updateIndex({ ...s.index, staff: checked.data }, drafts);
  }
  return s.index.staff;
}
