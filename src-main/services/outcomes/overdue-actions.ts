import type { CaseSummary } from '../../domain/cases/case';
import { isEndedRow } from '../../domain/cases/caseload';
import { factsOf } from '../cases/facts';

export interface OverdueActionsRow {
  caseId: string;
  reference: string;
  leadFacilitator?: string;
  /** Agreement actions past their due date and not yet resolved. */
  overdue: number;
  /** The earliest due date among them. */
  earliestDue: string;
}

/**
 * Cases whose signed agreement has actions past their due date (an action due today is not
 * yet overdue), earliest first, for the dashboard. From the case list: no case is opened.
 */
export function overdueActionRows(rows: readonly CaseSummary[], today: string): OverdueActionsRow[] {
  const out: OverdueActionsRow[] = [];
  for (const r of rows) {
    if (isEndedRow(r) || r.facts === undefined) continue;
    const g = factsOf(r)?.agreement;
    if (!g?.signedOn) continue;
    let overdue = 0;
    let earliest: string | undefined;
    for (const a of g.actions) {
      if (a.status === 'done' || a.status === 'not-done' || a.dueOn >= today) continue;
      overdue++;
      if (earliest === undefined || a.dueOn < earliest) earliest = a.dueOn;
    }
    if (earliest !== undefined) out.push({ caseId: r.id, reference: r.reference, ...(r.leadFacilitator ? { leadFacilitator: r.leadFacilitator } : {}), overdue, earliestDue: earliest });
  }
  return out.sort((a, b) => (a.earliestDue < b.earliestDue ? -1 : a.earliestDue > b.earliestDue ? 1 : a.reference.localeCompare(b.reference)));
}
