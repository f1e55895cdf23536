import type { CasebookService } from '../../services/casebook/api';
import type { staffCommands } from '../commands/staff';
import type { HandlersOf } from './types';

/** The staff commands, each a call into `service.staff`. */
export function staffHandlers(s: CasebookService): HandlersOf<typeof staffCommands> {
  return {
    saveStaffMember: (i) => s.staff.saveStaffMember(i),
    saveRegisterDetails: (i) => s.staff.saveRegisterDetails(i),
    recordCpd: (i) => s.staff.recordCpd(i),
    recordSupervision: (i) => s.staff.recordSupervision(i),
    recordObservedPractice: (i) => s.staff.recordObservedPractice(i),
    getStaffRecords: (i) => s.staff.getStaffRecords(i),
    getCompliance: (i) => s.staff.getCompliance(i),
    markLeaver: (i) => s.staff.markLeaver(i),
    recordTraining: (i) => s.staff.recordTraining(i),
    saveCertificate: (i) => s.staff.saveCertificate(i),
    importRegister: (i) => s.staff.importRegister(i),
    importRegisterFile: (i) => s.staff.importRegisterFile(i),
  };
}
