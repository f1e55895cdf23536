import { create } from 'zustand';

/** Pages inside the unlocked app. No URL routing: the app is one window with no address bar. */
export type Page = 'home' | 'cases' | 'case' | 'new-referral' | 'calendar' | 'figures' | 'settings' | 'audit'
  // The staff register (issue 11): the service's compliance, one person's record, your own.
  | 'quality' | 'staff-record' | 'my-record'
  // Policies register and complaints log (issue 11).
  | 'policies' | 'complaints' | 'evidence-pack'
  // The health check, the RJC self-assessment (issue 12).
  | 'health-check'
  // Data protection (issue 13): a person across every case.
  | 'find-person' | 'subject-access-bundle';

interface NavState {
  page: Page;
  caseId?: string;
  /** The subject access request whose bundle is open. */
  requestId?: string;
  go(page: Page, caseId?: string): void;
  /** Open the bundle of one subject access request. */
  openRequestBundle(id: string): void;
  /** Open one case (the case view reads caseId). */
  openCase(id: string): void;
}

export const navInitial = { page: 'home' as Page, caseId: undefined, requestId: undefined };

export const useNav = create<NavState>()((set) => ({
  ...navInitial,
  go: (page, caseId) => set({ page, caseId }),
  openCase: (id) => set({ page: 'case', caseId: id }),
  openRequestBundle: (id) => set({ page: 'subject-access-bundle', caseId: undefined, requestId: id }),
}));
