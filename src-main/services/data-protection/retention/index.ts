import { requireCapability } from '../../../domain/access/capabilities';
import { retentionNeedsApproval } from '../../../domain/casebook/casework-settings';
import type { DecideRetentionInput, PendingProposal, ProposeRetentionInput, RetentionResult, RetentionReview, ReviewRetentionInput } from '../../../domain/data-protection/retention/contract';
import { retentionDue } from '../../../domain/data-protection/retention/due';
import { keptUntil, refKey, RETENTION_ACTION_LABELS, RETENTION_REGISTER, type Proposal, type RetentionRegister } from '../../../domain/data-protection/retention/register';
import { pendingProposals, reviewRetention } from '../../../domain/data-protection/retention/review';
import { CasebookError } from '../../../domain/shared/errors';
import { formatDate } from '../../../domain/time/dates';
import { newId } from '../../../store/ids';
import { caseworkOf, type Casework } from '../../cases/context';
import type { ServiceContext } from '../../shared/context';
import { invalidInput } from '../../shared/errors';
import { applyProposal } from './apply';
import { readRetention, reviewedThings } from './records';

/** Retention (issue 13), reached through `service.dataProtection`. */
export interface RetentionApi {
  reviewRetention(input: ReviewRetentionInput): Promise<RetentionReview>;
  /** Anonymise, delete or keep a record that is due: proposed for a second person when the setting asks, otherwise done at once. */
  proposeRetention(input: ProposeRetentionInput): Promise<RetentionResult>;
  /** A second person approves (and so carries out) or refuses a proposal; never the person who proposed it. */
  decideRetention(input: DecideRetentionInput): Promise<RetentionResult>;
}

const invalid = (path: string, message: string) => invalidInput([{ path, message }]);

function pendingView(p: Proposal, me: string): PendingProposal {
  return {
    id: p.id,
    record: p.record,
    label: p.label,
    action: p.action,
    reason: p.reason,
    ...(p.until ? { until: p.until } : {}),
    why: `Due ${formatDate(p.due)}`,
    proposedByName: p.proposedByName,
    proposedAt: p.proposedAt,
    canDecide: p.proposedBy !== me,
  };
}

async function review(cw: Casework, at: string): Promise<RetentionReview> {
  const s = cw.s;
  requireCapability(s.user.role, 'review-retention');
  const reg = await readRetention(s);
  const items = reviewRetention(await reviewedThings(s, reg), cw.t.retention, reg, at);
  const pending = pendingProposals(reg);
  // Keyed only when something is waiting: at 10,000 cases the keys cost more than the rest.
  const why = new Map(pending.length > 0 ? items.map((i) => [refKey(i.record), i.why]) : []);
  return {
    at,
    approvalNeeded: retentionNeedsApproval(s.index.casework),
    items,
    pending: pending.map((p) => ({ ...pendingView(p, s.user.id), why: why.get(refKey(p.record)) ?? `Due ${formatDate(p.due)}` })),
    recent: [...reg.tombstones].reverse().slice(0, 20),
  };
}

/** The record as the review sees it today: it must exist and be due. */
async function dueRecord(cw: Casework, reg: RetentionRegister, record: ProposeRetentionInput['record']) {
  const thing = (await reviewedThings(cw.s, reg)).find((t) => refKey(t.record) === refKey(record));
  if (!thing) throw new CasebookError('NOT_FOUND', 'That record is not one the retention schedule covers (still open, already anonymised, or no longer in the casebook). Reload the review.');
  const d = retentionDue(thing.facts, cw.t.retention, cw.today);
  const kept = keptUntil(reg).get(refKey(record));
  const due = kept && kept.until > d.due ? kept.until : d.due;
  if (cw.today < due) throw invalid('record', `${thing.label} is not due for review until ${formatDate(due)}.`);
  return { thing, kind: d.kind, due };
}

async function propose(cw: Casework, input: ProposeRetentionInput): Promise<RetentionResult> {
  const s = cw.s;
  requireCapability(s.user.role, 'apply-retention');
  const reg = await readRetention(s);
  const { thing, kind, due } = await dueRecord(cw, reg, input.record);
  if (input.action !== 'keep' && input.record.kind !== 'case') throw invalid('action', 'Only a case can be anonymised or deleted here: choose keep, or remove the record where it is kept.');
  if (input.until !== undefined && input.until <= cw.today) throw invalid('until', `Review again on must be after today (${formatDate(cw.today)}).`);
  const waiting = pendingProposals(reg).find((p) => refKey(p.record) === refKey(input.record));
  if (waiting) throw new CasebookError('CONFLICT', `${waiting.proposedByName} has already proposed to ${waiting.action} ${thing.label}: approve or refuse that first.`);
  const p: Proposal = {
    id: newId('rtp'),
    record: input.record,
    label: thing.label,
    action: input.action,
    reason: input.reason,
    ...(input.until ? { until: input.until } : {}),
    rule: kind,
    due,
    proposedBy: s.user.id,
    proposedByName: s.user.name,
    proposedAt: cw.now,
    status: 'pending',
  };
  const entity = { type: input.record.kind, id: input.record.id };
  const fields = [`action:${p.action}`, `rule:${p.rule}`];
  if (retentionNeedsApproval(s.index.casework)) {
    await s.registers.save(RETENTION_REGISTER, { ...reg, proposals: [...reg.proposals, p] }, [s.draft('retention.propose', entity, fields)]);
    return { outcome: 'proposed', action: p.action, label: p.label, message: `${RETENTION_ACTION_LABELS[p.action]} ${p.label}: proposed. A second person must approve it before anything changes: someone else who can apply retention signs in and approves it under Retention.` };
  }
  const done = await applyProposal(cw, reg, { ...p, status: 'approved' }, [s.draft('retention.propose', entity, fields)]);
  return { outcome: 'applied', action: p.action, label: p.label, message: done.message, ...(done.backups ? { backups: { removed: done.backups.removed, ...(done.backups.taken ? { taken: done.backups.taken } : {}) } } : {}) };
}

async function decide(cw: Casework, input: DecideRetentionInput): Promise<RetentionResult> {
  const s = cw.s;
  requireCapability(s.user.role, 'apply-retention');
  const reg = await readRetention(s);
  const p = reg.proposals.find((x) => x.id === input.proposalId);
  if (!p || p.status !== 'pending') throw new CasebookError('NOT_FOUND', 'That proposal is no longer waiting for a decision. Reload the review.');
  if (p.proposedBy === s.user.id) throw new CasebookError('FORBIDDEN', 'You proposed this, so someone else must approve or refuse it.');
  const decided: Proposal = { ...p, decidedBy: s.user.id, decidedByName: s.user.name, decidedAt: cw.now, status: input.decision === 'approve' ? 'approved' : 'refused', ...(input.refusal ? { refusal: input.refusal } : {}) };
  const entity = { type: p.record.kind, id: p.record.id };
  const fields = [`action:${p.action}`, `rule:${p.rule}`];
  if (input.decision === 'refuse') {
    await s.registers.save(RETENTION_REGISTER, { ...reg, proposals: reg.proposals.map((x) => (x.id === p.id ? decided : x)) }, [s.draft('retention.refuse', entity, fields)]);
    return { outcome: 'refused', action: p.action, label: p.label, message: `The proposal to ${p.action} ${p.label} was refused. Nothing was changed; it stays on the review list.` };
  }
  // Still due and still there (it may have been kept or changed since it was proposed).
  await dueRecord(cw, reg, p.record);
  const done = await applyProposal(cw, reg, decided, [s.draft('retention.approve', entity, fields)]);
  return { outcome: 'applied', action: p.action, label: p.label, message: done.message, ...(done.backups ? { backups: { removed: done.backups.removed, ...(done.backups.taken ? { taken: done.backups.taken } : {}) } } : {}) };
}

export function createRetention(ctx: ServiceContext): RetentionApi {
  const cw = () => caseworkOf(ctx.need(), ctx.templates);
  return {
    reviewRetention: (input) =>
      ctx.serial(async () => {
        const w = cw();
        return review(w, input.at ?? w.today);
      }),
    proposeRetention: (input) => ctx.serial(() => propose(cw(), input)),
    decideRetention: (input) => ctx.serial(() => decide(cw(), input)),
  };
}
