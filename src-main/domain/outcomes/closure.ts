import { z } from 'zod';
import { dateField, formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ParticipantIdSchema } from '../cases/participant-role';
import { StaffIdSchema } from '../staff/staff';
import { RECORDED_ON_BEHALF_FIELD, signedRecordSchemas } from '../staff/signer';
import { strictForm } from '../shared/strict-form';
import { requiredText } from '../shared/text';
import { agreementProgress, type OutcomeAgreement } from './agreement';
import { isActive, MEETING_KIND_LABELS, type Meeting } from '../conferences/meeting';

/**
 * Closing a case: how it ended, when, and a summary. The issue's six outcomes plus "declined",
 * which case.ts already has as an exit: a person who said no at the start neither withdrew
 * nor was unsuitable, and the figures should say so.
 */
export const CLOSURE_OUTCOMES = [
  'agreement-completed',
  'agreement-partly-completed',
  'completed-without-agreement',
  'withdrawn',
  'not-suitable',
  'no-contact',
  'declined',
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
export const CLOSURE_OUTCOME_LABELS: Record<ClosureOutcome, string> = {
  'agreement-completed': 'Agreement completed',
  'agreement-partly-completed': 'Agreement partly completed',
  'completed-without-agreement': 'Process completed without an agreement',
  withdrawn: 'Withdrawn',
  'not-suitable': 'Not suitable',
  'no-contact': 'No contact',
  declined: 'Declined',
};

/** Outcomes that are early exits, named as case.ts names them. */
export const EXIT_OUTCOMES = { withdrawn: 'withdrawn', 'not-suitable': 'not-suitable', 'no-contact': 'no-contact', declined: 'declined' } as const;

const closureFields = {
  outcome: z.enum(CLOSURE_OUTCOMES, { error: `Choose how the case ended: ${CLOSURE_OUTCOMES.join(', ')}` }),
  closedOn: dateField('Date closed'),
  summary: requiredText('Summary', 20_000),
  /** For a withdrawal: who withdrew. */
  withdrawnBy: ParticipantIdSchema.optional(),
};

function checkClosure(c: { withdrawnBy?: string | undefined; outcome: ClosureOutcome }, ctx: z.RefinementCtx): void {
  if (c.withdrawnBy !== undefined && c.outcome !== 'withdrawn') {
    ctx.addIssue({ code: 'custom', path: ['withdrawnBy'], message: 'Only a withdrawal names who withdrew: remove it, or choose "withdrawn"' });
  }
}

/** A closure as the form sends it (who closed the case is the signed-in person, signer.ts), and as the case keeps it, with closedBy. */
const closureSchemas = signedRecordSchemas(closureFields, 'closedBy', 'the closure', checkClosure);
export const ClosureInputSchema = closureSchemas.input;
export type ClosureInput = z.infer<typeof ClosureInputSchema>;
export const ClosureSchema = closureSchemas.stored;
export type Closure = z.infer<typeof ClosureSchema>;

/** Facts about the case that closing depends on, gathered by the service. */
export interface ClosureFacts {
  today: string;
  referralReceivedOn: string;
  agreement?: Pick<OutcomeAgreement, 'actions' | 'signedOn'>;
  meetings: readonly Pick<Meeting, 'kind' | 'date' | 'status'>[];
  /** Participant ids in the case, to check who withdrew. */
  participantIds: readonly string[];
}

/** Every reason this closure cannot be recorded, in plain English. */
export function closureProblems(c: Closure, facts: ClosureFacts): string[] {
  const out: string[] = [];
  if (c.closedOn < facts.referralReceivedOn) out.push(`The date closed is before the referral was received (${formatDate(facts.referralReceivedOn)}).`);
  if (c.closedOn > facts.today) out.push('The date closed cannot be in the future.');
  if (c.withdrawnBy !== undefined && !facts.participantIds.includes(c.withdrawnBy)) out.push('The person who withdrew is not in this case.');

  // Meetings still to come must be cancelled first, so nobody turns up to a closed case.
  for (const m of facts.meetings) {
    if (isActive(m) && m.status !== 'held') out.push(`Cancel or record the ${MEETING_KIND_LABELS[m.kind].toLowerCase()} on ${formatDate(m.date)} before closing.`);
  }
  const lastHeld = facts.meetings.filter((m) => m.status === 'held').reduce<string | undefined>((a, m) => (a === undefined || m.date > a ? m.date : a), undefined);
  if (lastHeld !== undefined && c.closedOn < lastHeld) out.push(`The date closed is before the last meeting held (${formatDate(lastHeld)}).`);

  const g = facts.agreement;
  const signed = g?.signedOn !== undefined ? g : undefined;
  const progress = signed ? agreementProgress(signed, facts.today) : undefined;
  if (signed?.signedOn && c.closedOn < signed.signedOn) out.push(`The date closed is before the agreement was signed (${formatDate(signed.signedOn)}).`);
  if (c.outcome === 'agreement-completed' || c.outcome === 'agreement-partly-completed') {
    if (!progress) out.push('There is no signed agreement: choose another outcome, or record the agreement first.');
    else if (progress.state === 'open') {
      // Named by number, as the agreement lists them and "Record progress on action 3" says.
      const open = (signed?.actions ?? []).flatMap((a, i) => (a.status === 'pending' || a.status === 'in-progress' ? [i + 1] : []));
      const listed = open.length === 1 ? `Action ${open[0]} is` : `Actions ${open.slice(0, -1).join(', ')} and ${open.at(-1)} are`;
      out.push(`${listed} still open: record whether ${open.length === 1 ? 'it was' : 'each was'} done before closing.`);
    } else if (progress.state === 'not-completed') {
      out.push('No action was done: choose "process completed without an agreement" or "withdrawn", and say what happened in the summary.');
    } else if (c.outcome === 'agreement-completed' && progress.state === 'partly-completed') out.push('Not every action was done: choose "agreement partly completed".');
    else if (c.outcome === 'agreement-partly-completed' && progress.state === 'completed') out.push('Every action was done: choose "agreement completed".');
    if (progress?.resolvedOn && c.closedOn < progress.resolvedOn) out.push(`The date closed is before the last action was resolved (${formatDate(progress.resolvedOn)}).`);
  }
  if (c.outcome === 'completed-without-agreement' && progress && progress.done > 0) {
    out.push('There is a signed agreement with actions done: choose "agreement completed" or "agreement partly completed".');
  }
  return out;
}

export function closeCase(input: unknown, facts: ClosureFacts): Decision<Closure> {
  const parsed = ClosureSchema.safeParse(input);
  if (!parsed.success) return refuse(...parsed.error.issues.map((i) => i.message));
  const problems = closureProblems(parsed.data, facts);
  return problems.length > 0 ? refuse(...problems) : allow(parsed.data);
}

/** What the outcome probably is, to preselect on the form; the coordinator decides. */
export function suggestOutcome(facts: Pick<ClosureFacts, 'agreement' | 'today'>): ClosureOutcome | undefined {
  if (!facts.agreement?.signedOn) return undefined;
  const s = agreementProgress(facts.agreement, facts.today).state;
  return s === 'completed' ? 'agreement-completed' : s === 'partly-completed' ? 'agreement-partly-completed' : undefined;
}

/** A closed case is read-only until reopened, with a reason, by someone on the staff list. */
export const ReopeningSchema = strictForm(
  {
    on: dateField('Date reopened'),
    reason: requiredText('Reason for reopening', 5_000),
    /** Who reopened it: the signed-in person (signer.ts). */
    by: StaffIdSchema,
    ...RECORDED_ON_BEHALF_FIELD,
  },
  'the reopening',
);
export type Reopening = z.infer<typeof ReopeningSchema>;

export function reopenCase(closure: Closure, input: unknown, today: string): Decision<Reopening> {
  const parsed = ReopeningSchema.safeParse(input);
  if (!parsed.success) return refuse(...parsed.error.issues.map((i) => i.message));
  const problems: string[] = [];
  if (parsed.data.on < closure.closedOn) problems.push(`The case was closed on ${formatDate(closure.closedOn)}: it cannot be reopened before that.`);
  if (parsed.data.on > today) problems.push('The date reopened cannot be in the future.');
  return problems.length > 0 ? refuse(...problems) : allow(parsed.data);
}
