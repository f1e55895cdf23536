import { z } from 'zod';
import { personName, requiredText, text } from './text';

/** The stages of a case, in order, from product.md. */
export const STAGES = [
  'referral',
  'screening',
  'contact',
  'assessment',
  'preparation',
  'consent',
  'process',
  'outcome',
  'monitoring',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

export const EXITS = ['withdrawn', 'not-suitable', 'no-contact', 'declined'] as const;
export type Exit = (typeof EXITS)[number];

export const PARTICIPANT_ROLES = ['harmed', 'responsible', 'supporter', 'parent-guardian', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const CJS_STAGES = ['none', 'out-of-court', 'pre-sentence', 'community-sentence', 'custody', 'post-release'] as const;
export const PRIORITIES = ['routine', 'high', 'urgent'] as const;

export const CaseIdSchema = z.string().regex(/^c_[a-z0-9]{10,40}$/, { error: 'Unknown case' });
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
});
export type Person = z.infer<typeof PersonSchema>;

export const ParticipantSchema = z.strictObject({
  id: z.string().regex(/^p_[a-z0-9]{6,40}$/),
  role: z.enum(PARTICIPANT_ROLES, { error: 'Choose a participant role' }),
  person: PersonSchema,
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
  by: z.string().max(200),
  kind: z.string().max(60),
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
    exit: z.strictObject({ kind: z.enum(EXITS), reason: requiredText('Exit reason', 2000), on: DateSchema }).optional(),
    referral: ReferralSchema,
    leadFacilitator: text('Lead facilitator', 120).optional(),
    participants: z.array(ParticipantSchema).max(200),
    notes: text('Notes', 100_000).optional(),
    timeline: z.array(TimelineEventSchema).max(100_000),
  })
  .superRefine((c, ctx) => {
    const r = c.referral;
    if (r.offenceDate && r.offenceDate > r.receivedOn) {
      ctx.addIssue({ code: 'custom', path: ['referral', 'offenceDate'], message: 'The offence date is after the referral was received' });
    }
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
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export function displayName(p: Person): string {
  return `${p.preferredName || p.givenName} ${p.familyName}`;
}

export function summarise(c: Case): CaseSummary {
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
  };
}
