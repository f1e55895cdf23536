import type { CasebookService } from '../../services/casebook/api';
import type { dataProtectionCommands } from '../commands/data-protection';
import type { HandlersOf } from './types';

/** The data-protection commands, each a call into `service.dataProtection`. */
export function dataProtectionHandlers(s: CasebookService): HandlersOf<typeof dataProtectionCommands> {
  return {
    findPerson: (i) => s.dataProtection.findPerson(i),
    rectifyPerson: (i) => s.dataProtection.rectifyPerson(i),
    checkFileForPersonalData: () => s.dataProtection.checkFileForPersonalData(),
    listSubjectAccessRequests: (i) => s.dataProtection.listSubjectAccessRequests(i),
    getSubjectAccessRequest: (i) => s.dataProtection.getSubjectAccessRequest(i),
    recordSubjectAccessRequest: (i) => s.dataProtection.recordSubjectAccessRequest(i),
    updateSubjectAccessRequest: (i) => s.dataProtection.updateSubjectAccessRequest(i),
    reviewRetention: (i) => s.dataProtection.reviewRetention(i),
    proposeRetention: (i) => s.dataProtection.proposeRetention(i),
    decideRetention: (i) => s.dataProtection.decideRetention(i),
    previewSubjectAccessBundle: (i) => s.dataProtection.previewSubjectAccessBundle(i),
    saveSubjectAccessBundle: (i) => s.dataProtection.saveSubjectAccessBundle(i),
  };
}
