import type { Case, Participant } from '../cases/case';
import { indirectStartedOn } from '../conferences/process-type';
import { AUDIT_CHECKS } from './frameworks';
import { formatDate } from '../time/dates';

/**
 * A case file checked against the RJC's Service Provider Code of Practice: what the record can
 * prove is filled in (consent taken in writing before the process, risk signed off before the
 * parties were in contact, each participant prepared, the agreement monitored, feedback
 * sought), and what only a reader of the file can judge is left to the auditor, who also adds
 * notes. Each result says why, in words an assessor can follow.
 */
export type AuditCheck = (typeof AUDIT_CHECKS)[number];
export type AuditResult = 'met' | 'not-met' | 'not-applicable' | 'for-the-auditor';

export const AUDIT_CHECK_LABELS: Record<AuditCheck, string> = {
  'information-given': 'Information about restorative justice given',
  'facts-acknowledged': 'Basic facts acknowledged and responsibility taken',
  'written-consent': 'Written consent from every participant before the process',
  'risk-before-contact': 'Risk assessed and signed off before contact between the parties',
  'participants-prepared': 'Each participant prepared',
  'outcome-monitored': 'Outcome agreement monitored',
  'feedback-sought': 'Feedback sought',
};

export interface CheckOutcome {
  check: AuditCheck;
  result: AuditResult;
  detail: string;
}

const role = (p: Participant) => (p.role === 'harmed' ? 'the person harmed' : p.role === 'responsible' ? 'the person responsible' : p.role === 'supporter' ? 'a supporter' : 'a participant');
const takingPart = (c: Case) => c.participants.filter((p) => p.takesPart !== false && (p.role === 'harmed' || p.role === 'responsible' || p.role === 'supporter' || p.role === 'parent-guardian'));
const parties = (c: Case) => c.participants.filter((p) => p.role === 'harmed' || p.role === 'responsible');

/** When the parties were first in contact through the service: the first conference held, or the first message passed. */
export function processStartedOn(c: Case): string | undefined {
  const conference = (c.schedule ?? []).filter((m) => m.kind === 'conference' && m.status === 'held').map((m) => m.date).sort()[0];
  const indirect = indirectStartedOn(c.indirectLog ?? []);
  return [conference, indirect].filter((d): d is string => !!d).sort()[0];
}

function informationGiven(c: Case): CheckOutcome {
  const missing = parties(c).filter((p) => !(p.contacts ?? []).some((e) => e.rjInformationGiven));
  if (parties(c).length === 0) return { check: 'information-given', result: 'not-applicable', detail: 'no person harmed or responsible recorded' };
  return missing.length === 0
    ? { check: 'information-given', result: 'met', detail: 'information about restorative justice recorded as given to each party' }
    : { check: 'information-given', result: 'not-met', detail: `no record of information given to ${missing.map(role).join(' or ')}` };
}

function writtenConsent(c: Case, start: string | undefined): CheckOutcome {
  if (!start) return { check: 'written-consent', result: 'not-applicable', detail: 'no restorative process took place' };
  const without = takingPart(c).filter((p) => !(p.consent ?? []).some((e) => e.status === 'given' && e.method === 'signed-form' && e.on <= start));
  return without.length === 0
    ? { check: 'written-consent', result: 'met', detail: `signed consent from each participant on or before ${formatDate(start)}` }
    : { check: 'written-consent', result: 'not-met', detail: `no signed consent before ${formatDate(start)} from ${without.map(role).join(', ')}` };
}

function riskBeforeContact(c: Case, start: string | undefined): CheckOutcome {
  if (!start) return { check: 'risk-before-contact', result: 'not-applicable', detail: 'the parties were not in contact through the service' };
  const signed = c.participants.flatMap((p) => p.risk ?? []).filter((r) => r.signOff && r.signOff.at.slice(0, 10) <= start && r.decision !== 'not-suitable');
  return signed.length > 0
    ? { check: 'risk-before-contact', result: 'met', detail: `risk assessment signed off on ${formatDate(signed.map((r) => r.signOff!.at.slice(0, 10)).sort()[0]!)}, before contact on ${formatDate(start)}` }
    : { check: 'risk-before-contact', result: 'not-met', detail: `contact between the parties on ${formatDate(start)} without a signed-off risk assessment before it` };
}

function prepared(c: Case, start: string | undefined): CheckOutcome {
  if (!start) return { check: 'participants-prepared', result: 'not-applicable', detail: 'no restorative process took place' };
  const met = new Set<string>();
  for (const m of c.meetings ?? []) if (m.on <= start) m.participantIds.forEach((id) => met.add(id));
  for (const m of c.schedule ?? []) if (m.kind === 'preparation' && m.status === 'held' && m.date <= start) m.participantIds.forEach((id) => met.add(id));
  const not = takingPart(c).filter((p) => !met.has(p.id));
  return not.length === 0
    ? { check: 'participants-prepared', result: 'met', detail: 'a preparation meeting with each participant before the process' }
    : { check: 'participants-prepared', result: 'not-met', detail: `no preparation meeting recorded with ${not.map(role).join(', ')}` };
}

function monitored(c: Case, on: string): CheckOutcome {
  const a = c.agreement;
  if (!a?.signedOn) return { check: 'outcome-monitored', result: 'not-applicable', detail: 'no outcome agreement was signed' };
  const overdue = a.actions.filter((x) => (x.status === 'pending' || x.status === 'in-progress') && x.dueOn < on);
  return overdue.length === 0
    ? { check: 'outcome-monitored', result: 'met', detail: `each of ${a.actions.length} agreed actions done, found not done, or not yet due` }
    : { check: 'outcome-monitored', result: 'not-met', detail: `${overdue.length} agreed ${overdue.length === 1 ? 'action' : 'actions'} past due without a recorded result` };
}

function feedbackSought(c: Case): CheckOutcome {
  if (!c.closure) return { check: 'feedback-sought', result: 'not-applicable', detail: 'the case is not closed' };
  const n = (c.feedback ?? []).length;
  return n > 0 ? { check: 'feedback-sought', result: 'met', detail: `feedback from ${n} ${n === 1 ? 'participant' : 'participants'}` } : { check: 'feedback-sought', result: 'not-met', detail: 'closed without feedback recorded' };
}

/** Every check for one file, on the day of the audit. */
export function auditCaseFile(c: Case, on: string): CheckOutcome[] {
  const start = processStartedOn(c);
  return [
    informationGiven(c),
    { check: 'facts-acknowledged', result: 'for-the-auditor', detail: 'read the assessment notes: the record has no field for it' },
    writtenConsent(c, start),
    riskBeforeContact(c, start),
    prepared(c, start),
    monitored(c, on),
    feedbackSought(c),
  ];
}

/** Per check across the files: how many met of those it applies to (the auditor's own judgements included once made). */
export function auditTotals(files: readonly { checks: readonly CheckOutcome[] }[]): { check: AuditCheck; met: number; applicable: number; percent: number | null }[] {
  return AUDIT_CHECKS.map((check) => {
    const results = files.map((f) => f.checks.find((x) => x.check === check)?.result).filter((r) => r === 'met' || r === 'not-met');
    const met = results.filter((r) => r === 'met').length;
    return { check, met, applicable: results.length, percent: results.length ? Math.round((met / results.length) * 100) : null };
  });
}
