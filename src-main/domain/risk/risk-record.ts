import { z } from 'zod';
import { dateField } from '../time/dates';
import { ListIdSchema, PARTICIPANT_ROLES, type ParticipantRole } from '../cases/participant-role';
import { STAFF_ROLES, StaffIdSchema } from '../staff/staff';
import { RECORDED_ON_BEHALF_FIELD } from '../staff/signer';
import { duplicateIds, parseYamlTemplate, type TemplateResult } from '../shared/template-file';
import { requiredText, text } from '../shared/text';

/**
 * What a risk assessment is: the factors (data), ratings, decisions and sign-off, as the case
 * file keeps them. Apart from the rules over a case (risk.ts), so the case schema can hold it.
 */
// ── Factors, as data (templates/casework/risk-factors.yaml) ──────────────────────────────

export const RiskFactorSchema = z.strictObject({
  id: ListIdSchema,
  title: requiredText('Title', 200),
  /** Prompts for the assessor, printed on the risk record. */
  guidance: text('Guidance', 2_000).optional(),
  /** Roles this factor is assessed for; all roles when left out. */
  appliesTo: z.array(z.enum(PARTICIPANT_ROLES, { error: `A role is one of: ${PARTICIPANT_ROLES.join(', ')}` })).min(1).max(PARTICIPANT_ROLES.length).optional(),
});
export type RiskFactor = z.infer<typeof RiskFactorSchema>;

export const RiskFactorsFileSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    factors: z.array(RiskFactorSchema).min(1, { error: 'List at least one risk factor' }).max(100),
  })
  .superRefine((f, ctx) => {
    for (const d of duplicateIds(f.factors)) ctx.addIssue({ code: 'custom', path: ['factors', d.index, 'id'], message: `the id "${d.id}" is used twice` });
  });

export function parseRiskFactors(yamlText: string, file: string): TemplateResult<RiskFactor[]> {
  const r = parseYamlTemplate(yamlText, file, RiskFactorsFileSchema);
  return r.ok ? { ok: true, value: r.value.factors } : r;
}

export function factorsFor(factors: readonly RiskFactor[], role: ParticipantRole): RiskFactor[] {
  return factors.filter((f) => !f.appliesTo || f.appliesTo.includes(role));
}

// ── The record ─────────────────────────────────────────────────────────────────────────

export const RISK_RATINGS = ['low', 'medium', 'high'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];
export const RISK_DECISIONS = ['direct', 'indirect-only', 'not-suitable'] as const;
export type RiskDecision = (typeof RISK_DECISIONS)[number];
export const RISK_DECISION_LABELS: Record<RiskDecision, string> = {
  direct: 'Proceed: direct process possible',
  'indirect-only': 'Proceed: indirect process only',
  'not-suitable': 'Not suitable',
};

export const FactorRatingSchema = z.strictObject({
  factorId: ListIdSchema,
  rating: z.enum(RISK_RATINGS, { error: 'Rate the factor low, medium or high' }),
  mitigation: text('Mitigation', 2_000).optional(),
});
export type FactorRating = z.infer<typeof FactorRatingSchema>;

export const RiskSignOffSchema = z.strictObject({
  /** Who signed it off: the signed-in person (signer.ts). */
  by: StaffIdSchema,
  /** The signer's role when they signed, so a later change of role does not rewrite history. */
  role: z.enum(STAFF_ROLES),
  at: z.iso.datetime(),
  note: text('Sign-off note', 2_000).optional(),
  ...RECORDED_ON_BEHALF_FIELD,
  /** Signed off by the person who made the assessment: allowed outside sensitive cases, and kept as a warning. */
  sameAsAssessor: z.literal(true).optional(),
});

/** What an assessor records; the stored assessment adds who assessed, its version, sign-off and time. */
export const assessmentFields = {
  assessedOn: dateField('Assessment date'),
  factors: z.array(FactorRatingSchema).max(100),
  decision: z.enum(RISK_DECISIONS, { error: 'Choose direct, indirect only or not suitable' }),
  /** Required for "not suitable" (every such decision needs a recorded reason). */
  reason: text('Reason', 5_000).optional(),
  reviewOn: dateField('Review date'),
};

export const RiskAssessmentSchema = z.strictObject({
  version: z.number().int().min(1),
  ...assessmentFields,
  /** Who assessed: the signed-in person (signer.ts). */
  assessedBy: StaffIdSchema,
  ...RECORDED_ON_BEHALF_FIELD,
  signOff: RiskSignOffSchema.optional(),
  recordedAt: z.iso.datetime(),
});
export type RiskAssessment = z.infer<typeof RiskAssessmentSchema>;
