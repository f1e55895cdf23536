import { z } from 'zod';
import type { Case, Participant } from '../cases/case';
import { dateField, formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ParticipantIdSchema } from '../cases/participant-role';
import { findStaff, StaffIdSchema, type StaffMember } from '../staff/staff';
import { text } from '../shared/text';

/**
 * Contact attempts and contacts with each participant, and preparation meetings. Attempts
 * matter as much as contacts: "no contact" exits and Victims' Code deadlines are judged on
 * them. Entries are appended, never edited, like the rest of the case record.
 */

export const CONTACT_METHODS = ['phone', 'text-message', 'email', 'letter', 'in-person', 'video', 'via-agency'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: 'Phone',
  'text-message': 'Text message',
  email: 'Email',
  letter: 'Letter',
  'in-person': 'In person',
  video: 'Video call',
  'via-agency': 'Through another agency',
};

export const CONTACT_KINDS = ['attempt', 'contact'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** What happened. Attempts and contacts have different outcomes, checked together with the kind. */
export const ATTEMPT_OUTCOMES = ['no-answer', 'left-message', 'letter-sent', 'email-sent', 'wrong-details', 'returned-undelivered', 'other'] as const;
export const CONTACT_OUTCOMES = ['information-given', 'interested', 'needs-time', 'not-interested', 'declined', 'other'] as const;
export const OUTCOME_LABELS: Record<(typeof ATTEMPT_OUTCOMES)[number] | (typeof CONTACT_OUTCOMES)[number], string> = {
  'no-answer': 'No answer',
  'left-message': 'Left a message',
  'letter-sent': 'Letter sent',
  'email-sent': 'Email sent',
  'wrong-details': 'Wrong contact details',
  'returned-undelivered': 'Returned undelivered',
  'information-given': 'Information given',
  interested: 'Interested in taking part',
  'needs-time': 'Wants time to think',
  'not-interested': 'Not interested',
  declined: 'Declined to take part',
  other: 'Other',
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const ContactEntryBase = z.strictObject({
  kind: z.enum(CONTACT_KINDS, { error: 'Say whether this was an attempt or a contact' }),
  on: dateField('Contact date'),
  time: z.string().regex(TIME, { error: 'Enter a time like 14:30' }).optional(),
  method: z.enum(CONTACT_METHODS, { error: `Choose how: ${CONTACT_METHODS.join(', ')}` }),
  outcome: z.enum([...ATTEMPT_OUTCOMES, ...CONTACT_OUTCOMES], { error: 'Choose an outcome' }),
  /** Information about RJ was given (Victims' Code right 3): a deadline is judged on this. */
  rjInformationGiven: z.boolean().optional(),
  notes: text('Notes', 10_000).optional(),
  by: StaffIdSchema,
  recordedAt: z.iso.datetime(),
});

/** Outcomes must fit the kind: "no answer" is an attempt, "information given" a contact. */
function checkOutcome(e: Pick<z.infer<typeof ContactEntryBase>, 'kind' | 'outcome' | 'rjInformationGiven'>, ctx: z.RefinementCtx): void {
  const allowed: readonly string[] = e.kind === 'attempt' ? ATTEMPT_OUTCOMES : CONTACT_OUTCOMES;
  if (!allowed.includes(e.outcome)) ctx.addIssue({ code: 'custom', path: ['outcome'], message: `"${e.outcome}" is not an outcome of ${e.kind === 'attempt' ? 'an attempt' : 'a contact'}` });
  if (e.kind === 'attempt' && e.rjInformationGiven && e.outcome !== 'letter-sent' && e.outcome !== 'email-sent' && e.outcome !== 'left-message') {
    ctx.addIssue({ code: 'custom', path: ['rjInformationGiven'], message: 'Information about RJ can only be given by an attempt that left a message, letter or email' });
  }
}

export const ContactEntrySchema = ContactEntryBase.superRefine(checkOutcome);
export type ContactEntry = z.infer<typeof ContactEntrySchema>;

export const MEETING_FORMATS = ['in-person', 'video', 'phone'] as const;

export const PreparationMeetingSchema = z.strictObject({
  on: dateField('Meeting date'),
  time: z.string().regex(TIME, { error: 'Enter a time like 14:30' }).optional(),
  format: z.enum(MEETING_FORMATS, { error: 'Choose in person, video or phone' }),
  participantIds: z.array(ParticipantIdSchema).min(1, { error: 'Choose who the meeting was with' }).max(50),
  staffIds: z.array(StaffIdSchema).min(1, { error: 'Choose who held the meeting' }).max(10),
  venue: text('Venue', 500).optional(),
  notes: text('Notes', 20_000).optional(),
  recordedAt: z.iso.datetime(),
});
export type PreparationMeeting = z.infer<typeof PreparationMeetingSchema>;

export interface ContactContext {
  today: string;
  now: string;
  staff: readonly StaffMember[];
}

export const RecordContactSchema = z.strictObject({
  participantId: ParticipantIdSchema,
  entry: ContactEntryBase.omit({ recordedAt: true }).superRefine(checkOutcome),
});
export type RecordContactInput = z.infer<typeof RecordContactSchema>;

export const RecordMeetingSchema = PreparationMeetingSchema.omit({ recordedAt: true });
export type RecordMeetingInput = z.infer<typeof RecordMeetingSchema>;

function dateProblems(c: Case, on: string, today: string, what: string): string[] {
  const out: string[] = [];
  if (on > today) out.push(`The ${what} date ${formatDate(on)} is in the future.`);
  if (on < c.referral.receivedOn) out.push(`The ${what} date is before the referral was received (${formatDate(c.referral.receivedOn)}).`);
  return out;
}

export function recordContact(c: Case, input: RecordContactInput, ctx: ContactContext): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const parsed = ContactEntrySchema.safeParse({ ...input.entry, recordedAt: ctx.now });
  if (!parsed.success) return refuse(...parsed.error.issues.map((i) => i.message));
  const problems = dateProblems(c, parsed.data.on, ctx.today, 'contact');
  if (!findStaff(ctx.staff, parsed.data.by)) problems.push('The member of staff who made contact is not on the staff list.');
  if (problems.length > 0) return refuse(...problems);
  return allow({ ...p, contacts: [...(p.contacts ?? []), parsed.data] });
}

export function recordMeeting(c: Case, input: RecordMeetingInput, ctx: ContactContext): Decision<PreparationMeeting> {
  const problems = dateProblems(c, input.on, ctx.today, 'meeting');
  for (const id of input.participantIds) if (!c.participants.some((p) => p.id === id)) problems.push('A participant chosen for the meeting is not in this case.');
  for (const id of input.staffIds) if (!findStaff(ctx.staff, id)) problems.push('A member of staff chosen for the meeting is not on the staff list.');
  if (new Set(input.participantIds).size !== input.participantIds.length) problems.push('A participant is chosen twice.');
  if (problems.length > 0) return refuse(...[...new Set(problems)]);
  return allow({ ...input, recordedAt: ctx.now });
}

function earliest(dates: string[]): string | undefined {
  return dates.length === 0 ? undefined : dates.reduce((a, b) => (b < a ? b : a));
}

/** The day the participant was first actually spoken to (or met), if ever. */
export function firstContactOn(p: Pick<Participant, 'contacts'>): string | undefined {
  return earliest((p.contacts ?? []).filter((e) => e.kind === 'contact').map((e) => e.on));
}

/** The day information about restorative justice first reached the participant, if ever. */
export function rjInformationOn(p: Pick<Participant, 'contacts'>): string | undefined {
  return earliest((p.contacts ?? []).filter((e) => e.rjInformationGiven).map((e) => e.on));
}

export function contactHistory(p: Pick<Participant, 'contacts'>): ContactEntry[] {
  return [...(p.contacts ?? [])].sort((a, b) => (a.on === b.on ? (a.time ?? '').localeCompare(b.time ?? '') : a.on < b.on ? -1 : 1));
}

export function meetingsWith(c: Pick<Case, 'meetings'>, participantId: string): PreparationMeeting[] {
  return (c.meetings ?? []).filter((m) => m.participantIds.includes(participantId));
}
