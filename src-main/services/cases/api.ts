import type { Case, CaseSummary } from '../../domain/cases/case';
import type { Dashboard, CaseloadQuery } from '../../domain/cases/caseload';
import type { CaseworkSettings } from '../../domain/casebook/casework-settings';
import type { DuplicateMatch, ReferralInput } from '../../domain/referrals/referral';
import type { StaffMember } from '../../domain/staff/staff';
import type { WorkflowCommand } from '../../domain/cases/workflow';
import type { CaseView, CaseworkReference } from '../../ipc/commands/cases';
import type { OverdueActionsRow } from '../outcomes/overdue-actions';

export type { CaseView, CaseworkReference };

/** A member of staff as a form sends it: without an id when they are new. */
export type StaffMemberInput = Omit<StaffMember, 'id'> & { id?: string | undefined };

/**
 * Casework use cases (issue 3), one method per IPC command of contract-casework.ts. Reached
 * as `service.casework`; every method that writes runs in the service's one queue.
 */
export interface CaseworkApi {
  /** Lists, consent elements, risk factors, staff and settings for the forms; today in England and Wales. */
  getCaseworkReference(): CaseworkReference;
  /** Coordinators and administrators; a new member gets an `s_` id. Returns the whole list. */
  saveStaffMember(input: StaffMemberInput): Promise<StaffMember[]>;
  /** Administrators only. Keys left out (or undefined) are unchanged. */
  updateCaseworkSettings(patch: Partial<CaseworkSettings>): Promise<CaseworkSettings>;
  /** Cases that may be the same people or the same offence; nothing is written. */
  checkReferralDuplicates(referral: ReferralInput): Promise<DuplicateMatch[]>;
  /** Refused with CONFLICT while there are possible duplicates the user has not seen. */
  createReferral(input: { referral: ReferralInput; duplicatesSeen: boolean }): Promise<CaseView>;
  getCaseView(id: string): Promise<CaseView>;
  /** One workflow command on the revision the user was looking at (CONFLICT if it moved on). */
  applyCaseCommand(input: { caseId: string; revision: number; command: WorkflowCommand }): Promise<CaseView>;
  queryCaseload(query: CaseloadQuery): { rows: CaseSummary[]; total: number };
  getDashboard(): Dashboard & { counts: { overdue: number; dueSoon: number; myCases: number }; overdueActions: { count: number; rows: OverdueActionsRow[] } };
}

/** What the service itself needs from casework besides the commands. */
export interface CaseworkInternals {
  /** Makes summary rows with each case's next due date (today read once), for every save of cases. */
  summariser(): (c: Case) => CaseSummary;
  /** Compute the case list's search keys after unlocking (in the background), so the first search is quick. */
  prime(): void;
}
