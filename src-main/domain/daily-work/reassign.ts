import { z } from 'zod';
import { CaseIdSchema, type Case } from '../cases/case';
import type { WorkflowCommand } from '../cases/workflow';
import { StaffIdSchema, type StaffMember } from '../staff/staff';

/**
 * Reassigning several cases at once (issue 14), for example when a facilitator leaves: each
 * case gets a new lead through the case's own "assign team" step (so a sensitive case still
 * needs an Advanced practitioner, and a leaver cannot be given work), all or none.
 */
export const ReassignCasesInputSchema = z.strictObject({
  caseIds: z
    .array(CaseIdSchema)
    .min(1, { error: 'Choose at least one case to reassign' })
    .max(5_000, { error: 'Reassign at most 5,000 cases at a time' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'A case is chosen twice: choose each case once' }),
  toStaffId: StaffIdSchema,
});
export type ReassignCasesInput = z.infer<typeof ReassignCasesInputSchema>;

export const ReassignedSchema = z.strictObject({
  to: z.string().max(120),
  cases: z.array(z.strictObject({ caseId: CaseIdSchema, reference: z.string().max(40) })).max(5_000),
});
export type Reassigned = z.infer<typeof ReassignedSchema>;

/**
 * The step that gives the case its new lead, or why this case cannot take it. The co-facilitator
 * stays, unless it is the new lead (a case is not led and co-facilitated by the same person).
 */
export function reassignStep(c: Case, to: StaffMember): { ok: true; command: WorkflowCommand } | { ok: false; problem: string } {
  if (c.stage === 'closed' || c.exit !== undefined) return { ok: false, problem: `${c.reference} has ended: untick it (reopen the case first to change its team)` };
  if (c.leadFacilitatorId === to.id) return { ok: false, problem: `${to.name} already leads ${c.reference}: untick it` };
  return { ok: true, command: { type: 'assign-team', leadId: to.id, ...(c.coFacilitatorId === to.id ? { coFacilitatorId: null } : {}) } };
}
