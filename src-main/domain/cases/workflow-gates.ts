import { displayName, STAGES, type Case, type Participant, type Stage } from './case';
import type { CaseworkSettings } from '../casebook/casework-settings';
import { consentSummary, type ConsentElement } from '../consent/consent';
import { firstContactOn } from '../contacts/contacts';
import { formatDate } from '../time/dates';
import { currentAssessment, riskStatus } from '../risk/risk';
import { atLeastLevel, findStaff, isPractitioner, type StaffMember } from '../staff/staff';

/**
 * What must be true before a case may enter each stage. Gates are checked when a case moves,
 * not continuously: a participant may withdraw, or be re-assessed, at any time, and recording
 * that must never be blocked; it is moving the case on that is refused.
 */
export interface GateContext {
  today: string;
  staff: readonly StaffMember[];
  settings: Pick<CaseworkSettings, 'riskApproverRole'>;
  consentElements: readonly ConsentElement[];
}

export type ProcessKind = 'direct' | 'indirect';

export function isSensitive(c: Case): boolean {
  return c.referral.sensitive.length > 0;
}

/** Ended: closed after monitoring, or left early through an exit. Ended cases refuse changes. */
export function isEnded(c: Case): boolean {
  return c.stage === 'closed' || c.exit !== undefined;
}

export function stageIndex(s: Stage): number {
  return STAGES.indexOf(s);
}

/** Participants taking part in the restorative process (all, unless marked otherwise). */
export function takingPart(c: Case): Participant[] {
  return c.participants.filter((p) => p.takesPart !== false);
}

const who = (p: Participant) => displayName(p.person);

/** Someone harmed and someone responsible must take part: without both there is no RJ process. */
function partyProblems(c: Case): string[] {
  const parts = takingPart(c);
  const out: string[] = [];
  if (!parts.some((p) => p.role === 'harmed')) out.push('There is no person harmed taking part.');
  if (!parts.some((p) => p.role === 'responsible')) out.push('There is no person responsible taking part.');
  return out;
}

/** The lead (and, for sensitive cases, an Advanced lead and a co-facilitator) must be in place. */
export function teamProblems(c: Case, ctx: Pick<GateContext, 'staff'>): string[] {
  const out: string[] = [];
  const lead = findStaff(ctx.staff, c.leadFacilitatorId);
  if (!lead) out.push('Assign a lead facilitator from the staff list.');
  else if (!lead.active) out.push(`The lead facilitator, ${lead.name}, is no longer active; assign another.`);
  else if (!isPractitioner(lead)) out.push(`${lead.name} is not a registered practitioner and cannot lead a case.`);
  if (isSensitive(c)) {
    if (lead && !atLeastLevel(lead, 'advanced')) out.push(`This is a sensitive case (${c.referral.sensitive.join(', ')}): the lead must be an Advanced practitioner, and ${lead.name} is not.`);
    const co = findStaff(ctx.staff, c.coFacilitatorId);
    if (!co) out.push('This is a sensitive case: assign a co-facilitator.');
    else if (!co.active) out.push(`The co-facilitator, ${co.name}, is no longer active; assign another.`);
    else if (!isPractitioner(co)) out.push(`${co.name} is not a registered practitioner and cannot co-facilitate.`);
  }
  return out;
}

/**
 * Everything that stops the restorative process starting: for every participant taking part,
 * all required consent given (with a parent's or guardian's signature for under-18s) and a
 * current risk assessment signed off by the right person, not due for review, allowing this
 * kind of process. For sensitive cases the approver role signs off every assessment.
 */
export function processProblems(c: Case, ctx: GateContext, kind: ProcessKind | undefined): string[] {
  const out = [...partyProblems(c), ...teamProblems(c, ctx)];
  if (!kind) out.push('Choose a direct or an indirect process.');
  const sensitive = isSensitive(c);
  for (const p of takingPart(c)) {
    const consent = consentSummary(p, ctx.consentElements, ctx.today);
    if (consent.state === 'withdrawn') out.push(`${who(p)} has withdrawn consent.`);
    else if (consent.missing.length > 0) {
      const titles = consent.missing.map((id) => ctx.consentElements.find((e) => e.id === id)?.number ?? id);
      out.push(`${who(p)} has not given consent to element${titles.length > 1 ? 's' : ''} ${titles.join(', ')}${consent.needsParentGuardian.length ? ' (a parent or guardian must also sign)' : ''}.`);
    }
    const status = riskStatus(p, sensitive, ctx.settings);
    const a = currentAssessment(p);
    if (status === 'none') out.push(`${who(p)} has no risk assessment.`);
    else if (status === 'not-suitable') out.push(`${who(p)}'s risk assessment found them not suitable.`);
    else if (status === 'unsigned') out.push(`${who(p)}'s risk assessment is not signed off.`);
    else if (status === 'needs-approver') out.push(`${who(p)}'s risk assessment must be signed off by a ${ctx.settings.riskApproverRole}${sensitive ? ' (sensitive case)' : ' (a factor is rated high)'}.`);
    if (a && a.reviewOn < ctx.today) out.push(`${who(p)}'s risk assessment was due for review on ${formatDate(a.reviewOn)}; re-assess first.`);
    if (a && kind === 'direct' && a.decision === 'indirect-only') out.push(`${who(p)}'s risk assessment allows an indirect process only.`);
  }
  return out;
}

/** Problems with moving the case from its stage to the next. */
export function advanceProblems(c: Case, ctx: GateContext, kind: ProcessKind | undefined): string[] {
  const to = STAGES[stageIndex(c.stage) + 1];
  if (!to || to === 'closed') return ['A case is closed with "Close case", which records the closure.'];
  switch (to) {
    case 'screening':
      return [];
    case 'contact':
      return [...partyProblems(c), ...teamProblems(c, ctx)];
    case 'assessment': {
      const out = teamProblems(c, ctx);
      for (const role of ['harmed', 'responsible'] as const) {
        if (!takingPart(c).some((p) => p.role === role && firstContactOn(p))) out.push(`Record a contact with the person ${role} first.`);
      }
      return out;
    }
    case 'preparation': {
      const out = teamProblems(c, ctx);
      for (const p of takingPart(c)) {
        const a = currentAssessment(p);
        if (!a) out.push(`Assess the risk for ${who(p)} first.`);
        else if (a.decision === 'not-suitable') out.push(`${who(p)} was assessed as not suitable: record the "not suitable" exit, or mark them as not taking part.`);
      }
      return out;
    }
    case 'process':
      return processProblems(c, ctx, kind);
    default:
      return teamProblems(c, ctx);
  }
}

/** For the case screen: is everything in place for the restorative process, and if not, what is missing? */
export function readinessForProcess(c: Case, ctx: GateContext, kind: ProcessKind = 'direct'): { ready: boolean; problems: string[] } {
  const problems = processProblems(c, ctx, kind);
  return { ready: problems.length === 0, problems };
}
