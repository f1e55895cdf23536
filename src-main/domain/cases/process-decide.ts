import type { Case } from './case';
import type { Decision } from '../shared/decision';
import type { SignedProcessCommand, UnsignedProcessCommand } from './process-commands';
import type { CaseChange, ProcessContext } from './process-context';
import type { Signature } from '../staff/signer';
import { addMonitoringReview, chooseProcess, closeCase, logIndirect, recordAgreement, recordConference, recordFeedback, signAgreement, updateAction } from '../outcomes/outcome-steps';
import { scheduleMeeting, setMeetingStatus, updateMeeting } from '../conferences/schedule';

export function decideProcess(c: Case, command: UnsignedProcessCommand, ctx: ProcessContext): Decision<CaseChange> {
  switch (command.type) {
    case 'choose-process':
      return chooseProcess(c, command);
    case 'schedule-meeting':
      return scheduleMeeting(c, command, ctx);
    case 'update-meeting':
      return updateMeeting(c, command.meeting, ctx, command.reschedule === true);
    case 'set-meeting-status':
      return setMeetingStatus(c, command, ctx);
    case 'log-indirect':
      return logIndirect(c, command, ctx);
    case 'update-action':
      return updateAction(c, command, ctx);
  }
}

type Signed<K extends SignedProcessCommand['type']> = (c: Case, cmd: Extract<SignedProcessCommand, { type: K }>, ctx: ProcessContext, signer: Signature) => Decision<CaseChange>;

/** The process commands whose record names who did it: the signer (domain/staff/signer.ts). */
const SIGNED: { [K in SignedProcessCommand['type']]: Signed<K> } = {
  'record-conference': recordConference,
  'record-agreement': recordAgreement,
  'sign-agreement': signAgreement,
  'add-review': addMonitoringReview,
  close: closeCase,
  'record-feedback': recordFeedback,
};

export function decideSignedProcess(c: Case, command: SignedProcessCommand, ctx: ProcessContext, signer: Signature): Decision<CaseChange> {
  return (SIGNED[command.type] as Signed<SignedProcessCommand['type']>)(c, command, ctx, signer);
}
