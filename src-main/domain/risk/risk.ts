import { z } from 'zod';
import type { Case, Participant } from '../cases/case';
import type { CaseworkSettings } from '../casebook/casework-settings';
import { formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ParticipantIdSchema } from '../cases/participant-role';
import { findStaff, STAFF_ROLE_LABELS, StaffIdSchema, type StaffMember, type StaffRole } from '../staff/staff';
import { text } from '../shared/text';

/**
 * Risk assessment per participant (supporters too), revisited at every stage. Each version
 * is kept: re-assessing adds a new, unsigned version, so a sign-off always refers to exactly
 * the ratings the approver saw.
 */

import { RiskFactor, factorsFor, RISK_RATINGS, RiskRating, RiskAssessment, assessmentFields } from './risk-record';

export * from './risk-record';

export function currentAssessment(p: Pick<Participant, 'risk'>): RiskAssessment | undefined {
  let out: RiskAssessment | undefined;
  for (const a of p.risk ?? []) if (!out || a.version > out.version) out = a;
  return out;
}

export function highestRating(a: RiskAssessment): RiskRating | undefined {
  let best = -1;
  for (const f of a.factors) best = Math.max(best, RISK_RATINGS.indexOf(f.rating));
  return best < 0 ? undefined : RISK_RATINGS[best];
}

/** Roles that may sign off an ordinary assessment (no high rating, not a sensitive case). */
export const ORDINARY_SIGN_OFF_ROLES: readonly StaffRole[] = ['coordinator', 'manager'];

/** The role whose sign-off is required, or undefined when an ordinary sign-off will do. */
export function approverRoleRequired(a: RiskAssessment, sensitive: boolean, settings: Pick<CaseworkSettings, 'riskApproverRole'>): StaffRole | undefined {
  return sensitive || highestRating(a) === 'high' ? settings.riskApproverRole : undefined;
}

function signOffRoleAcceptable(role: StaffRole, required: StaffRole | undefined): boolean {
  return required ? role === required : ORDINARY_SIGN_OFF_ROLES.includes(role);
}

export type RiskStatus = 'none' | 'unsigned' | 'signed-off' | 'needs-approver' | 'not-suitable';

/** Where a participant's current assessment stands, for the process gate and the case screen. */
export function riskStatus(p: Participant, sensitive: boolean, settings: Pick<CaseworkSettings, 'riskApproverRole'>): RiskStatus {
  const a = currentAssessment(p);
  if (!a) return 'none';
  if (a.decision === 'not-suitable') return 'not-suitable';
  if (!a.signOff) return 'unsigned';
  return signOffRoleAcceptable(a.signOff.role, approverRoleRequired(a, sensitive, settings)) ? 'signed-off' : 'needs-approver';
}

// ── Changing the record ───────────────────────────────────────────────────────────────

export interface RiskContext {
  today: string;
  now: string;
  staff: readonly StaffMember[];
  factors: readonly RiskFactor[];
  settings: Pick<CaseworkSettings, 'riskApproverRole'>;
}

export const AssessRiskSchema = z.strictObject({
  participantId: ParticipantIdSchema,
  ...assessmentFields,
});
export type AssessRiskInput = z.infer<typeof AssessRiskSchema>;

export const SignOffRiskSchema = z.strictObject({
  participantId: ParticipantIdSchema,
  by: StaffIdSchema,
  note: text('Sign-off note', 2_000).optional(),
});
export type SignOffRiskInput = z.infer<typeof SignOffRiskSchema>;

/** Records a new version of the participant's assessment. */
export function assessRisk(c: Case, input: AssessRiskInput, ctx: RiskContext): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const problems: string[] = [];
  if (input.assessedOn > ctx.today) problems.push(`The assessment date ${formatDate(input.assessedOn)} is in the future.`);
  if (input.assessedOn < c.referral.receivedOn) problems.push(`The assessment date is before the referral was received (${formatDate(c.referral.receivedOn)}).`);
  if (input.reviewOn <= input.assessedOn) problems.push('The review date must be after the assessment date.');
  const assessor = findStaff(ctx.staff, input.assessedBy);
  if (!assessor) problems.push('The assessor is not on the staff list.');
  else if (!assessor.active) problems.push(`${assessor.name} is no longer active and cannot assess risk.`);
  const wanted = factorsFor(ctx.factors, p.role);
  const seen = new Set<string>();
  for (const f of input.factors) {
    const known = ctx.factors.find((k) => k.id === f.factorId);
    if (!known || !wanted.includes(known)) problems.push(`"${f.factorId}" is not a risk factor for this participant.`);
    else if (seen.has(f.factorId)) problems.push(`${known.title} is rated twice.`);
    else if (f.rating !== 'low' && !f.mitigation) problems.push(`${known.title} is rated ${f.rating}: describe how the risk will be reduced.`);
    seen.add(f.factorId);
  }
  const unrated = wanted.filter((f) => !seen.has(f.id));
  if (unrated.length > 0) problems.push(`Rate every factor; not yet rated: ${unrated.map((f) => f.title).join('; ')}.`);
  if (input.decision === 'not-suitable' && !input.reason) problems.push('Give the reason this participant is not suitable.');
  if (problems.length > 0) return refuse(...problems);
  const a: RiskAssessment = {
    version: (currentAssessment(p)?.version ?? 0) + 1,
    assessedOn: input.assessedOn,
    assessedBy: input.assessedBy,
    factors: input.factors,
    decision: input.decision,
    ...(input.reason ? { reason: input.reason } : {}),
    reviewOn: input.reviewOn,
    recordedAt: ctx.now,
  };
  return allow({ ...p, risk: [...(p.risk ?? []), a] });
}

export function signOffRisk(c: Case, input: SignOffRiskInput, ctx: RiskContext): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const a = currentAssessment(p);
  if (!a) return refuse(`There is no risk assessment for ${p.person.givenName} to sign off.`);
  if (a.signOff) return refuse('This assessment is already signed off; re-assess to make a new version.');
  const signer = findStaff(ctx.staff, input.by);
  if (!signer) return refuse('The person signing off is not on the staff list.');
  if (!signer.active) return refuse(`${signer.name} is no longer active and cannot sign off.`);
  const required = approverRoleRequired(a, c.referral.sensitive.length > 0, ctx.settings);
  if (!signOffRoleAcceptable(signer.role, required)) {
    const why = c.referral.sensitive.length > 0 ? 'this is a sensitive case' : 'a factor is rated high';
    return refuse(
      required
        ? `Because ${why}, the assessment must be signed off by a ${STAFF_ROLE_LABELS[required].toLowerCase()}; ${signer.name} is a ${STAFF_ROLE_LABELS[signer.role].toLowerCase()}.`
        : `A risk assessment is signed off by a ${ORDINARY_SIGN_OFF_ROLES.map((r) => STAFF_ROLE_LABELS[r].toLowerCase()).join(' or ')}.`,
    );
  }
  const signed: RiskAssessment = { ...a, signOff: { by: signer.id, role: signer.role, at: ctx.now, ...(input.note ? { note: input.note } : {}) } };
  return allow({ ...p, risk: (p.risk ?? []).map((x) => (x === a ? signed : x)) });
}

export interface OverdueReview {
  participantId: string;
  version: number;
  reviewOn: string;
}

/** Current assessments whose review date has passed, for participants still taking part in an open case. */
export function overdueReviews(c: Case, today: string): OverdueReview[] {
  if (c.stage === 'closed' || c.exit) return [];
  const out: OverdueReview[] = [];
  for (const p of c.participants) {
    if (p.takesPart === false) continue;
    const a = currentAssessment(p);
    if (a && a.reviewOn < today) out.push({ participantId: p.id, version: a.version, reviewOn: a.reviewOn });
  }
  return out;
}
