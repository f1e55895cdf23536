import { primeCaseload } from '../../domain/cases/caseload';
import type { Case } from '../../domain/cases/case';
import type { ReferralInput } from '../../domain/referrals/referral';
import type { Store } from '../../store/store';
import type { CaseworkTemplates } from '../templates/loader';
import type { CaseworkApi, CaseworkInternals } from './api';
import { getDashboard, queryCaseload } from './caseload';
import { applyCaseCommand, readCaseView } from './commands';
import { caseworkOf } from './context';
import { createReferral, findDuplicates, foldedRow, parseReferral } from '../referrals/referrals';
import { CASEWORKERS, requireRole } from '../shared/permissions';
import { saveStaffMember, updateCaseworkSettings } from '../staff/staff';
import { summaryRow } from './view';

const PRIME_SLICE = 500;

export type { CaseworkApi, CaseworkInternals, CaseView, CaseworkReference, StaffMemberInput } from './api';

/**
 * Casework over the store the service holds (`need` throws LOCKED when there is none) and the
 * data files loaded at start-up. Each call reads the clock, the staff and the settings afresh.
 */
export function createCasework(need: () => Store, t: CaseworkTemplates): { api: CaseworkApi; internals: CaseworkInternals } {
  const cw = () => caseworkOf(need(), t);
  const current = (): Store | undefined => {
    try {
      return need();
    } catch {
      return undefined;
    }
  };
  const api: CaseworkApi = {
    getCaseworkReference() {
      const c = cw();
      return {
        lists: t.lists,
        consentElements: t.consentElements,
        riskFactors: t.riskFactors,
        staff: c.s.index.staff,
        settings: c.s.index.casework,
        venues: c.s.index.venues,
        conferences: t.conferences,
        today: c.today,
      };
    },
    saveStaffMember: (input) => saveStaffMember(cw(), input),
    updateCaseworkSettings: (patch) => updateCaseworkSettings(cw(), patch),
    async checkReferralDuplicates(referral: ReferralInput) {
      const c = cw();
      requireRole(c.s, CASEWORKERS, 'take referrals');
      return findDuplicates(c, parseReferral(c, referral));
    },
    async createReferral(input) {
      const c = cw();
      requireRole(c.s, CASEWORKERS, 'take referrals');
      return createReferral(c, input);
    },
    getCaseView: (id) => readCaseView(cw(), id),
    async applyCaseCommand(input) {
      const c = cw();
      requireRole(c.s, CASEWORKERS, 'change cases');
      return applyCaseCommand(c, input);
    },
    queryCaseload: (q) => queryCaseload(cw(), q),
    getDashboard: () => getDashboard(cw()),
  };
  const internals: CaseworkInternals = {
    summariser() {
      const today = cw().today;
      return (c: Case) => summaryRow(c, today, t);
    },
    prime() {
      // In slices between other work rather than all at once: at 10,000 rows with names in
      // many scripts this takes a few hundred milliseconds, which unlocking should not wait
      // for. A search that comes first computes the keys it needs itself.
      const s = need();
      const rows = s.summaries.all();
      let from = 0;
      const step = () => {
        if (current() !== s) return; // locked, or unlocked again: that unlock primes its own rows
        const slice = rows.slice(from, from + PRIME_SLICE);
        primeCaseload(slice);
        for (const r of slice) foldedRow(r);
        from += PRIME_SLICE;
        if (from < rows.length) setImmediate(step).unref();
      };
      setImmediate(step).unref();
    },
  };
  return { api, internals };
}
