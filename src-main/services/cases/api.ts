import type { Case, CaseSummary } from '../../domain/cases/case';
import type { CaseView, CaseworkReference, DashboardView } from '../../domain/cases/case-view';
import type { CaseloadQuery } from '../../domain/cases/caseload';
import type { WorkflowCommand } from '../../domain/cases/workflow';
import type { CaseAccessHistory } from '../../domain/data-protection/case-access-history';

/**
 * Cases (one method per command of ipc/commands/cases.ts, but the list and the whole case,
 * which the casebook service answers). Reached as `service.cases`; every method that writes
 * runs in the service's one queue.
 */
export interface CasesApi {
  /** Lists, consent elements, risk factors, staff and settings for the forms; today in England and Wales. */
  getCaseworkReference(): CaseworkReference;
  getCaseView(id: string): Promise<CaseView>;
  /** One workflow command on the revision the user was looking at (CONFLICT if it moved on). */
  applyCaseCommand(input: { caseId: string; revision: number; command: WorkflowCommand }): Promise<CaseView>;
  queryCaseload(query: CaseloadQuery): { rows: CaseSummary[]; total: number };
  getDashboard(): DashboardView;
  /** Administrators: who opened, printed or exported the case, and when (issue 13). */
  getCaseAccessHistory(caseId: string): Promise<CaseAccessHistory>;
}

/** What the casebook service needs from cases besides the commands. */
export interface CasesInternals {
  /** Makes summary rows with each case's next due date (today read once), for every save of cases. */
  summariser(): (c: Case) => CaseSummary;
  /** Compute the case list's search keys after unlocking (in the background), so the first search is quick. */
  prime(): void;
}
