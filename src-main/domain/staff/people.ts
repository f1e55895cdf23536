import type { Role } from '../access/roles';
import type { User } from '../casebook/user';
import { fold } from '../shared/fold';
import type { StaffMember, StaffRole } from './staff';

/**
 * One list of people. Everyone who can unlock the casebook is a member of staff too, linked by
 * the staff id on their login: what they record ("taken by", "signed off by") names their staff
 * record, their cases are "my cases", and no one can be signed in yet "not on the staff list".
 */

/** The staff role a new login starts with; the staff register can change it later. */
export const STAFF_ROLE_FOR_LOGIN: Record<Role, StaffRole> = {
  administrator: 'administrator',
  coordinator: 'coordinator',
  facilitator: 'facilitator',
  'quality-lead': 'quality-lead',
};

/** The staff record a login is linked to. */
export function staffOf(user: Pick<User, 'staffId'>, staff: readonly StaffMember[]): StaffMember | undefined {
  return user.staffId === undefined ? undefined : staff.find((m) => m.id === user.staffId);
}

/**
 * The staff record a login should be linked to: the one with the same name (ignoring case and
 * accents, an active one first) that no other login has (`taken`), or none.
 */
export function staffToLink(name: string, staff: readonly StaffMember[], taken: ReadonlySet<string>): StaffMember | undefined {
  const same = staff.filter((m) => fold(m.name) === fold(name) && !taken.has(m.id));
  return same.find((m) => m.active) ?? same[0];
}

/**
 * Link every login that has no staff record: to the member of staff with its name, or to a
 * new record made for it. Pure: the caller supplies new staff ids and keeps the result.
 */
export function linkUsersToStaff<U extends Pick<User, 'name' | 'role' | 'staffId'>>(
  users: readonly U[],
  staff: readonly StaffMember[],
  newStaffId: () => string,
): { users: U[]; staff: StaffMember[]; added: StaffMember[] } {
  const outStaff = [...staff];
  const added: StaffMember[] = [];
  const linked = (u: U) => u.staffId !== undefined && staff.some((m) => m.id === u.staffId);
  const taken = new Set(users.filter(linked).map((u) => u.staffId as string));
  const outUsers = users.map((u) => {
    if (linked(u)) return u;
    let member = staffToLink(u.name, outStaff, taken);
    if (!member) {
      member = { id: newStaffId(), name: u.name, role: STAFF_ROLE_FOR_LOGIN[u.role], active: true };
      outStaff.push(member);
      added.push(member);
    }
    taken.add(member.id);
    return { ...u, staffId: member.id };
  });
  return { users: outUsers, staff: outStaff, added };
}
