import { caseAccess, caseRefusal, seesEveryCase, type CaseViewer } from '../../domain/access/case-access';
import type { Case, CaseSummary } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import type { Store } from '../../store/store';
import { audit } from '../casebook/audit-entry';

/**
 * The one way the services reach cases on behalf of the person signed in (issue 13): lists
 * leave out the cases they may not see, and opening one they may not see is refused and
 * recorded ('case.refused'). The rule itself is domain/access/case-access.ts; a test
 * (tests/data-protection/case-access-paths.test.ts) checks no service reads a case file or the
 * case list for a person except through here or an allowed whole-casebook job.
 */
function viewerOf(s: Store): CaseViewer {
  // As the index lists them now: an administrator may have changed their role since they unlocked.
  const u = s.index.users.find((x) => x.id === s.user.id) ?? s.user;
  return { role: u.role, staffId: u.staffId };
}

/** The summary rows of the cases the person signed in may see. */
export function visibleRows(s: Store): CaseSummary[] {
  const all = s.summaries.all();
  const viewer = viewerOf(s);
  if (seesEveryCase(viewer)) return all;
  const settings = s.index.casework;
  return all.filter((r) => caseAccess(viewer, r, settings).ok);
}

/** Whether one row is visible to the person signed in (a list built from other rows). */
export function mayOpenRow(s: Store, row: CaseSummary): boolean {
  return caseAccess(viewerOf(s), row, s.index.casework).ok;
}

/**
 * Throws FORBIDDEN, after recording the attempt, unless the person may open the case. A case
 * that does not exist is left to readCase to say so.
 */
export async function mustMayOpen(s: Store, caseId: string): Promise<void> {
  const row = s.summaries.get(caseId);
  if (!row) return;
  const decided = caseAccess(viewerOf(s), row, s.index.casework);
  if (decided.ok) return;
  // The attempt is the record: which case, and why it was refused (never what was asked for).
  await audit(s, 'case.refused', { type: 'case', id: caseId }, [decided.reason]);
  throw new CasebookError('FORBIDDEN', caseRefusal(decided.reason));
}

/** The whole case, for the person signed in: refused (and recorded) unless they may see it. */
export async function openCase(s: Store, caseId: string): Promise<Case> {
  await mustMayOpen(s, caseId);
  return s.readCase(caseId);
}
