import { z } from 'zod';
import type { FileWrite } from '../../store/journal';
import { CaseIdSchema, type Case } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import { applyCommand, WorkflowCommandSchema } from '../../domain/cases/workflow';
import type { CaseView } from '../../domain/cases/case-view';
import { changedFields } from './changed-fields';
import { workflowContext, type Casework } from './context';
import { fromZod, refused } from '../shared/errors';
import { MANAGERS, requireRole } from '../shared/permissions';
import { caseView, summaryRow } from './view';

const ApplyInputSchema = z.strictObject({ caseId: CaseIdSchema, revision: z.number().int().min(1), command: WorkflowCommandSchema });

export async function readCaseView(cw: Casework, id: unknown): Promise<CaseView> {
  const parsed = CaseIdSchema.safeParse(id);
  if (!parsed.success) throw fromZod(parsed.error, ['id']);
  return caseView(await cw.s.readCase(parsed.data), cw);
}

/**
 * One change to a case: the domain decides, this saves. The revision is the one the user was
 * looking at; if the case has moved on since (someone else saved it), nothing is applied,
 * because the user decided on what they saw. `extra` files (an attachment) go in the same commit.
 */
export async function applyCaseCommand(cw: Casework, input: unknown, extra: FileWrite[] = []): Promise<CaseView> {
  const parsed = ApplyInputSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { caseId, revision, command } = parsed.data;
  const s = cw.s;
  if (command.type === 'assign-team') requireRole(s, MANAGERS, 'choose the lead facilitator and co-facilitator of a case');
  // Coordinators close cases (product.md); facilitators record everything up to that point.
  if (command.type === 'close') requireRole(s, MANAGERS, 'close cases');
  const c: Case = await s.readCase(caseId);
  if (c.revision !== revision) {
    throw new CasebookError('CONFLICT', `Someone else changed this case since you opened it (it is now at revision ${c.revision}, you had ${revision}); reload it to see their changes, then make yours again.`);
  }
  const booksTime = command.type === 'schedule-meeting' || command.type === 'update-meeting' || command.type === 'set-meeting-status';
  const d = applyCommand(c, command, workflowContext(cw, booksTime ? c.id : undefined));
  if (!d.ok) throw refused(d, 'command');
  const next: Case = { ...d.value, revision: c.revision + 1 };
  const fields = changedFields(c, next);
  await s.saveCasesWith([next], [s.draft(`case.${command.type}`, { type: 'case', id: c.id }, fields)], { summarise: (x) => summaryRow(x, cw.today, cw.t), extra });
  return caseView(next, cw);
}
