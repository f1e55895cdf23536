import { useNav } from '../app/nav';
import { caseViewInitial, useCaseView, type CaseTab } from '../cases/case-view-state';

/** Open a case straight at the section where a task is done (Contacts, Risk, Agreement). */
export function openCaseAt(caseId: string, tab: CaseTab): void {
  useCaseView.setState({ ...caseViewInitial, caseId, tab, noticeKey: useCaseView.getState().noticeKey });
  useNav.getState().openCase(caseId);
}
