import { z } from 'zod';
import { dateField } from '../time/dates';
import { ACTION_STATUSES, MonitoringReviewInputSchema, OutcomeAgreementFieldsSchema } from '../outcomes/agreement';
import { ClosureInputSchema } from '../outcomes/closure';
import { ConferenceRecordInputSchema } from '../conferences/conference-record';
import { FeedbackInputSchema } from '../outcomes/feedback';
import { ON_BEHALF_FIELD } from '../staff/signer';
import { MeetingIdSchema, ActionIdSchema } from '../conferences/ids';
import { MeetingFieldsSchema, MEETING_STATUSES } from '../conferences/meeting';
import { IndirectLogEntrySchema, ProcessChoiceSchema } from '../conferences/process-type';
import { strictForm } from '../shared/strict-form';
import { text } from '../shared/text';

/**
 * The commands of the restorative process (issue 5), carried by `applyCaseCommand` like every
 * other change to a case so they share its revision check, timeline and audit entry. Ids of
 * new records (m_, a_) are made by the caller, as participant ids are, so a command that is
 * sent twice cannot create two meetings. Who recorded, countersigned, reviewed, closed or
 * entered is never a field: it is the signed-in person (domain/staff/signer.ts).
 */
const cmd = <K extends string, T extends z.core.$ZodLooseShape>(type: K, shape: T) => strictForm({ type: z.literal(type), ...shape }, 'the command');

/** A meeting as a form sends it: the case id comes from the command, the status starts as proposed or confirmed. */
export const MeetingInputSchema = MeetingFieldsSchema.omit({ caseId: true, status: true, statusReason: true });
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

/** The countersigning facilitator is the signed-in person (signer.ts), not a field. */
export const AgreementInputSchema = OutcomeAgreementFieldsSchema.omit({ caseId: true, reviews: true, countersignedBy: true, recordedOnBehalfBy: true });

export const PROCESS_COMMAND_SCHEMAS = [
  cmd('choose-process', { process: ProcessChoiceSchema }),
  cmd('schedule-meeting', { meeting: MeetingInputSchema, confirm: z.boolean({ error: 'Say whether to confirm it now (true or false)' }).optional() }),
  cmd('update-meeting', {
    meeting: MeetingInputSchema,
    /** For a postponed meeting: the new date and time put it back in the diary as proposed, in the same change. */
    reschedule: z.boolean({ error: 'Say whether this reschedules a postponed meeting (true or false)' }).optional(),
  }),
  cmd('set-meeting-status', {
    meetingId: MeetingIdSchema,
    to: z.enum(MEETING_STATUSES, { error: `Choose a status: ${MEETING_STATUSES.join(', ')}` }),
    reason: text('Reason', 2_000).optional(),
  }),
  cmd('record-conference', { record: ConferenceRecordInputSchema, ...ON_BEHALF_FIELD }),
  cmd('log-indirect', { entry: IndirectLogEntrySchema }),
  cmd('record-agreement', { agreement: AgreementInputSchema, ...ON_BEHALF_FIELD }),
  cmd('sign-agreement', { signedOn: dateField('Date signed'), ...ON_BEHALF_FIELD }),
  cmd('update-action', {
    actionId: ActionIdSchema,
    status: z.enum(ACTION_STATUSES, { error: `Choose a status: ${ACTION_STATUSES.join(', ')}` }),
    evidenceNotes: text('Evidence notes', 5_000).optional(),
    resolvedOn: dateField('Date resolved').optional(),
  }),
  cmd('add-review', { review: MonitoringReviewInputSchema, ...ON_BEHALF_FIELD }),
  cmd('close', { closure: ClosureInputSchema, ...ON_BEHALF_FIELD }),
  cmd('record-feedback', { feedback: FeedbackInputSchema, ...ON_BEHALF_FIELD }),
] as const;

export type ProcessCommand = z.infer<(typeof PROCESS_COMMAND_SCHEMAS)[number]>;
export const PROCESS_COMMAND_TYPES: readonly string[] = PROCESS_COMMAND_SCHEMAS.map((s) => s.shape.type.value);

/** Process commands whose record names who did it: recorded, countersigned, reviewed, closed, entered. */
export const SIGNED_PROCESS_COMMANDS = ['record-conference', 'record-agreement', 'sign-agreement', 'add-review', 'close', 'record-feedback'] as const;
export type SignedProcessCommand = Extract<ProcessCommand, { type: (typeof SIGNED_PROCESS_COMMANDS)[number] }>;
export type UnsignedProcessCommand = Exclude<ProcessCommand, SignedProcessCommand>;

/** Commands a closed case still accepts: feedback is asked for after closure. */
export const AFTER_CLOSURE: readonly string[] = ['reopen', 'record-feedback'];
