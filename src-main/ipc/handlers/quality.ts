import type { CasebookService } from '../../services/casebook/api';
import type { qualityCommands } from '../commands/quality';
import type { HandlersOf } from './types';

/** The policies and complaints commands, each a call into `service.quality`. */
export function qualityHandlers(s: CasebookService): HandlersOf<typeof qualityCommands> {
  return {
    listPolicies: (i) => s.quality.listPolicies(i),
    savePolicy: (i) => s.quality.savePolicy(i),
    addPolicyVersion: (i) => s.quality.addPolicyVersion(i),
    attachPolicyDocument: (i) => s.quality.attachPolicyDocument(i),
    savePolicyDocument: (i) => s.quality.savePolicyDocument(i),
    listComplaints: (i) => s.quality.listComplaints(i),
    recordComplaint: (i) => s.quality.recordComplaint(i),
    updateComplaint: (i) => s.quality.updateComplaint(i),
    listFrameworks: () => s.quality.listFrameworks(),
    getHealthCheck: (i) => s.quality.getHealthCheck(i),
    saveIndicatorAnswer: (i) => s.quality.saveIndicatorAnswer(i),
    chooseIndicatorEvidence: () => s.quality.chooseIndicatorEvidence(),
    attachIndicatorEvidence: (i) => s.quality.attachIndicatorEvidence(i),
    removeIndicatorEvidence: (i) => s.quality.removeIndicatorEvidence(i),
    saveIndicatorEvidence: (i) => s.quality.saveIndicatorEvidence(i),
    getCaseFileAudit: (i) => s.quality.getCaseFileAudit(i),
    saveAuditorReview: (i) => s.quality.saveAuditorReview(i),
    draftCaseStudies: (i) => s.quality.draftCaseStudies(i),
    saveEvidencePack: (i) => s.quality.saveEvidencePack(i),
  };
}
