import { summarise, type Case } from '../../../src-main/domain/cases/case';
import { teamCaseload } from '../../../src-main/domain/daily-work/team-caseload';
import { CasebookError } from '../../../src-main/domain/shared/errors';
import type { StaffMember } from '../../../src-main/domain/staff/staff';
import type { CasebookService } from '../../../src-main/services/casebook/api';

/**
 * The team caseload and reassigning as the CLI sees them: counted from the fake store's cases
 * with the real rule, and a reassignment applied to every case named (the refusals are the
 * real service's, tested in tests/daily-work).
 */
export function fakeDailyWork(need: () => { s: { cases: Map<string, Case>; audit: string[] } }, staff: () => readonly StaffMember[]): Pick<CasebookService['dailyWork'], 'getTeamCaseload' | 'reassignCases'> {
  return {
    async getTeamCaseload() {
      const { s } = need();
      return teamCaseload([...s.cases.values()].map(summarise), staff(), '2026-03-16');
    },
    async reassignCases(i) {
      const { s } = need();
      const to = staff().find((m) => m.id === i.toStaffId);
      if (!to) throw new CasebookError('INVALID_INPUT', 'Choose someone on the staff list to give the cases to');
      const cases = i.caseIds.map((id) => s.cases.get(id)!);
      for (const c of cases) {
        const asCo = i.fromStaffId !== undefined && c.coFacilitatorId === i.fromStaffId;
        s.cases.set(c.id, asCo ? { ...c, coFacilitatorId: to.id, revision: c.revision + 1 } : { ...c, leadFacilitatorId: to.id, leadFacilitator: to.name, revision: c.revision + 1 });
        s.audit.push(`case.reassign ${c.id}`);
      }
      return { to: to.name, cases: cases.map((c) => ({ caseId: c.id, reference: c.reference })) };
    },
  };
}
