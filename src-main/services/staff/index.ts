import { caseworkOf } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import type { StaffApi } from './api';
import { getCompliance, getStaffRecords, recordCpd, recordObservedPractice, recordSupervision } from './register';
import { markLeaver } from './leaver';
import { saveRegisterDetails } from './register-details';
import { saveStaffMember } from './staff';

export type { StaffApi } from './api';

/** The staff list (in the index) and its register (in registers/staff.cbk). The service queues every staff command (casebook/service.ts). */
export function createStaff(ctx: ServiceContext): StaffApi {
  const cw = () => caseworkOf(ctx.need(), ctx.templates);
  return {
    saveStaffMember: (input) => saveStaffMember(cw(), input),
    saveRegisterDetails: (input) => saveRegisterDetails(cw(), input),
    recordCpd: (input) => recordCpd(cw(), input),
    recordSupervision: (input) => recordSupervision(cw(), input),
    recordObservedPractice: (input) => recordObservedPractice(cw(), input),
    getStaffRecords: (input) => getStaffRecords(cw(), input),
    getCompliance: (input) => getCompliance(cw(), input),
    markLeaver: (input) => markLeaver(cw(), input),
  };
}
