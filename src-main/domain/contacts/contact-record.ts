import { z } from 'zod';
import { dateField } from '../time/dates';
import { ParticipantIdSchema } from '../cases/participant-role';
import { StaffIdSchema } from '../staff/staff';
import { RECORDED_ON_BEHALF_FIELD } from '../staff/signer';
import { text } from '../shared/text';

/**
 * What a contact and a preparation meeting are, as the case file keeps them. Apart from the
 * rules over a case (contacts.ts), so the case schema can hold them.
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

export const ContactEntryBase = z.strictObject({
  kind: z.enum(CONTACT_KINDS, { error: 'Say whether this was an attempt or a contact' }),
  on: dateField('Contact date'),
  time: z.string().regex(TIME, { error: 'Enter a time like 14:30' }).optional(),
  method: z.enum(CONTACT_METHODS, { error: `Choose how: ${CONTACT_METHODS.join(', ')}` }),
  outcome: z.enum([...ATTEMPT_OUTCOMES, ...CONTACT_OUTCOMES], { error: 'Choose an outcome' }),
  /** Information about RJ was given (Victims' Code right 3): a deadline is judged on this. */
  rjInformationGiven: z.boolean().optional(),
  notes: text('Notes', 10_000).optional(),
  /** Who made the contact or the attempt: the signed-in person (signer.ts). */
  by: StaffIdSchema,
  ...RECORDED_ON_BEHALF_FIELD,
  recordedAt: z.iso.datetime(),
});

/** Outcomes must fit the kind: "no answer" is an attempt, "information given" a contact. */
export function checkOutcome(e: Pick<z.infer<typeof ContactEntryBase>, 'kind' | 'outcome' | 'rjInformationGiven'>, ctx: z.RefinementCtx): void {
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
