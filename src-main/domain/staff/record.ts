import { z } from 'zod';
import { REGISTER_FIELDS, type StaffRegister, type StaffRegisterRecord } from './register';
import { StaffMemberSchema, type StaffMember } from './staff';

/**
 * A person on the staff list joined with their register record: what compliance, the quality
 * lead's pages and the register commands' answers carry. The two halves are stored apart (the
 * list in the index, read at unlock; the register in its own file, read when needed).
 */
export const StaffRecordSchema = StaffMemberSchema.extend(REGISTER_FIELDS);
export type StaffRecord = StaffMember & StaffRegisterRecord;

/** Each person on the list with their register record (an empty one when nothing is recorded yet). */
export function withRegister(staff: readonly StaffMember[], register: StaffRegister): StaffRecord[] {
  return staff.map((m) => recordOf(m, register));
}

export function recordOf(m: StaffMember, register: StaffRegister): StaffRecord {
  return { ...(Object.hasOwn(register, m.id) ? register[m.id] : {}), ...m };
}

export const StaffRecordListSchema = z.array(StaffRecordSchema);
