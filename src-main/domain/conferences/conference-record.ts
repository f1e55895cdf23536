import { z } from 'zod';
import { dateField, formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ParticipantIdSchema } from '../cases/participant-role';
import { StaffIdSchema } from '../staff/staff';
import { signedRecordSchemas } from '../staff/signer';
import { requiredText, text } from '../shared/text';
import { MeetingIdSchema, repeated } from './ids';
import { peopleInvited, type Meeting } from './meeting';

/** What happened at a conference, recorded by the facilitator afterwards. */
export const CONFERENCE_RESULTS = ['agreement-reached', 'no-agreement', 'adjourned'] as const;
export type ConferenceResult = (typeof CONFERENCE_RESULTS)[number];
export const CONFERENCE_RESULT_LABELS: Record<ConferenceResult, string> = {
  'agreement-reached': 'Agreement reached',
  'no-agreement': 'No agreement',
  adjourned: 'Adjourned',
};

const recordFields = {
  meetingId: MeetingIdSchema,
  heldOn: dateField('Date held'),
  /** Participants and supporters from the case who came. */
  attendedIds: z.array(ParticipantIdSchema).min(1, { error: 'Choose who attended' }).max(50, { error: 'At most 50 attendees' }),
  attendedStaffIds: z.array(StaffIdSchema).min(1, { error: 'Choose the facilitators who attended' }).max(10, { error: 'At most 10 staff' }),
  /** Others present, described by role only ("police officer", "interpreter"), never by name. */
  othersPresent: z.array(requiredText('Other person present', 200)).max(20, { error: 'At most 20 others present' }).optional(),
  /** The ground rules agreed at the start; the service's defaults are in templates/conferences/ground-rules.yaml. */
  groundRules: z.array(requiredText('Ground rule', 500)).min(1, { error: 'Record the ground rules agreed at the start' }).max(30, { error: 'At most 30 ground rules' }),
  summary: requiredText('Summary', 50_000),
  result: z.enum(CONFERENCE_RESULTS, { error: `Choose the result: ${CONFERENCE_RESULTS.join(', ')}` }),
  /** When an adjourned conference will resume, if known. */
  resumesOn: dateField('Date it resumes').optional(),
  notes: text('Notes', 20_000).optional(),
};

function checkRecord(r: { attendedIds: string[]; attendedStaffIds: string[]; resumesOn?: string | undefined; result: ConferenceResult; heldOn: string }, ctx: z.RefinementCtx): void {
  if (repeated(r.attendedIds).length > 0) ctx.addIssue({ code: 'custom', path: ['attendedIds'], message: 'Someone is listed twice as attending: remove the repeat' });
  if (repeated(r.attendedStaffIds).length > 0) ctx.addIssue({ code: 'custom', path: ['attendedStaffIds'], message: 'A member of staff is listed twice: remove the repeat' });
  if (r.resumesOn !== undefined && r.result !== 'adjourned') {
    ctx.addIssue({ code: 'custom', path: ['resumesOn'], message: 'Only an adjourned conference resumes: remove the date, or set the result to adjourned' });
  }
  if (r.resumesOn !== undefined && r.resumesOn <= r.heldOn) {
    ctx.addIssue({ code: 'custom', path: ['resumesOn'], message: 'The conference must resume after the day it was held' });
  }
}

/** The record as the form sends it (who recorded it is the signed-in person, signer.ts), and as the case keeps it, with recordedBy. */
const recordSchemas = signedRecordSchemas(recordFields, 'recordedBy', 'the conference record', checkRecord);
export const ConferenceRecordInputSchema = recordSchemas.input;
export const ConferenceRecordSchema = recordSchemas.stored;
export type ConferenceRecord = z.infer<typeof ConferenceRecordSchema>;

/** Checks against the meeting that was booked, which the schema alone cannot see. */
export function recordProblems(record: ConferenceRecord, meeting: Meeting, today: string): string[] {
  const out: string[] = [];
  if (meeting.id !== record.meetingId) out.push('This record belongs to a different meeting.');
  if (meeting.kind !== 'conference') out.push('Only a conference has a conference record.');
  if (meeting.status !== 'confirmed' && meeting.status !== 'held') out.push('Only a confirmed conference can be recorded as held.');
  if (record.heldOn > today) out.push(`The date held, ${formatDate(record.heldOn)}, is in the future.`);
  if (record.heldOn !== meeting.date) out.push(`The conference was booked for ${formatDate(meeting.date)}; if it moved, change the meeting's date first.`);
  const invited = new Set(peopleInvited(meeting));
  // Someone who was never prepared or risk-assessed for this conference cannot have joined it.
  const uninvited = record.attendedIds.filter((id) => !invited.has(id)).length;
  if (uninvited > 0) out.push(`${uninvited === 1 ? 'One person' : `${uninvited} people`} listed as attending ${uninvited === 1 ? 'was' : 'were'} not invited to this conference.`);
  return out;
}

/** The record, and the meeting marked held. */
export function recordConference(meeting: Meeting, input: unknown, today: string): Decision<{ record: ConferenceRecord; meeting: Meeting }> {
  const parsed = ConferenceRecordSchema.safeParse(input);
  if (!parsed.success) return refuse(...parsed.error.issues.map((i) => i.message));
  const problems = recordProblems(parsed.data, meeting, today);
  if (problems.length > 0) return refuse(...problems);
  const { statusReason: _drop, ...rest } = meeting;
  return allow({ record: parsed.data, meeting: { ...rest, status: 'held' } });
}
