import { caseworkOf } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import type { StaffApi } from './api';
import { getCompliance, recordCpd, recordObservedPractice, recordSupervision } from './register';
import { saveRegisterDetails } from './register-details';
import { saveStaffMember } from './staff';

export type { StaffApi } from './api';

/** The staff list and its register, kept in the index. The service queues every staff command (casebook/service.ts). */
export function createStaff(ctx: ServiceContext): StaffApi {
  const cw = () => caseworkOf(ctx.need(), ctx.templates);
  return {
    saveStaffMember: (input) => saveStaffMember(cw(), input),
    saveRegisterDetails: (input) => saveRegisterDetails(cw(), input),
    recordCpd: (input) => recordCpd(cw(), input),
    recordSupervision: (input) => recordSupervision(cw(), input),
    recordObservedPractice: (input) => recordObservedPractice(cw(), input),
    getCompliance: async (input) => getCompliance(cw(), input),
  };
}
