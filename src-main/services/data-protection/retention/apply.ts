import type { AuditDraft } from '../../../domain/casebook/audit';
import { CaseSchema } from '../../../domain/cases/case';
import { anonymisedCase, anonymisedRow, attachmentRefsIn } from '../../../domain/data-protection/retention/anonymise-case';
import { RETENTION_REGISTER, type Proposal, type RetentionRegister, type Tombstone } from '../../../domain/data-protection/retention/register';
import { caseRetentionFacts } from '../../../domain/data-protection/retention/review';
import { CasebookError } from '../../../domain/shared/errors';
import { formatDate } from '../../../domain/time/dates';
import type { Store } from '../../../store/store';
import type { Casework } from '../../cases/context';
import { attachmentsNamedNowhereElse } from '../../casebook/attachment-users';
import { replaceBackups, type BackupsReplaced } from './backups';

/**
 * Carrying out a proposal that needs no (more) approval: keep writes the decision to the
 * register; anonymise and delete change the case, write its tombstone and the register in one
 * commit with the audit entries, then replace the backups (backups.ts).
 */
export interface Applied {
  message: string;
  backups?: BackupsReplaced;
}

/** The case's attachments that no other case, certificate, policy or health-check file names (the same file is stored once). */
function attachmentsOnlyIn(s: Store, caseId: string, refs: Set<string>): Promise<string[]> {
  return refs.size === 0 ? Promise.resolve([]) : attachmentsNamedNowhereElse(s, refs, { exceptCase: caseId });
}

function tombstoneOf(cw: Casework, p: Proposal, caseId: string, action: 'anonymise' | 'delete'): Tombstone {
  const row = cw.s.summaries.get(caseId);
  if (!row) throw new CasebookError('NOT_FOUND', `Case ${p.label} is no longer in the casebook.`);
  const facts = caseRetentionFacts(row);
  return {
    caseId,
    reference: row.reference,
    action,
    receivedOn: row.receivedOn,
    endedOn: facts?.endedOn ?? p.due,
    rule: p.rule,
    due: p.due,
    appliedOn: cw.today,
    proposedBy: p.proposedByName,
    ...(p.decidedByName ? { approvedBy: p.decidedByName } : {}),
  };
}

const attachmentsWord = (n: number) => (n === 1 ? 'its attachment' : `its ${n} attachments`);

export async function applyProposal(cw: Casework, reg: RetentionRegister, p: Proposal, drafts: AuditDraft[]): Promise<Applied> {
  const s = cw.s;
  const fields = [`action:${p.action}`, `rule:${p.rule}`];
  const entity = { type: p.record.kind === 'case' ? 'case' : p.record.kind, id: p.record.id };
  const all = [...drafts, s.draft('retention.apply', entity, fields)];
  const proposals = [...reg.proposals.filter((x) => x.id !== p.id), p];
  if (p.action === 'keep') {
    const until = p.until as string;
    const kept = { record: p.record, reason: p.reason, until, on: cw.today, by: p.proposedByName, ...(p.decidedByName ? { approvedBy: p.decidedByName } : {}) };
    await s.registers.save(RETENTION_REGISTER, { ...reg, proposals, kept: [...reg.kept, kept] }, all);
    return { message: `${p.label} is kept until ${formatDate(until)}, when it will be listed for review again.` };
  }
  if (p.record.kind !== 'case') throw new CasebookError('INVALID_INPUT', 'Only a case can be anonymised or deleted here; keep this record, or remove it where it is kept.');
  const caseId = p.record.id;
  const c = await s.readCase(caseId);
  const removed = await attachmentsOnlyIn(s, caseId, attachmentRefsIn(c));
  const tombstone = tombstoneOf(cw, p, caseId, p.action);
  const prepared = s.registers.prepare(RETENTION_REGISTER, { ...reg, proposals, tombstones: [...reg.tombstones, tombstone] });
  let message: string;
  if (p.action === 'anonymise') {
    const next = CaseSchema.parse(anonymisedCase(c, { now: cw.now, by: s.user.name, rule: p.rule }));
    const row = anonymisedRow(s.summaries.get(caseId)!, next);
    await s.saveCasesWith([next], all, { summarise: () => row, index: prepared.index, extra: [prepared.write], deletes: removed });
    message = `Case ${c.reference} was anonymised: names were replaced by each person's part, and contact details, dates of birth, addresses${removed.length === 0 ? ' and free text were' : `, free text and ${attachmentsWord(removed.length)} were`} removed. What the figures count was kept, so figures for past periods are unchanged.`;
  } else {
    await s.saveCasesWith([], all, { remove: [caseId], index: prepared.index, extra: [prepared.write], deletes: removed });
    message = `Case ${c.reference} was deleted${removed.length === 0 ? '' : ` with ${attachmentsWord(removed.length)}`}. A tombstone keeps its reference, dates, the rule applied and who approved it. The figures no longer count it, so figures for the periods it was in may change.`;
  }
  prepared.saved();
  const backups = await replaceBackups(s);
  return { message: `${message} ${backups.message}`, backups };
}
