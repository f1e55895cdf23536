import type { Case } from './case';
import type { Decision } from '../shared/decision';
import type { ProcessCommand } from './process-commands';
import type { CaseChange, ProcessContext } from './process-context';
import { addMonitoringReview, chooseProcess, closeCase, logIndirect, recordAgreement, recordConference, recordFeedback, signAgreement, updateAction } from '../outcomes/outcome-steps';
import { scheduleMeeting, setMeetingStatus, updateMeeting } from '../conferences/schedule';

export function decideProcess(c: Case, command: ProcessCommand, ctx: ProcessContext): Decision<CaseChange> {
  switch (command.type) {
    case 'choose-process':
      return chooseProcess(c, command);
    case 'schedule-meeting':
      return scheduleMeeting(c, command, ctx);
    case 'update-meeting':
      return updateMeeting(c, command.meeting, ctx, command.reschedule === true);
    case 'set-meeting-status':
      return setMeetingStatus(c, command, ctx);
    case 'record-conference':
      return recordConference(c, command, ctx);
    case 'log-indirect':
      return logIndirect(c, command, ctx);
    case 'record-agreement':
      return recordAgreement(c, command, ctx);
    case 'sign-agreement':
      return signAgreement(c, command, ctx);
    case 'update-action':
      return updateAction(c, command, ctx);
    case 'add-review':
      return addMonitoringReview(c, command, ctx);
    case 'close':
      return closeCase(c, command, ctx);
    case 'record-feedback':
      return recordFeedback(c, command, ctx);
  }
}
