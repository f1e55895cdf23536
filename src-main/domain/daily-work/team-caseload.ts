import { z } from 'zod';
import { CaseIdSchema, type CaseSummary } from '../cases/case';
import { isEndedRow, isOverdueRow } from '../cases/caseload';
import { PRACTITIONER_LEVELS, StaffIdSchema, type StaffMember } from '../staff/staff';

/**
 * The team caseload (issue 14): for each facilitator, the open cases they lead or co-facilitate,
 * how many of those are sensitive and how many have a deadline overdue. From the case list's
 * rows: no case is opened. Staff who have left stay listed while they still hold open cases,
 * so a coordinator can see what to hand over.
 */
export const FacilitatorLoadSchema = z.strictObject({
  staffId: StaffIdSchema,
  name: z.string().max(120),
  level: z.enum(PRACTITIONER_LEVELS).optional(),
  active: z.boolean(),
  /** Open cases they lead. */
  leading: z.number().int().min(0),
  /** Open cases on which they are co-facilitator. */
  supporting: z.number().int().min(0),
  sensitive: z.number().int().min(0),
  overdue: z.number().int().min(0),
  /** The open cases they lead or co-facilitate (`role`), for reassigning (reference order). */
  cases: z.array(z.strictObject({ caseId: CaseIdSchema, reference: z.string().max(40), role: z.enum(['lead', 'co-facilitator']), sensitive: z.boolean(), overdue: z.boolean() })).max(20_000),
});
export type FacilitatorLoad = z.infer<typeof FacilitatorLoadSchema>;

export const TeamCaseloadSchema = z.strictObject({
  facilitators: z.array(FacilitatorLoadSchema).max(2_000),
  /** Open cases with no lead facilitator from the staff list. */
  unassigned: z.strictObject({ open: z.number().int().min(0), sensitive: z.number().int().min(0), overdue: z.number().int().min(0) }),
});
export type TeamCaseload = z.infer<typeof TeamCaseloadSchema>;

export function teamCaseload(rows: readonly CaseSummary[], staff: readonly StaffMember[], today: string): TeamCaseload {
  const byId = new Map<string, FacilitatorLoad>();
  for (const s of staff) {
    if (!s.level) continue;
    byId.set(s.id, { staffId: s.id, name: s.name, ...(s.level ? { level: s.level } : {}), active: s.active, leading: 0, supporting: 0, sensitive: 0, overdue: 0, cases: [] });
  }
  const unassigned = { open: 0, sensitive: 0, overdue: 0 };
  for (const r of rows) {
    if (isEndedRow(r)) continue;
    const overdue = isOverdueRow(r, today);
    const lead = r.leadFacilitatorId ? byId.get(r.leadFacilitatorId) : undefined;
    const co = r.coFacilitatorId ? byId.get(r.coFacilitatorId) : undefined;
    if (!lead) {
      unassigned.open++;
      if (r.sensitive) unassigned.sensitive++;
      if (overdue) unassigned.overdue++;
    }
    for (const f of [lead, co]) {
      if (!f) continue;
      if (f === lead) f.leading++;
      else f.supporting++;
      f.cases.push({ caseId: r.id, reference: r.reference, role: f === lead ? 'lead' : 'co-facilitator', sensitive: r.sensitive, overdue });
      if (r.sensitive) f.sensitive++;
      if (overdue) f.overdue++;
    }
  }
  const facilitators = [...byId.values()]
    .filter((f) => f.active || f.leading + f.supporting > 0)
    .map((f) => ({ ...f, cases: f.cases.sort((a, b) => a.reference.localeCompare(b.reference)) }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  return { facilitators, unassigned };
}
