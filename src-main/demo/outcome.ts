import { agreementProgress, type ActionKind, type AgreementAction, type OutcomeAgreement } from '../domain/outcomes/agreement';
import type { Closure } from '../domain/outcomes/closure';
import { FEEDBACK_ITEMS, type Feedback } from '../domain/outcomes/feedback';
import { ACTION_KIND_WEIGHTS, ACTIONS, CLOSURE_SUMMARIES, DONE_EVIDENCE, FEEDBACK_COMMENTS, NOT_DONE_EVIDENCE, REVIEW_NOTES } from './process-catalogue';
import { CLOSED, day, DAY_MS, isMinor, MONITORING, type CaseScene } from './process-days';

/**
 * The end of a demo case's process: the outcome agreement and how its actions went, the
 * closure that follows from them, and the feedback given afterwards. Dated within the days the
 * case reached its stages (the scene says which), so closures pass closureProblems.
 */

function actionKinds(s: CaseScene, n: number): ActionKind[] {
  const out: ActionKind[] = [];
  while (out.length < n) {
    const k = s.r.weighted(ACTION_KIND_WEIGHTS.filter(([x]) => !out.includes(x)));
    out.push(k);
  }
  return out;
}

export function makeAgreement(s: CaseScene, meetingId: string | undefined, conferenceDay: number | undefined): OutcomeAgreement | undefined {
  const resp = s.responsible;
  const first = s.harmed[0];
  if (!resp || !first) return undefined;
  const signed = s.si >= MONITORING;
  const signedDay = Math.max(s.stageDay(MONITORING), conferenceDay ?? 0);
  const closedDay = s.si === CLOSED && !s.c.exit ? s.stageDay(CLOSED) : undefined;
  const n = s.r.weighted([[1, 30], [2, 40], [3, 20], [4, 10]] as const);
  const actions: AgreementAction[] = actionKinds(s, n).map((kind) => {
    const spec = ACTIONS[kind];
    const by = spec.by === 'harmed' ? first : resp;
    const due = signedDay + s.r.int(14, 120);
    const base = { id: s.actionId(), kind, description: spec.description, byParticipantId: by.id, dueOn: day(due), completionShownBy: spec.shownBy };
    if (!signed) return { ...base, status: 'pending' as const };
    return { ...base, ...actionProgress(s, signedDay, due, closedDay) };
  });
  const signatories = [...s.harmed, resp, ...(isMinor(resp, s.c.receivedDay) || s.harmed.some((h) => isMinor(h, s.c.receivedDay)) ? s.parents : [])].map((p) => p.id);
  const reviews = signed ? monitoringReviews(s, signedDay, closedDay ?? s.limit) : [];
  const g: OutcomeAgreement = {
    caseId: s.c.caseId,
    ...(meetingId ? { meetingId } : {}),
    actions,
    signatoryIds: signatories,
    ...(signed ? { signedOn: day(signedDay) } : {}),
    countersignedBy: s.c.leadId,
    reviews,
  };
  if (signed) s.event(signedDay, 16 * 60 + 30, 'agreement.signed', `Outcome agreement with ${n} action${n === 1 ? '' : 's'} signed on ${day(signedDay)}.`);
  return g;
}

/** How an action stands: on a closed case every action is resolved by the day it closed. */
function actionProgress(s: CaseScene, signedDay: number, due: number, closedDay: number | undefined): Pick<AgreementAction, 'status' | 'evidenceNotes' | 'resolvedOn'> {
  const r = s.r;
  if (closedDay !== undefined) {
    if (r.chance(0.85)) return { status: 'done', evidenceNotes: r.pick(DONE_EVIDENCE), resolvedOn: day(r.int(signedDay, Math.min(due, closedDay))) };
    return { status: 'not-done', evidenceNotes: r.pick(NOT_DONE_EVIDENCE), resolvedOn: day(r.int(Math.min(due, closedDay), closedDay)) };
  }
  const last = s.limit;
  const past = due < s.c.todayDay;
  const status = past
    ? r.weighted([['done', 55], ['in-progress', 20], ['pending', 10], ['not-done', 15]] as const)
    : r.weighted([['pending', 45], ['in-progress', 40], ['done', 15]] as const);
  if (status === 'done') return { status, evidenceNotes: r.pick(DONE_EVIDENCE), resolvedOn: day(r.int(signedDay, Math.max(signedDay, Math.min(due + 7, last)))) };
  if (status === 'not-done' && due <= last) return { status, evidenceNotes: r.pick(NOT_DONE_EVIDENCE), resolvedOn: day(r.int(due, last)) };
  return { status: status === 'not-done' ? 'in-progress' : status };
}

function monitoringReviews(s: CaseScene, from: number, to: number): OutcomeAgreement['reviews'] {
  const n = to > from ? s.r.weighted([[0, 3], [1, 4], [2, 2]] as const) : 0;
  return Array.from({ length: n }, () => s.r.int(from, to))
    .sort((a, b) => a - b)
    .map((d) => ({ on: day(d), by: s.c.leadId, note: s.r.pick(REVIEW_NOTES) }));
}

export function makeClosure(s: CaseScene, g: OutcomeAgreement | undefined): Closure | undefined {
  const exit = s.c.exit;
  const closedBy = s.res.coordinator.id;
  if (exit) {
    const reason = s.c.exit?.withdrawnBy;
    return {
      outcome: exit.kind,
      closedOn: day(exit.day),
      summary: `The case ended early: ${exit.kind.replace('-', ' ')}. Everyone still involved was told, and booked meetings were cancelled.`,
      closedBy,
      ...(exit.kind === 'withdrawn' && reason ? { withdrawnBy: reason } : {}),
    };
  }
  if (s.si !== CLOSED) return undefined;
  const closedOn = day(s.stageDay(CLOSED));
  const state = g?.signedOn ? agreementProgress(g, closedOn).state : undefined;
  const outcome = state === 'completed' ? 'agreement-completed' : state === 'partly-completed' ? 'agreement-partly-completed' : 'completed-without-agreement';
  return { outcome, closedOn, summary: CLOSURE_SUMMARIES[outcome], closedBy };
}

export function makeFeedback(s: CaseScene, k: Closure): Feedback[] {
  const closedDay = Date.parse(k.closedOn) / DAY_MS;
  const out: Feedback[] = [];
  for (const p of s.participants) {
    if (!s.mayAskFeedback(p) || !s.r.chance(0.45)) continue;
    const given = s.r.int(closedDay, Math.max(closedDay, Math.min(closedDay + 45, s.c.lastDay)));
    const answers: Feedback['answers'] = {};
    for (const item of FEEDBACK_ITEMS) if (s.r.chance(0.85)) answers[item] = s.r.weighted([[1, 3], [2, 5], [3, 12], [4, 40], [5, 40]] as const);
    const comments = s.r.pick(FEEDBACK_COMMENTS);
    const equalityConsent = s.r.chance(0.3);
    const recommend = s.r.chance(0.7) ? s.r.weighted([['yes', 75], ['unsure', 15], ['no', 10]] as const) : undefined;
    out.push({
      participantId: p.id,
      givenOn: day(given),
      enteredBy: s.res.coordinator.id,
      answers,
      ...(s.r.chance(0.6) ? { overall: s.r.weighted([[4, 1], [5, 2], [6, 3], [7, 6], [8, 8], [9, 6], [10, 5]] as const) } : {}),
      ...(recommend ? { wouldRecommend: recommend } : {}),
      ...(comments ? { comments } : {}),
      equalityConsent,
      ...(equalityConsent && s.r.chance(0.7) ? { equality: { ageBand: s.r.pick(['18 to 24', '25 to 34', '35 to 44', '45 to 54', '55 to 64', 'Prefer not to say']), disability: s.r.pick(['Yes', 'No', 'Prefer not to say']) } } : {}),
    });
    s.event(given, 14 * 60, 'feedback.recorded', `Feedback entered (given on ${day(given)}).`, s.staffName(s.res.coordinator.id));
  }
  return out;
}
