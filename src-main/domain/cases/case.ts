import { z } from 'zod';
import { ConsentEntrySchema } from '../consent/consent-record';
import { CONTACT_METHODS, ContactEntrySchema, PreparationMeetingSchema } from '../contacts/contact-record';
import { PARTICIPANT_ROLES } from './participant-role';
import { RiskAssessmentSchema } from '../risk/risk-record';
import { StaffIdSchema } from '../staff/staff';
import { personName, requiredText, text } from '../shared/text';
import { CaseIdSchema, EXITS, STAGES } from './stages';
import { checkProcessRecords } from './process-references';
import { OutcomeAgreementSchema } from '../outcomes/agreement';
import { ClosureSchema, ReopeningSchema } from '../outcomes/closure';
import { ConferenceRecordSchema } from '../conferences/conference-record';
import { FeedbackSchema } from '../outcomes/feedback';
import { MeetingSchema } from '../conferences/meeting';
import { IndirectLogEntrySchema, PROCESS_FORMS } from '../conferences/process-type';

export { PARTICIPANT_ROLES, type ParticipantRole } from './participant-role';

export { CaseIdSchema, EXITS, STAGES, type Exit, type Stage } from './stages';

export const CJS_STAGES = ['none', 'out-of-court', 'pre-sentence', 'community-sentence', 'custody', 'post-release'] as const;
export const PRIORITIES = ['routine', 'high', 'urgent'] as const;

export const ReferenceSchema = z.string().regex(/^[A-Z][A-Z0-9]{0,9}-\d{4}-\d{4,6}$/, {
  error: 'A case reference looks like RJ-2026-0042',
});

/** A calendar date that exists (refuses 2026-02-31) and is not in the far past. */
export const DateSchema = z.iso
  .date({ error: 'Enter a real date as YYYY-MM-DD, for example 2026-03-14' })
  .refine((d) => d >= '1900-01-01', { error: 'Date must be after 1900' });

export const PersonSchema = z.strictObject({
  givenName: personName('Given name'),
  familyName: personName('Family name'),
  preferredName: text('Preferred name', 120).optional(),
  pronouns: text('Pronouns', 40).optional(),
  dateOfBirth: DateSchema.optional(),
  phone: text('Phone', 40).optional(),
  email: z.email({ error: 'Enter an email address like name@example.org' }).max(200).optional(),
  address: text('Address', 500).optional(),
  language: text('Language', 60).optional(),
  interpreter: z.boolean().optional(),
  accessibilityNeeds: text('Accessibility needs', 2000).optional(),
  // Added with casework (issue 3); all optional so earlier records and imports still load.
  preferredContact: z.enum(CONTACT_METHODS, { error: `Choose a contact method: ${CONTACT_METHODS.join(', ')}` }).optional(),
  /** When it is safe to call or visit, in the person's words ("weekdays after 6pm, never at home"). */
  safeTimes: text('Safe times to contact', 500).optional(),
  /** Vulnerability flags from the service's list (templates/casework/lists.yaml), by label. */
  vulnerabilities: z.array(requiredText('Vulnerability flag', 60)).max(20, { error: 'At most 20 vulnerability flags' }).optional(),
  /** Entitled to enhanced rights under the Victims' Code (every under-18 is; see referral.ts). */
  enhancedRights: z.boolean({ error: 'Enhanced rights must be true or false' }).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const ParticipantSchema = z.strictObject({
  id: z.string().regex(/^p_[a-z0-9]{6,40}$/),
  role: z.enum(PARTICIPANT_ROLES, { error: 'Choose a participant role' }),
  person: PersonSchema,
  /** False when this participant will not take part in the restorative process (recorded with a reason on the timeline). */
  takesPart: z.boolean().optional(),
  /** Consent per element, every change kept as a new version (consent.ts). */
  consent: z.array(ConsentEntrySchema).max(2_000).optional(),
  /** Risk assessments, one entry per version (risk.ts). */
  risk: z.array(RiskAssessmentSchema).max(500).optional(),
  /** Contact attempts and contacts (contacts.ts). */
  contacts: z.array(ContactEntrySchema).max(5_000).optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ReferralSchema = z.strictObject({
  source: requiredText('Referral source', 80),
  referrerName: text('Referrer name', 120).optional(),
  referrerOrganisation: text('Referrer organisation', 200).optional(),
  receivedOn: DateSchema,
  offenceCategory: requiredText('Offence category', 80),
  offenceDescription: text('Offence description', 20_000),
  offenceDate: DateSchema.optional(),
  cjsStage: z.enum(CJS_STAGES, { error: 'Choose a criminal-justice stage' }),
  sensitive: z.array(requiredText('Sensitive flag', 60)).max(20),
  priority: z.enum(PRIORITIES, { error: 'Choose a priority' }),
});
export type Referral = z.infer<typeof ReferralSchema>;

export const TimelineEventSchema = z.strictObject({
  at: z.iso.datetime(),
  by: text('Timeline author', 200),
  kind: text('Timeline entry kind', 60),
  text: text('Timeline text', 20_000),
});

export const CaseSchema = z
  .strictObject({
    id: CaseIdSchema,
    reference: ReferenceSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    revision: z.number().int().min(1),
    stage: z.enum(STAGES),
    exit: z
      .strictObject({
        kind: z.enum(EXITS),
        reason: requiredText('Exit reason', 2000),
        on: DateSchema,
        /** For a withdrawal: the participant who withdrew. */
        withdrawnBy: z.string().regex(/^p_[a-z0-9]{6,40}$/).optional(),
      })
      .optional(),
    referral: ReferralSchema,
    leadFacilitator: text('Lead facilitator', 120).optional(),
    /** The lead and co-facilitator from the staff list; leadFacilitator keeps the lead's name for lists. */
    leadFacilitatorId: StaffIdSchema.optional(),
    coFacilitatorId: StaffIdSchema.optional(),
    /** Chosen when the restorative process starts (process/process-type.ts). */
    processKind: z.enum(['direct', 'indirect', 'community']).optional(),
    /** The form within the kind: face-to-face, letter exchange… Cases from before issue 5 have only the kind. */
    processForm: z.enum([...PROCESS_FORMS.direct, ...PROCESS_FORMS.indirect, ...PROCESS_FORMS.community]).optional(),
    /** Preparation meetings recorded after the event (contacts.ts), from casework. */
    meetings: z.array(PreparationMeetingSchema).max(2_000).optional(),
    // The restorative process (issue 5, domain/process). All optional so earlier cases load.
    /** Meetings booked ahead: preparation, conference, follow-up, with their status. */
    schedule: z.array(MeetingSchema).max(500).optional(),
    /** What an indirect process passed between the parties. */
    indirectLog: z.array(IndirectLogEntrySchema).max(2_000).optional(),
    conferenceRecords: z.array(ConferenceRecordSchema).max(100).optional(),
    agreement: OutcomeAgreementSchema.optional(),
    closure: ClosureSchema.optional(),
    reopenings: z.array(ReopeningSchema).max(200).optional(),
    feedback: z.array(FeedbackSchema).max(200).optional(),
    participants: z.array(ParticipantSchema).max(200),
    notes: text('Notes', 100_000).optional(),
    timeline: z.array(TimelineEventSchema).max(100_000),
  })
  .superRefine((c, ctx) => {
    const r = c.referral;
    if (r.offenceDate && r.offenceDate > r.receivedOn) {
      ctx.addIssue({ code: 'custom', path: ['referral', 'offenceDate'], message: 'The offence date is after the referral was received' });
    }
    // References between parts of the case must point at something that exists.
    const ids = new Set(c.participants.map((p) => p.id));
    if (c.exit?.withdrawnBy && !ids.has(c.exit.withdrawnBy)) {
      ctx.addIssue({ code: 'custom', path: ['exit', 'withdrawnBy'], message: 'The participant who withdrew is not in this case' });
    }
    if (c.coFacilitatorId && c.coFacilitatorId === c.leadFacilitatorId) {
      ctx.addIssue({ code: 'custom', path: ['coFacilitatorId'], message: 'The co-facilitator must be someone other than the lead' });
    }
    c.participants.forEach((p, i) =>
      p.consent?.forEach((e, j) => {
        if (e.parentGuardianId && !ids.has(e.parentGuardianId)) {
          ctx.addIssue({ code: 'custom', path: ['participants', i, 'consent', j, 'parentGuardianId'], message: 'The co-signing parent or guardian is not in this case' });
        }
      }),
    );
    checkProcessRecords(c, ids, ctx);
    c.meetings?.forEach((m, i) =>
      m.participantIds.forEach((id, j) => {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['meetings', i, 'participantIds', j], message: 'A participant in this meeting is not in this case' });
      }),
    );
  });
export type Case = z.infer<typeof CaseSchema>;

/** The row kept in the index for every case: enough to list, search and filter without opening it. */
export const CaseSummarySchema = z.strictObject({
  id: CaseIdSchema,
  reference: ReferenceSchema,
  stage: z.enum(STAGES),
  exit: z.enum(EXITS).optional(),
  receivedOn: DateSchema,
  source: z.string().max(80),
  offenceCategory: z.string().max(80),
  names: z.array(z.string().max(300)).max(200),
  leadFacilitator: z.string().max(120).optional(),
  sensitive: z.boolean(),
  updatedAt: z.iso.datetime(),
  revision: z.number().int().min(1),
  // Added with casework; optional so rows written before it still load.
  leadFacilitatorId: StaffIdSchema.optional(),
  coFacilitatorId: StaffIdSchema.optional(),
  /** The earliest due date of a deadline not yet met (deadlines.ts), so lists can flag overdue cases without opening them. */
  nextDue: DateSchema.optional(),
  /** The restorative process in brief (case-facts.ts), checked with CaseFactsSchema where it is used. */
  facts: z.record(z.string(), z.unknown()).optional(),
  /**
   * Added with data protection (issue 13): beside each of `names`, the person's part, preferred
   * name and date of birth, so a person can be found across every case without opening them.
   */
  people: z.array(z.strictObject({ role: z.enum(PARTICIPANT_ROLES), preferredName: z.string().max(120).optional(), dateOfBirth: DateSchema.optional() })).max(200).optional(),
  /** Added with retention (issue 13): youth out-of-court cases are kept for a shorter period, decided from the row. */
  cjsStage: z.enum(CJS_STAGES).optional(),
  /**
   * Which version of case-facts.ts made `facts` (FACTS_VERSION). Rows from before it was kept
   * are version 1: they lack the facts the commissioner's figures read, and are rebuilt once
   * from their case files (services/cases/facts-rebuild.ts).
   */
  factsVersion: z.number().int().min(1).max(1000).optional(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export function displayName(p: Person): string {
  return `${p.preferredName || p.givenName} ${p.familyName}`;
}

/** Facts the summary needs that are not in the case itself: deadlines depend on bank holidays and rules. */
export interface SummaryExtras {
  nextDue?: string;
  facts?: Record<string, unknown>;
  factsVersion?: number;
}

/** The index row for a case. One argument, so `cases.map(summarise)` keeps working. */
export function summarise(c: Case): CaseSummary {
  return summariseWith(c, {});
}

export function summariseWith(c: Case, extras: SummaryExtras): CaseSummary {
  return {
    id: c.id,
    reference: c.reference,
    stage: c.stage,
    ...(c.exit ? { exit: c.exit.kind } : {}),
    receivedOn: c.referral.receivedOn,
    source: c.referral.source,
    offenceCategory: c.referral.offenceCategory,
    names: c.participants.map((p) => `${p.person.givenName} ${p.person.familyName}`),
    ...(c.leadFacilitator ? { leadFacilitator: c.leadFacilitator } : {}),
    sensitive: c.referral.sensitive.length > 0,
    updatedAt: c.updatedAt,
    revision: c.revision,
    ...(c.leadFacilitatorId ? { leadFacilitatorId: c.leadFacilitatorId } : {}),
    ...(c.coFacilitatorId ? { coFacilitatorId: c.coFacilitatorId } : {}),
    ...(extras.nextDue ? { nextDue: extras.nextDue } : {}),
    ...(extras.facts ? { facts: extras.facts } : {}),
    ...(extras.factsVersion ? { factsVersion: extras.factsVersion } : {}),
    cjsStage: c.referral.cjsStage,
    people: c.participants.map((p) => ({
      role: p.role,
      ...(p.person.preferredName ? { preferredName: p.person.preferredName } : {}),
      ...(p.person.dateOfBirth ? { dateOfBirth: p.person.dateOfBirth } : {}),
    })),
  };
}
