import { primeCaseload } from '../../domain/cases/caseload';
import type { Case } from '../../domain/cases/case';
import { foldedRow } from '../referrals/referrals';
import type { ServiceContext } from '../shared/context';
import type { CasesApi, CasesInternals } from './api';
import { getDashboard, queryCaseload } from './caseload';
import { applyCaseCommand, readCaseView } from './commands';
import { caseworkOf } from './context';
import { summaryRow } from './view';
import { readCaseAccessHistory } from './access-history';

const PRIME_SLICE = 500;

export type { CasesApi, CasesInternals } from './api';

/**
 * Cases over the store the service holds and the data files loaded at start-up. Each call
 * reads the clock, the staff and the settings afresh.
 */
export function createCases(ctx: ServiceContext): { api: CasesApi; internals: CasesInternals } {
  const t = ctx.templates;
  const cw = () => caseworkOf(ctx.need(), t);
  const api: CasesApi = {
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
    getCaseView: (id) => readCaseView(cw(), id),
    applyCaseCommand: (input) => applyCaseCommand(cw(), input),
    queryCaseload: (q) => queryCaseload(cw(), q),
    getDashboard: () => getDashboard(cw()),
    getCaseAccessHistory: (caseId) => readCaseAccessHistory(ctx.need(), caseId),
  };
  const internals: CasesInternals = {
    summariser() {
      const today = cw().today;
      return (c: Case) => summaryRow(c, today, t);
    },
    prime() {
      // In slices between other work rather than all at once: at 10,000 rows with names in
      // many scripts this takes a few hundred milliseconds, which unlocking should not wait
      // for. A search that comes first computes the keys it needs itself.
      const s = ctx.need();
      const rows = s.summaries.all();
      let from = 0;
      const step = () => {
        if (ctx.current() !== s) return; // locked, or unlocked again: that unlock primes its own rows
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
