import { z } from 'zod';
import { CaseIdSchema, type Case } from '../cases/case';
import type { WorkflowCommand } from '../cases/workflow';
import { StaffIdSchema, type StaffMember } from '../staff/staff';

/**
 * Reassigning several cases at once (issue 14), for example when a facilitator leaves: the
 * person (`fromStaffId`) is replaced on each case, as lead or as co-facilitator, through the
 * case's own "assign team" step (so a sensitive case still needs an Advanced practitioner, and
 * a leaver cannot be given work), all or none. Without `fromStaffId`, each case gets a new lead.
 */
export const ReassignCasesInputSchema = z.strictObject({
  caseIds: z
    .array(CaseIdSchema)
    .min(1, { error: 'Choose at least one case to reassign' })
    .max(5_000, { error: 'Reassign at most 5,000 cases at a time' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'A case is chosen twice: choose each case once' }),
  toStaffId: StaffIdSchema,
  /** Who is being replaced: as lead where they lead, as co-facilitator where they co-facilitate. */
  fromStaffId: StaffIdSchema.optional(),
});
export type ReassignCasesInput = z.infer<typeof ReassignCasesInputSchema>;

export const ReassignedSchema = z.strictObject({
  to: z.string().max(120),
  cases: z.array(z.strictObject({ caseId: CaseIdSchema, reference: z.string().max(40) })).max(5_000),
});
export type Reassigned = z.infer<typeof ReassignedSchema>;

/**
 * The step that puts `to` in the place of the person replaced (`fromId`; without it, the lead),
 * or why this case cannot take it. Where the person leads, `to` leads and the co-facilitator
 * stays, unless it is `to` (a case is not led and co-facilitated by the same person). Where the
 * person co-facilitates, `to` co-facilitates, unless `to` already leads the case: then the
 * person simply comes off it, and `to` is not added a second time.
 */
export function reassignStep(c: Case, to: StaffMember, fromId?: string): { ok: true; command: WorkflowCommand } | { ok: false; problem: string } {
  if (c.stage === 'closed' || c.exit !== undefined) return { ok: false, problem: `${c.reference} has ended: untick it (reopen the case first to change its team)` };
  const asCo = fromId !== undefined && c.coFacilitatorId === fromId;
  if (fromId !== undefined && !asCo && c.leadFacilitatorId !== fromId) return { ok: false, problem: `${c.reference}'s team has changed since the caseload was counted: reload the caseload` };
  if (!asCo && c.leadFacilitatorId === to.id) return { ok: false, problem: `${to.name} already leads ${c.reference}: untick it` };
  return { ok: true, command: handOverCommand(c, asCo ? fromId : c.leadFacilitatorId, to.id) };
}

/**
 * The assign-team step that puts `toId` in the place `fromId` has on the case (lead, or else
 * co-facilitator). The same person cannot be both lead and co-facilitator, so where `toId`
 * already has the other place, the place given up is left empty. Used by reassigning and by
 * marking a leaver with a successor.
 */
export function handOverCommand(c: Pick<Case, 'leadFacilitatorId' | 'coFacilitatorId'>, fromId: string | undefined, toId: string): WorkflowCommand {
  if (c.leadFacilitatorId === fromId) return { type: 'assign-team', leadId: toId, ...(c.coFacilitatorId === toId ? { coFacilitatorId: null } : {}) };
  return { type: 'assign-team', coFacilitatorId: c.leadFacilitatorId === toId ? null : toId };
}
