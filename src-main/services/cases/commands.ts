import type { FileWrite } from '../../store/journal';
import { type Case } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import { applyCommandMarked, type WorkflowCommand } from '../../domain/cases/workflow';
import type { CaseView } from '../../domain/cases/case-view';
import { changedFields } from './changed-fields';
import { workflowContext, type Casework } from './context';
import { refused } from '../shared/errors';
import { requireCapability } from '../../domain/access/capabilities';
import { caseView, summaryRow } from './view';
import { isAnonymised } from '../../domain/data-protection/retention/anonymise-case';
import { openCase } from './case-access';
import { recordCaseView } from './view-record';
import { audit } from '../casebook/audit-entry';

/** A case opened on screen: refused unless the person may see it, and recorded (view-record.ts). */
export async function readCaseView(cw: Casework, id: string): Promise<CaseView> {
  const c = await openCase(cw.s, id);
  await recordCaseView(cw.s, id);
  return caseView(c, cw);
}

/**
 * One change to a case: the domain decides, this saves. The revision is the one the user was
 * looking at; if the case has moved on since (someone else saved it), nothing is applied,
 * because the user decided on what they saw. `extra` files (an attachment) go in the same commit.
 */
export async function applyCaseCommand(cw: Casework, input: { caseId: string; revision: number; command: WorkflowCommand }, extra: FileWrite[] = []): Promise<CaseView> {
  const { caseId, revision, command } = input;
  const s = cw.s;
  requireCapability(s.user.role, 'change-cases');
  if (command.type === 'assign-team') requireCapability(s.user.role, 'assign-team');
  // Coordinators close cases (product.md); facilitators record everything up to that point.
  if (command.type === 'close') requireCapability(s.user.role, 'close-cases');
  // Who signs is who is signed in; recording for someone else is an administrator's explicit act.
  if ('onBehalfOf' in command && command.onBehalfOf !== undefined && command.onBehalfOf !== s.user.staffId) requireCapability(s.user.role, 'record-on-behalf');
  const c: Case = await openCase(s, caseId);
  // Its case-list row keeps the facts the figures count; saving what is left would work them out afresh.
  if (isAnonymised(c)) throw new CasebookError('CONFLICT', `Case ${c.reference} was anonymised under the retention schedule, so it cannot be changed.`);
  if (c.revision !== revision) {
    throw new CasebookError('CONFLICT', `Someone else changed this case since you opened it (it is now at revision ${c.revision}, you had ${revision}); reload it to see their changes, then make yours again.`);
  }
  const booksTime = command.type === 'schedule-meeting' || command.type === 'update-meeting' || command.type === 'set-meeting-status';
  const d = applyCommandMarked(c, command, workflowContext(cw, booksTime ? c.id : undefined));
  if (!d.ok) {
    // A safeguarding refusal (a sensitive case's assessor signing off their own assessment) is
    // kept in the trail although nothing changed: by field name, never by whom or why.
    if (d.marks?.length) await audit(s, `case.${command.type}.refused`, { type: 'case', id: c.id }, d.marks);
    throw refused(d, 'command');
  }
  const next: Case = { ...d.value.case, revision: c.revision + 1 };
  // Field names only; "on-behalf" and "self-sign-off" say how it was signed, never by whom.
  const fields = [...changedFields(c, next), ...d.value.auditMarks];
  await s.saveCasesWith([next], [s.draft(`case.${command.type}`, { type: 'case', id: c.id }, fields)], { summarise: (x) => summaryRow(x, cw.today, cw.t), extra });
  return caseView(next, cw);
}
