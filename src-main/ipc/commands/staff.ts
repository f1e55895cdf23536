import { StaffListSchema, StaffMemberInputSchema } from '../../domain/staff/staff';
import type { CommandGroup } from '../command-spec';

/** The staff list: who leads, co-facilitates, takes consent and signs off risk. */
export const staffCommands = {
  saveStaffMember: {
    input: StaffMemberInputSchema,
    output: StaffListSchema,
    access: 'manage-staff',
    summary: 'Add or change a member of staff',
  },
} as const satisfies CommandGroup;
