import { z } from 'zod';
import type { Case, Participant } from '../cases/case';
import { formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { strictForm } from '../shared/strict-form';
import { ParticipantIdSchema } from '../cases/participant-role';
import { findStaff, type StaffMember } from '../staff/staff';
import { ON_BEHALF_FIELD, onBehalf, type Signature } from '../staff/signer';

/**
 * Contact attempts and contacts with each participant, and preparation meetings. Attempts
 * matter as much as contacts: "no contact" exits and Victims' Code deadlines are judged on
 * them. Entries are appended, never edited, like the rest of the case record.
 */

import { ContactEntrySchema, ContactEntry, PreparationMeetingSchema, PreparationMeeting, ContactEntryBase, checkOutcome } from './contact-record';

export * from './contact-record';

export interface ContactContext {
  today: string;
  now: string;
  staff: readonly StaffMember[];
}

/** Who made contact is not in the command: it is the signed-in person (signer.ts). */
export const RecordContactSchema = strictForm({
  participantId: ParticipantIdSchema,
  entry: ContactEntryBase.omit({ recordedAt: true, by: true, recordedOnBehalfBy: true }).superRefine(checkOutcome),
  ...ON_BEHALF_FIELD,
}, 'the command');
export type RecordContactInput = z.infer<typeof RecordContactSchema>;

export const RecordMeetingSchema = PreparationMeetingSchema.omit({ recordedAt: true });
export type RecordMeetingInput = z.infer<typeof RecordMeetingSchema>;

function dateProblems(c: Case, on: string, today: string, what: string): string[] {
  const out: string[] = [];
  if (on > today) out.push(`The ${what} date ${formatDate(on)} is in the future.`);
  if (on < c.referral.receivedOn) out.push(`The ${what} date is before the referral was received (${formatDate(c.referral.receivedOn)}).`);
  return out;
}

export function recordContact(c: Case, input: RecordContactInput, ctx: ContactContext, signer: Signature): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const parsed = ContactEntrySchema.safeParse({ ...input.entry, by: signer.by.id, ...onBehalf(signer), recordedAt: ctx.now });
  if (!parsed.success) return refuse(...parsed.error.issues.map((i) => i.message));
  const problems = dateProblems(c, parsed.data.on, ctx.today, 'contact');
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
