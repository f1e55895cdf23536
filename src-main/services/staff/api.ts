import type { StaffMember, StaffMemberInput } from '../../domain/staff/staff';

/** The staff list, reached as `service.staff`. */
export interface StaffApi {
  /** Coordinators and administrators; a new member gets an `s_` id. Returns the whole list. */
  saveStaffMember(input: StaffMemberInput): Promise<StaffMember[]>;
}
