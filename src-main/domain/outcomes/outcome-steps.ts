import { displayName, STAGES, type Case, type Stage } from '../cases/case';
import { currentConsent } from '../consent/consent';
import { formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ACTION_KINDS, addReview, agreementProgress, OutcomeAgreementSchema, updateAction as updateActionRule, type OutcomeAgreement } from './agreement';
import { CLOSURE_OUTCOME_LABELS, closureProblems, EXIT_OUTCOMES, type Closure } from './closure';
import { CONFERENCE_RESULT_LABELS, recordConference as recordConferenceRule } from '../conferences/conference-record';
import { feedbackProblems, type Feedback } from './feedback';
import { describeProcess, INDIRECT_MEDIUM_LABELS } from '../conferences/process-type';
import { findStaff } from '../staff/staff';
import { onBehalf, type Signature } from '../staff/signer';
import type { ProcessCommand } from '../cases/process-commands';
import type { CaseChange, ProcessContext } from '../cases/process-context';
import { cancelOpenMeetings } from '../conferences/schedule';

type Cmd<T extends ProcessCommand['type']> = Extract<ProcessCommand, { type: T }>;

/** The consent element whose answer says whether someone may be asked for feedback (templates/casework). */
export const FEEDBACK_CONSENT_ELEMENT = 'feedback-contact';

const at = (s: Stage) => STAGES.indexOf(s);
/** Move forward to `to` if the case is not already there or beyond; never backwards. */
const forwardTo = (c: Case, to: Stage): Case => (at(c.stage) < at(to) ? { ...c, stage: to } : c);
const name = (c: Case, id: string) => {
  const p = c.participants.find((x) => x.id === id);
  return p ? displayName(p.person) : 'someone no longer in the case';
};

function processStarted(c: Case): string | undefined {
  return at(c.stage) < at('process') ? 'The restorative process has not started: move the case to the process stage first.' : undefined;
}

export function chooseProcess(c: Case, cmd: Cmd<'choose-process'>): Decision<CaseChange> {
  const started = at(c.stage) >= at('process');
  // Once under way, switching between meeting and not meeting changes what people consented to.
  if (started && c.processKind && c.processKind !== cmd.process.kind) {
    return refuse(`The ${c.processKind} process has started; to change to ${cmd.process.kind}, record the new consent and reopen preparation with the coordinator.`);
  }
  return allow({ next: { ...c, processKind: cmd.process.kind, processForm: cmd.process.form }, kind: 'process.chosen', text: `Process: ${describeProcess(cmd.process)}.` });
}

export function recordConference(c: Case, cmd: Cmd<'record-conference'>, ctx: ProcessContext, signer: Signature): Decision<CaseChange> {
  const meeting = (c.schedule ?? []).find((m) => m.id === cmd.record.meetingId);
  if (!meeting) return refuse('That conference is not booked in this case.');
  if ((c.conferenceRecords ?? []).some((r) => r.meetingId === meeting.id)) return refuse('This conference already has a record.');
  const d = recordConferenceRule(meeting, { ...cmd.record, recordedBy: signer.by.id, ...onBehalf(signer) }, ctx.today);
  if (!d.ok) return d;
  const schedule = (c.schedule ?? []).map((m) => (m.id === meeting.id ? d.value.meeting : m));
  // A conference that ended (with or without agreement) moves the case on to its outcome.
  const moved = cmd.record.result === 'adjourned' ? c : forwardTo(c, 'outcome');
  return allow({
    next: { ...moved, schedule, conferenceRecords: [...(c.conferenceRecords ?? []), d.value.record] },
    kind: 'conference.recorded',
    text: `Conference held on ${formatDate(cmd.record.heldOn)}: ${CONFERENCE_RESULT_LABELS[cmd.record.result].toLowerCase()}.`,
  });
}

export function logIndirect(c: Case, cmd: Cmd<'log-indirect'>, ctx: ProcessContext): Decision<CaseChange> {
  const problems: string[] = [];
  const notStarted = processStarted(c);
  if (notStarted) problems.push(notStarted);
  else if (c.processKind !== 'indirect') problems.push('This case is not an indirect process: choose an indirect process to keep a log of messages and letters.');
  const e = cmd.entry;
  const inCase = (id: string) => c.participants.some((p) => p.id === id);
  if (!inCase(e.fromParticipantId) || (e.toParticipantId !== undefined && !inCase(e.toParticipantId))) problems.push('Someone named in the entry is not in this case.');
  if (!findStaff(ctx.staff, e.viaStaffId)) problems.push('The facilitator is not on the staff list.');
  if (e.on > ctx.today) problems.push('The date cannot be in the future.');
  if (e.on < c.referral.receivedOn) problems.push('The date is before the referral was received.');
  if (problems.length > 0) return refuse(...problems);
  const to = e.toParticipantId ? ` to ${name(c, e.toParticipantId)}` : '';
  return allow({
    next: { ...c, indirectLog: [...(c.indirectLog ?? []), e] },
    kind: 'indirect.logged',
    text: `${INDIRECT_MEDIUM_LABELS[e.medium]} from ${name(c, e.fromParticipantId)}${to} on ${formatDate(e.on)}.`,
  });
}

/** An agreement is signed on a real day: not in the future, and not before the conference it came from. */
function signingProblems(c: Case, meetingId: string | undefined, signedOn: string, today: string): string[] {
  const out: string[] = [];
  if (signedOn > today) out.push('The date signed cannot be in the future.');
  const conference = meetingId === undefined ? undefined : (c.schedule ?? []).find((m) => m.id === meetingId);
  if (conference && signedOn < conference.date) out.push(`The date signed is before the conference it was agreed at (${formatDate(conference.date)}).`);
  if (signedOn < c.referral.receivedOn) out.push('The date signed is before the referral was received.');
  return out;
}

function signedStage(c: Case, g: OutcomeAgreement): Case {
  return g.signedOn !== undefined ? forwardTo(c, 'monitoring') : c;
}

const reparsed = (g: unknown): Decision<OutcomeAgreement> => {
  const r = OutcomeAgreementSchema.safeParse(g);
  return r.success ? allow(r.data) : refuse(...new Set(r.error.issues.map((i) => i.message)));
};

/** Draft (or replace a draft of) the agreement; with a date signed it is also signed. Once signed, actions change one at a time. */
export function recordAgreement(c: Case, cmd: Cmd<'record-agreement'>, ctx: ProcessContext, signer: Signature): Decision<CaseChange> {
  const notStarted = processStarted(c);
  if (notStarted) return refuse(notStarted);
  if (c.agreement?.signedOn !== undefined) return refuse('The agreement has been signed: record progress on each action instead of changing it.');
  const input = cmd.agreement;
  const problems: string[] = [];
  if (input.actions.some((a) => a.status !== 'pending')) problems.push('Every action starts as pending: record progress after the agreement is signed.');
  if (input.meetingId !== undefined && !(c.schedule ?? []).some((m) => m.id === input.meetingId && m.kind === 'conference')) problems.push('The conference chosen is not booked in this case.');
  const taking = new Set(c.participants.filter((p) => p.takesPart !== false).map((p) => p.id));
  if (input.signatoryIds.some((id) => !taking.has(id))) problems.push('Everyone who signs must be taking part in this case.');
  if (input.actions.some((a) => !taking.has(a.byParticipantId))) problems.push('Each action must be done by someone taking part in this case.');
  if (input.signedOn !== undefined) problems.push(...signingProblems(c, input.meetingId, input.signedOn, ctx.today));
  if (problems.length > 0) return refuse(...problems);
  const d = reparsed({ ...input, caseId: c.id, reviews: [], countersignedBy: signer.by.id, ...onBehalf(signer) });
  if (!d.ok) return d;
  const g = d.value;
  const verb = c.agreement ? 'changed' : 'drafted';
  return allow({
    next: signedStage({ ...c, agreement: g }, g),
    kind: g.signedOn ? 'agreement.signed' : 'agreement.drafted',
    text: g.signedOn ? `Outcome agreement with ${g.actions.length} action${g.actions.length === 1 ? '' : 's'} signed on ${formatDate(g.signedOn)}.` : `Outcome agreement ${verb} (${g.actions.length} action${g.actions.length === 1 ? '' : 's'}), ready to print for signing.`,
  });
}

/** The facilitator who records the signing countersigns: the agreement names them from now on. */
export function signAgreement(c: Case, cmd: Cmd<'sign-agreement'>, ctx: ProcessContext, signer: Signature): Decision<CaseChange> {
  const g = c.agreement;
  if (!g) return refuse('There is no agreement to sign: draft it first.');
  if (g.signedOn !== undefined) return refuse(`The agreement was already signed on ${formatDate(g.signedOn)}.`);
  const problems = signingProblems(c, g.meetingId, cmd.signedOn, ctx.today);
  if (problems.length > 0) return refuse(...problems);
  const { recordedOnBehalfBy: _drafted, ...draft } = g;
  const d = reparsed({ ...draft, signedOn: cmd.signedOn, countersignedBy: signer.by.id, ...onBehalf(signer) });
  if (!d.ok) return d;
  return allow({ next: signedStage({ ...c, agreement: d.value }, d.value), kind: 'agreement.signed', text: `Outcome agreement signed on ${formatDate(cmd.signedOn)}.` });
}

export function updateAction(c: Case, cmd: Cmd<'update-action'>, ctx: ProcessContext): Decision<CaseChange> {
  const g = c.agreement;
  if (!g?.signedOn) return refuse('Progress is recorded once the agreement is signed.');
  const { type: _t, actionId, ...update } = cmd;
  const d = updateActionRule(g, actionId, update, ctx.today);
  if (!d.ok) return d;
  const a = d.value.actions.find((x) => x.id === actionId);
  const kindIndex = a ? ACTION_KINDS.indexOf(a.kind) : -1;
  const progress = agreementProgress(d.value, ctx.today);
  return allow({
    next: { ...c, agreement: d.value },
    kind: 'agreement.action',
    text: `Action ${g.actions.findIndex((x) => x.id === actionId) + 1}${kindIndex >= 0 ? ` (${a?.kind})` : ''} marked ${cmd.status.replace('-', ' ')}. ${progress.done} of ${progress.total} done.`,
  });
}

export function addMonitoringReview(c: Case, cmd: Cmd<'add-review'>, ctx: ProcessContext, signer: Signature): Decision<CaseChange> {
  const g = c.agreement;
  if (!g?.signedOn) return refuse('Monitoring starts once the agreement is signed.');
  const d = addReview(g, { ...cmd.review, by: signer.by.id, ...onBehalf(signer) }, ctx.today);
  if (!d.ok) return d;
  return allow({ next: { ...c, agreement: d.value }, kind: 'agreement.review', text: `Monitoring review on ${formatDate(cmd.review.on)} by ${signer.by.name}.` });
}

/**
 * Close the case with its outcome. An outcome that is an early exit (withdrawn, not suitable,
 * no contact, declined) also records the exit, as the casework screens and lists know it; any
 * other outcome moves the case to closed. Either way it is read-only until reopened.
 */
export function closeCase(c: Case, cmd: Cmd<'close'>, ctx: ProcessContext, signer: Signature): Decision<CaseChange> {
  const k: Closure = { ...cmd.closure, closedBy: signer.by.id, ...onBehalf(signer) };
  const exitKind = Object.hasOwn(EXIT_OUTCOMES, k.outcome) ? EXIT_OUTCOMES[k.outcome as keyof typeof EXIT_OUTCOMES] : undefined;
  // Ending early cancels what is still booked; a completed process must record its meetings first.
  const base = exitKind ? cancelOpenMeetings(c, `Case ended: ${CLOSURE_OUTCOME_LABELS[k.outcome].toLowerCase()}`) : c;
  const problems: string[] = [];
  if (!exitKind && at(c.stage) < at('process')) problems.push(`The restorative process has not started, so "${CLOSURE_OUTCOME_LABELS[k.outcome].toLowerCase()}" cannot be the outcome: choose withdrawn, not suitable, no contact or declined.`);
  if (k.outcome === 'withdrawn' && k.withdrawnBy === undefined) problems.push('Say who withdrew.');
  problems.push(
    ...closureProblems(k, {
      today: ctx.today,
      referralReceivedOn: c.referral.receivedOn,
      ...(c.agreement ? { agreement: c.agreement } : {}),
      meetings: base.schedule ?? [],
      participantIds: c.participants.map((p) => p.id),
    }),
  );
  if (problems.length > 0) return refuse(...problems);
  const next: Case = exitKind
    ? { ...base, closure: k, exit: { kind: exitKind, reason: k.summary.slice(0, 2_000), on: k.closedOn, ...(k.withdrawnBy ? { withdrawnBy: k.withdrawnBy } : {}) } }
    : { ...c, closure: k, stage: 'closed' };
  // Worded as the exit command words it when the outcome is an early exit, so every exit on a timeline gives its reason.
  const text = exitKind
    ? `Case ended at ${c.stage} on ${formatDate(k.closedOn)}: ${CLOSURE_OUTCOME_LABELS[k.outcome].toLowerCase()}${k.withdrawnBy ? ` by ${name(c, k.withdrawnBy)}` : ''}. Reason: ${k.summary}`
    : `Case closed on ${formatDate(k.closedOn)}: ${CLOSURE_OUTCOME_LABELS[k.outcome].toLowerCase()}. Summary: ${k.summary}`;
  return allow({ next, kind: exitKind ? 'case.exit' : 'case.closed', text });
}

export function recordFeedback(c: Case, cmd: Cmd<'record-feedback'>, ctx: ProcessContext, signer: Signature): Decision<CaseChange> {
  const f: Feedback = { ...cmd.feedback, enteredBy: signer.by.id, ...onBehalf(signer) };
  const asksFeedback = ctx.consentElements.some((e) => e.id === FEEDBACK_CONSENT_ELEMENT);
  const participantIds = c.participants.map((p) => p.id);
  const problems = feedbackProblems(f, {
    today: ctx.today,
    participantIds,
    // A service whose consent form has no feedback question has nobody to exclude.
    mayContactForFeedback: asksFeedback ? c.participants.filter((p) => currentConsent(p).get(FEEDBACK_CONSENT_ELEMENT)?.status === 'given').map((p) => p.id) : participantIds,
    existing: c.feedback ?? [],
  });
  if (f.givenOn < c.referral.receivedOn) problems.push('The date given is before the referral was received.');
  if (problems.length > 0) return refuse(...problems);
  return allow({ next: { ...c, feedback: [...(c.feedback ?? []), f] }, kind: 'feedback.recorded', text: `Feedback from ${name(c, f.participantId)} entered (given on ${formatDate(f.givenOn)}).` });
}
