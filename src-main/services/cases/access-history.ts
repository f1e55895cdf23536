import { requireCapability } from '../../domain/access/capabilities';
import { caseAccessHistory, type CaseAccessHistory } from '../../domain/data-protection/case-access-history';
import { CasebookError } from '../../domain/shared/errors';
import type { Store } from '../../store/store';

/** Who opened, printed or exported a case, from the audit trail: administrators only, as the trail itself. */
export async function readCaseAccessHistory(s: Store, caseId: string): Promise<CaseAccessHistory> {
  requireCapability(s.user.role, 'read-case-access');
  if (!s.summaries.get(caseId)) throw new CasebookError('NOT_FOUND', 'There is no such case in this casebook.');
  const { entries } = await s.audit.readAll();
  return caseAccessHistory(entries, caseId);
}
