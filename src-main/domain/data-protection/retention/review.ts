import type { CaseSummary } from '../../cases/case';
import { formatDate } from '../../time/dates';
import { dayNumber } from '../../time/dates';
import { dueUnder, type CaseRetentionFacts, type RetentionDue, type RetentionFacts } from './due';
import { keptUntil, refKey, type Kept, type Proposal, type RecordRef, type RetentionAction, type RetentionRegister } from './register';
import type { RecordKind, RetentionRules } from './rules';

/**
 * The retention review: every record whose period has passed on the day asked about, with the
 * rule and why, from the case list rows and the registers alone, so a casebook of 10,000 cases
 * is reviewed without opening a case file. A record kept longer is listed again from its next
 * review date; a case already anonymised is not listed again.
 */
export interface ReviewedThing {
  record: RecordRef;
  label: string;
  facts: RetentionFacts;
}

export interface ReviewItem {
  record: RecordRef;
  label: string;
  kind: RecordKind;
  ruleLabel: string;
  due: string;
  /** Whole days since it fell due (0 on the day). */
  daysOverdue: number;
  why: string;
  /** What can be done with it: cases can be anonymised or deleted, every record kept. */
  actions: RetentionAction[];
  /** Set when someone has already proposed what to do. */
  pending?: { id: string; action: RetentionAction; proposedByName: string };
}

const STAGES_BEFORE_CASE = new Set(['referral', 'screening']);

/**
 * Each row's thing and due date, remembered for as long as the row object lives (rows are
 * replaced, never changed, when a case is saved), as the case list does with its sort keys:
 * working out 10,000 due dates and reasons afresh on every review would be most of its cost.
 */
const rowThings = new WeakMap<CaseSummary, ReviewedThing | null>();
const dues = new WeakMap<RetentionFacts, { rules: RetentionRules; due: Omit<RetentionDue, 'isDue'>; day: number }>();

function dueOf(f: RetentionFacts, rules: RetentionRules): { due: Omit<RetentionDue, 'isDue'>; day: number } {
  let d = dues.get(f);
  if (!d || d.rules !== rules) {
    const due = dueUnder(f, rules);
    d = { rules, due, day: dayNumber(due.due) };
    dues.set(f, d);
  }
  return d;
}

function closureOf(facts: unknown): { closedOn?: string; exitOn?: string } {
  if (typeof facts !== 'object' || facts === null) return {};
  const f = facts as { closure?: { closedOn?: unknown }; exitOn?: unknown };
  const closedOn = typeof f.closure?.closedOn === 'string' ? f.closure.closedOn : undefined;
  const exitOn = typeof f.exitOn === 'string' ? f.exitOn : undefined;
  return { ...(closedOn ? { closedOn } : {}), ...(exitOn ? { exitOn } : {}) };
}

/** A case's retention facts from its row; undefined while it is still open. */
export function caseRetentionFacts(row: CaseSummary): CaseRetentionFacts | undefined {
  const exited = row.exit !== undefined;
  if (!exited && row.stage !== 'closed') return undefined;
  const { closedOn, exitOn } = closureOf(row.facts);
  // A case that ended without a recorded day (rows from before the process facts) counts from its last change.
  const endedOn = (exited ? (exitOn ?? closedOn) : (closedOn ?? exitOn)) ?? row.updatedAt.slice(0, 10);
  const datesOfBirth: string[] = [];
  for (const p of row.people ?? []) if (p.dateOfBirth) datesOfBirth.push(p.dateOfBirth);
  return { record: 'case', endedOn, exited, atReferral: exited && STAGES_BEFORE_CASE.has(row.stage), receivedOn: row.receivedOn, outOfCourt: row.cjsStage === undefined ? undefined : row.cjsStage === 'out-of-court', datesOfBirth };
}

export function caseThings(rows: readonly CaseSummary[], anonymised: ReadonlySet<string>): ReviewedThing[] {
  const out: ReviewedThing[] = [];
  for (const row of rows) {
    if (anonymised.has(row.id)) continue;
    let thing = rowThings.get(row);
    if (thing === undefined) {
      const facts = caseRetentionFacts(row);
      thing = facts ? { record: { kind: 'case', id: row.id }, label: row.reference, facts } : null;
      rowThings.set(row, thing);
    }
    if (thing) out.push(thing);
  }
  return out;
}

/** Case ids already anonymised (deleted ones are not in the case list any more). */
export function anonymisedCases(reg: RetentionRegister): Set<string> {
  return new Set(reg.tombstones.filter((t) => t.action === 'anonymise').map((t) => t.caseId));
}

export function pendingProposals(reg: RetentionRegister): Proposal[] {
  return reg.proposals.filter((p) => p.status === 'pending');
}

export function reviewRetention(things: readonly ReviewedThing[], rules: RetentionRules, reg: RetentionRegister, at: string): ReviewItem[] {
  const kept = keptUntil(reg);
  const pending = new Map<string, Proposal>();
  for (const p of pendingProposals(reg)) pending.set(refKey(p.record), p);
  const today = dayNumber(at);
  const out: ReviewItem[] = [];
  for (const t of things) {
    const { due: d, day } = dueOf(t.facts, rules);
    // Most records have neither a keep nor a proposal: no key is made for them unless there are some.
    const key = kept.size + pending.size > 0 ? refKey(t.record) : '';
    const keep: Kept | undefined = kept.get(key);
    let due = d.due;
    let dueDay = day;
    let why = d.why;
    if (keep && keep.until > due) {
      due = keep.until;
      dueDay = dayNumber(due);
      why = `${d.why}; kept on ${formatDate(keep.on)} until ${formatDate(keep.until)}`;
    }
    if (today < dueDay) continue;
    const p = pending.get(key);
    out.push({
      record: t.record,
      label: t.label,
      kind: d.kind,
      ruleLabel: d.rule.label,
      due,
      daysOverdue: today - dueDay,
      why,
      actions: t.record.kind === 'case' ? ['anonymise', 'delete', 'keep'] : ['keep'],
      ...(p ? { pending: { id: p.id, action: p.action, proposedByName: p.proposedByName } } : {}),
    });
  }
  // Longest overdue first; then by label so the order is stable.
  return out.sort((a, b) => (a.due !== b.due ? (a.due < b.due ? -1 : 1) : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
