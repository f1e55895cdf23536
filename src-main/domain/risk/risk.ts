import { z } from 'zod';
import type { Case, Participant } from '../cases/case';
import type { CaseworkSettings } from '../casebook/casework-settings';
import { formatDate } from '../time/dates';
import { allow, refuse, refuseRecorded, type Decision } from '../shared/decision';
import { ParticipantIdSchema } from '../cases/participant-role';
import { STAFF_ROLE_LABELS, type StaffRole } from '../staff/staff';
import { ON_BEHALF_FIELD, onBehalf, type Signature } from '../staff/signer';
import { text } from '../shared/text';
import { strictForm } from '../shared/strict-form';

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
  factors: readonly RiskFactor[];
  settings: Pick<CaseworkSettings, 'riskApproverRole'>;
}

/** Who assessed and who signs off are not in the commands: they are the signed-in person (signer.ts). */
export const AssessRiskSchema = strictForm({
  participantId: ParticipantIdSchema,
  ...assessmentFields,
  ...ON_BEHALF_FIELD,
}, 'the command');
export type AssessRiskInput = z.infer<typeof AssessRiskSchema>;

export const SignOffRiskSchema = strictForm({
  participantId: ParticipantIdSchema,
  note: text('Sign-off note', 2_000).optional(),
  /** The assessor signing their own assessment says so knowingly (outside sensitive cases, where it is refused). */
  confirmSelfSignOff: z.literal(true, { error: 'confirmSelfSignOff is true or left out' }).optional(),
  ...ON_BEHALF_FIELD,
}, 'the command');
export type SignOffRiskInput = z.infer<typeof SignOffRiskSchema>;

/** Records a new version of the participant's assessment. */
export function assessRisk(c: Case, input: AssessRiskInput, ctx: RiskContext, signer: Signature): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const problems: string[] = [];
  if (input.assessedOn > ctx.today) problems.push(`The assessment date ${formatDate(input.assessedOn)} is in the future.`);
  if (input.assessedOn < c.referral.receivedOn) problems.push(`The assessment date is before the referral was received (${formatDate(c.referral.receivedOn)}).`);
  if (input.reviewOn <= input.assessedOn) problems.push('The review date must be after the assessment date.');
  if (!signer.by.active) problems.push(`${signer.by.name} is no longer active and cannot assess risk.`);
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
    assessedBy: signer.by.id,
    ...onBehalf(signer),
    factors: input.factors,
    decision: input.decision,
    ...(input.reason ? { reason: input.reason } : {}),
    reviewOn: input.reviewOn,
    recordedAt: ctx.now,
  };
  return allow({ ...p, risk: [...(p.risk ?? []), a] });
}

/** The refusal for a sensitive case (the renderer shows the same words before the button). */
export const SELF_SIGN_OFF_REFUSED = 'The person who signs off must not be the person who assessed the risk.';
/** The audit field name for a sign-off (or a refused one) by the person who assessed. */
export const SELF_SIGN_OFF_MARK = 'self-sign-off';

/** The sign-off and whether the assessor signed their own assessment (allowed, with a warning, outside sensitive cases). */
export interface SignedOff {
  participant: Participant;
  sameAsAssessor: boolean;
}

/**
 * Sign off the current assessment as the signer (signer.ts): the approver role, and whether
 * they assessed it themselves, are judged on the person who signs, never on an id typed in.
 */
export function signOffRisk(c: Case, input: SignOffRiskInput, ctx: RiskContext, signer: Signature): Decision<SignedOff> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const a = currentAssessment(p);
  if (!a) return refuse(`There is no risk assessment for ${p.person.givenName} to sign off.`);
  if (a.signOff) return refuse('This assessment is already signed off; re-assess to make a new version.');
  const who = signer.by;
  if (!who.active) return refuse(`${who.name} is no longer active and cannot sign off.`);
  const sensitive = c.referral.sensitive.length > 0;
  const required = approverRoleRequired(a, sensitive, ctx.settings);
  if (!signOffRoleAcceptable(who.role, required)) {
    const why = sensitive ? 'this is a sensitive case' : 'a factor is rated high';
    return refuse(
      required
        ? `Because ${why}, the assessment must be signed off by a ${STAFF_ROLE_LABELS[required].toLowerCase()}; ${who.name} is a ${STAFF_ROLE_LABELS[who.role].toLowerCase()}.`
        : `A risk assessment is signed off by a ${ORDINARY_SIGN_OFF_ROLES.map((r) => STAFF_ROLE_LABELS[r].toLowerCase()).join(' or ')}; ${who.name} is a ${STAFF_ROLE_LABELS[who.role].toLowerCase()}.`,
    );
  }
  const sameAsAssessor = a.assessedBy === who.id;
  if (sameAsAssessor && sensitive) {
    return refuseRecorded([SELF_SIGN_OFF_MARK], `${SELF_SIGN_OFF_REFUSED} This is a sensitive case, and ${signer.recordedOnBehalfBy ? who.name : 'you'} assessed it: ask someone else to sign it off.`);
  }
  // Checked here, not only in the form: the renderer is not trusted to have shown the warning.
  if (sameAsAssessor && !input.confirmSelfSignOff) {
    return refuse(`${signer.recordedOnBehalfBy ? who.name : 'You'} assessed this risk: confirm that the record will say it was signed off by the person who assessed it, or ask someone else to sign it off.`);
  }
  const signOff = { by: who.id, role: who.role, at: ctx.now, ...(input.note ? { note: input.note } : {}), ...onBehalf(signer), ...(sameAsAssessor ? { sameAsAssessor: true as const } : {}) };
  const signed: RiskAssessment = { ...a, signOff };
  return allow({ participant: { ...p, risk: (p.risk ?? []).map((x) => (x === a ? signed : x)) }, sameAsAssessor });
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
