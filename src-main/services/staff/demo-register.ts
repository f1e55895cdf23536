import { STAFF_REGISTER, StaffRegisterSchema, type StaffRegister } from '../../domain/staff/register';
import type { StaffMember } from '../../domain/staff/staff';
import type { Store } from '../../store/store';
import { readStaffRegister } from './register-file';

/**
 * The demo's register (demo/staff-register.ts) saved in one commit: only people who have no
 * register record yet are filled, so running the demo again, or on a casebook whose people
 * already have records, never overwrites one. Reached only from addDemoCases (administrators).
 */
export async function fillDemoRegister(s: Store, build: (staff: readonly StaffMember[]) => StaffRegister): Promise<void> {
  const register = await readStaffRegister(s);
  const fresh = Object.entries(build(s.index.staff)).filter(([id]) => !Object.hasOwn(register, id));
  if (fresh.length === 0) return;
  const next = StaffRegisterSchema.parse({ ...register, ...Object.fromEntries(fresh) });
  await s.registers.save(STAFF_REGISTER, next, fresh.map(([id, r]) => s.draft('staff.register', { type: 'staff', id }, Object.keys(r).sort())));
}
