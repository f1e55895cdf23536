import { z } from 'zod';
import { CaseIdSchema } from '../cases/stages';
import { dateField, formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ParticipantIdSchema } from '../cases/participant-role';
import { StaffIdSchema } from '../staff/staff';
import { RECORDED_ON_BEHALF_FIELD } from '../staff/signer';
import { strictForm } from '../shared/strict-form';
import { requiredText, text } from '../shared/text';
import { ActionIdSchema, MeetingIdSchema, repeated } from '../conferences/ids';

/**
 * The outcome agreement: what the parties agreed, signed by all, not legally binding, and
 * monitored until every action is done or known not to be. Action kinds are fixed here (forms
 * and figures rely on them); their wording is data in templates/conferences/agreement-actions.yaml.
 */
export const ACTION_KINDS = [
  'apology',
  'explanation',
  'letter',
  'reparation',
  'voluntary-payment',
  'charity-work',
  'programme',
  'keep-informed',
  'chance-meetings',
  'other',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['pending', 'in-progress', 'done', 'not-done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  pending: 'Pending',
  'in-progress': 'In progress',
  done: 'Done',
  'not-done': 'Not done',
};

const isResolved = (s: ActionStatus) => s === 'done' || s === 'not-done';

export const AgreementActionSchema = strictForm(
  {
    id: ActionIdSchema,
    kind: z.enum(ACTION_KINDS, { error: `Choose the kind of action: ${ACTION_KINDS.join(', ')}` }),
    description: requiredText('What will be done', 2_000),
    /** The participant who will do it. */
    byParticipantId: ParticipantIdSchema,
    dueOn: dateField('Due date'),
    /** Agreed in advance, so monitoring is not a matter of opinion: "a copy of the letter", "the charity's timesheet". */
    completionShownBy: requiredText('How completion will be shown', 1_000),
    status: z.enum(ACTION_STATUSES, { error: `Choose a status: ${ACTION_STATUSES.join(', ')}` }),
    /** What showed it was done, or why it was not. */
    evidenceNotes: text('Evidence notes', 5_000).optional(),
    /** When it was done, or found not to have been. */
    resolvedOn: dateField('Date resolved').optional(),
  },
  'the action',
).superRefine((a, ctx) => {
  if (isResolved(a.status)) {
    if (a.resolvedOn === undefined) ctx.addIssue({ code: 'custom', path: ['resolvedOn'], message: `Enter the date the action was ${a.status === 'done' ? 'done' : 'found not done'}` });
    if (!a.evidenceNotes) {
      ctx.addIssue({ code: 'custom', path: ['evidenceNotes'], message: a.status === 'done' ? 'Say what showed the action was done' : 'Say why the action was not done' });
    }
  } else if (a.resolvedOn !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['resolvedOn'], message: 'An action still pending or in progress has no date resolved: remove it' });
  }
});
export type AgreementAction = z.infer<typeof AgreementActionSchema>;

export const MonitoringReviewSchema = strictForm(
  {
    on: dateField('Review date'),
    /** Who reviewed: the signed-in person (signer.ts). */
    by: StaffIdSchema,
    note: requiredText('Review note', 5_000),
    ...RECORDED_ON_BEHALF_FIELD,
  },
  'the review',
);
export type MonitoringReview = z.infer<typeof MonitoringReviewSchema>;
/** A review as the form sends it: the reviewer is the signed-in person. */
export const MonitoringReviewInputSchema = MonitoringReviewSchema.omit({ by: true, recordedOnBehalfBy: true });

export const OutcomeAgreementFieldsSchema = strictForm(
  {
    caseId: CaseIdSchema,
    /** The conference where it was made; absent when reached through an indirect process. */
    meetingId: MeetingIdSchema.optional(),
    actions: z.array(AgreementActionSchema).min(1, { error: 'Add at least one action' }).max(100, { error: 'At most 100 actions' }),
    /** Everyone who signs. Each person with an action must sign. */
    signatoryIds: z.array(ParticipantIdSchema).min(1, { error: 'Choose who signs the agreement' }).max(50, { error: 'At most 50 signatories' }),
    /** Absent while the agreement is a draft printed for signing. */
    signedOn: dateField('Date signed').optional(),
    /** The facilitator who countersigns: the signed-in person who drafted or signed it (signer.ts). */
    countersignedBy: StaffIdSchema,
    /** The administrator who recorded the countersignature for them, if one did. */
    ...RECORDED_ON_BEHALF_FIELD,
    reviews: z.array(MonitoringReviewSchema).max(1_000, { error: 'At most 1,000 reviews' }),
  },
  'the agreement',
);

export const OutcomeAgreementSchema = OutcomeAgreementFieldsSchema.superRefine((g, ctx) => {
  const add = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  for (const id of repeated(g.actions.map((a) => a.id))) add(['actions'], `The action id ${id} is used twice`);
  if (repeated(g.signatoryIds).length > 0) add(['signatoryIds'], 'Someone is listed twice as a signatory: remove the repeat');
  const signs = new Set(g.signatoryIds);
  g.actions.forEach((a, i) => {
    if (!signs.has(a.byParticipantId)) add(['actions', i, 'byParticipantId'], 'The person doing this action must also sign the agreement');
    if (g.signedOn === undefined && a.status !== 'pending') add(['actions', i, 'status'], 'Actions start once the agreement is signed: enter the date signed first');
    if (g.signedOn !== undefined && a.dueOn < g.signedOn) add(['actions', i, 'dueOn'], `The due date is before the agreement was signed (${formatDate(g.signedOn)})`);
    if (g.signedOn !== undefined && a.resolvedOn !== undefined && a.resolvedOn < g.signedOn) add(['actions', i, 'resolvedOn'], 'The date resolved is before the agreement was signed');
  });
  g.reviews.forEach((r, i) => {
    if (g.signedOn === undefined) add(['reviews', i], 'Monitoring starts once the agreement is signed: enter the date signed first');
    else if (r.on < g.signedOn) add(['reviews', i, 'on'], 'The review is dated before the agreement was signed');
  });
});
export type OutcomeAgreement = z.infer<typeof OutcomeAgreementSchema>;

/** Actions not resolved whose due date has passed (an action due today is not yet overdue), earliest first. */
export function overdueActions(agreement: Pick<OutcomeAgreement, 'actions'>, today: string): AgreementAction[] {
  return agreement.actions.filter((a) => !isResolved(a.status) && a.dueOn < today).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/**
 * draft: not yet signed; open: some actions still pending or in progress; completed: every
 * action done; partly-completed: all resolved, some done; not-completed: all resolved, none done.
 */
export type AgreementState = 'draft' | 'open' | 'completed' | 'partly-completed' | 'not-completed';

export interface AgreementProgress {
  total: number;
  pending: number;
  inProgress: number;
  done: number;
  notDone: number;
  overdue: number;
  /** Whole per cent of actions done, for a progress bar. */
  percentDone: number;
  state: AgreementState;
  /** When the last action was resolved, once none is open. */
  resolvedOn?: string;
}

export function agreementProgress(agreement: Pick<OutcomeAgreement, 'actions' | 'signedOn'>, today: string): AgreementProgress {
  const count = (s: ActionStatus) => agreement.actions.filter((a) => a.status === s).length;
  const total = agreement.actions.length;
  const done = count('done');
  const notDone = count('not-done');
  const open = total - done - notDone;
  const state: AgreementState =
    agreement.signedOn === undefined ? 'draft' : open > 0 ? 'open' : done === total ? 'completed' : done > 0 ? 'partly-completed' : 'not-completed';
  let resolvedOn: string | undefined;
  if (open === 0) for (const a of agreement.actions) if (a.resolvedOn && (resolvedOn === undefined || a.resolvedOn > resolvedOn)) resolvedOn = a.resolvedOn;
  return {
    total,
    pending: count('pending'),
    inProgress: count('in-progress'),
    done,
    notDone,
    // A draft's due dates are proposals until it is signed, so nothing in it is overdue yet.
    overdue: agreement.signedOn === undefined ? 0 : overdueActions(agreement, today).length,
    percentDone: total === 0 ? 0 : Math.floor((done * 100) / total),
    state,
    ...(resolvedOn && state !== 'draft' ? { resolvedOn } : {}),
  };
}

export interface ActionUpdate {
  status: ActionStatus;
  evidenceNotes?: string;
  resolvedOn?: string;
}

function reparse(agreement: OutcomeAgreement): Decision<OutcomeAgreement> {
  const r = OutcomeAgreementSchema.safeParse(agreement);
  return r.success ? allow(r.data) : refuse(...[...new Set(r.error.issues.map((i) => i.message))]);
}

/** Record progress on one action. A resolved action may be reopened (evidence turned out wrong). */
export function updateAction(agreement: OutcomeAgreement, actionId: string, update: ActionUpdate, today: string): Decision<OutcomeAgreement> {
  const i = agreement.actions.findIndex((a) => a.id === actionId);
  const current = agreement.actions[i];
  if (!current) return refuse('That action is not in this agreement.');
  if (update.resolvedOn !== undefined && update.resolvedOn > today) return refuse('The date resolved cannot be in the future.');
  const { evidenceNotes: _e, resolvedOn: _r, ...base } = current;
  const next: AgreementAction = {
    ...base,
    status: update.status,
    ...(update.evidenceNotes !== undefined ? { evidenceNotes: update.evidenceNotes } : current.evidenceNotes !== undefined ? { evidenceNotes: current.evidenceNotes } : {}),
    ...(isResolved(update.status) && update.resolvedOn !== undefined ? { resolvedOn: update.resolvedOn } : {}),
  };
  return reparse({ ...agreement, actions: agreement.actions.map((a, j) => (j === i ? next : a)) });
}

export function addReview(agreement: OutcomeAgreement, review: MonitoringReview, today: string): Decision<OutcomeAgreement> {
  if (review.on > today) return refuse('A review cannot be dated in the future.');
  return reparse({ ...agreement, reviews: [...agreement.reviews, review] });
}
