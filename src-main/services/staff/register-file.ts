import type { AuditDraft } from '../../domain/casebook/audit';
import { recordOf, withRegister, type StaffRecord } from '../../domain/staff/record';
import { registerPart, STAFF_REGISTER, StaffRegisterSchema, type StaffRegister } from '../../domain/staff/register';
import { findStaff } from '../../domain/staff/staff';
import type { FileWrite } from '../../store/journal';
import type { Store } from '../../store/store';
import { invalidInput } from '../shared/errors';

/**
 * The staff register as the services use it: read from its own file the first time a command
 * needs it (never at unlock), joined with the staff list in the index, and written back whole
 * with the audit entries of the change.
 */
export function readStaffRegister(s: Store): Promise<StaffRegister> {
  return s.registers.read(STAFF_REGISTER, StaffRegisterSchema, {});
}

/** Every person on the staff list with their register record. */
export async function staffRecords(s: Store): Promise<StaffRecord[]> {
  return withRegister(s.index.staff, await readStaffRegister(s));
}

/** One person's record, or a clear error naming the field when the id is not on the staff list. */
export async function staffRecordOf(s: Store, staffId: string, field = 'staffId'): Promise<StaffRecord> {
  const member = findStaff(s.index.staff, staffId);
  if (!member) throw invalidInput([{ path: field, message: 'There is no member of staff with that id.' }]);
  return recordOf(member, await readStaffRegister(s));
}

/** Save one person's register record (already validated) with the audit entries that describe the change. */
export async function saveStaffRecord(s: Store, record: StaffRecord, drafts: AuditDraft[], extra: FileWrite[] = []): Promise<StaffRecord> {
  const register = await readStaffRegister(s);
  const next: StaffRegister = { ...register, [record.id]: registerPart(record) };
  const checked = StaffRegisterSchema.parse(next);
  await s.registers.save(STAFF_REGISTER, checked, drafts, s.index, extra);
  return recordOf(findStaff(s.index.staff, record.id)!, checked);
}
