import { create } from 'zustand';

/** Pages inside the unlocked app. No URL routing: the app is one window with no address bar. */
export type Page = 'home' | 'cases' | 'case' | 'new-referral' | 'calendar' | 'figures' | 'settings' | 'audit'
  // The staff register (issue 11): the service's compliance, one person's record, your own.
  | 'quality' | 'staff-record' | 'my-record'
  // Policies register and complaints log (issue 11).
  | 'policies' | 'complaints' | 'evidence-pack' | 'case-file-audit'
  // The health check, the RJC self-assessment (issue 12).
  | 'health-check'
  // Data protection (issue 13): a person across every case; subject access requests; the retention review.
  | 'find-person' | 'subject-access' | 'retention'
  // The day's work (issue 14): the team's caseload per facilitator, and reassigning cases.
  | 'team-caseload'
  // Team use (issue 16): fields changed two ways on two computers, for someone to choose.
  | 'changes-to-resolve'
  // Settings split by job (issue 14): 'settings' is the service's own; the others their own pages.
  | SettingsPage;

export const SETTINGS_PAGES = ['settings', 'settings-people', 'settings-staff', 'settings-venues', 'settings-backups', 'settings-team', 'settings-account'] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

export function isSettingsPage(p: Page): p is SettingsPage {
  return (SETTINGS_PAGES as readonly string[]).includes(p);
}

interface NavState {
  page: Page;
  caseId?: string;
  go(page: Page, caseId?: string): void;
  /** Open one case (the case view reads caseId). */
  openCase(id: string): void;
}

export const navInitial = { page: 'home' as Page, caseId: undefined };

export const useNav = create<NavState>()((set) => ({
  ...navInitial,
  go: (page, caseId) => set({ page, caseId }),
  openCase: (id) => set({ page: 'case', caseId: id }),
}));
