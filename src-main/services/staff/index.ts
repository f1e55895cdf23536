import { caseworkOf } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import type { StaffApi } from './api';
import { saveStaffMember } from './staff';

export type { StaffApi } from './api';

/** The staff list, kept in the index. */
export function createStaff(ctx: ServiceContext): StaffApi {
  return {
    saveStaffMember: (input) => saveStaffMember(caseworkOf(ctx.need(), ctx.templates), input),
  };
}
