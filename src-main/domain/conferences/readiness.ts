import { displayName, type Case } from '../cases/case';
import { consentSummary } from '../consent/consent';
import type { Readiness } from './confirmation';
import { riskStatus } from '../risk/risk';
import { isSensitive } from '../cases/workflow-gates';
import type { ProcessContext } from '../cases/process-context';

/**
 * Consent and risk for everyone in the case, in the form the confirmation rule takes
 * (process/confirmation.ts): consent complete, and a risk assessment signed off by the right
 * person (risk.ts decides who that is for sensitive cases and high ratings).
 */
export function readinessOf(c: Case, ctx: Pick<ProcessContext, 'consentElements' | 'today' | 'settings'>): Readiness {
  const sensitive = isSensitive(c);
  const out: Record<string, { name: string; consentComplete: boolean; riskSignedOff: boolean }> = {};
  for (const p of c.participants) {
    out[p.id] = {
      name: displayName(p.person),
      consentComplete: consentSummary(p, ctx.consentElements, ctx.today).state === 'complete',
      riskSignedOff: riskStatus(p, sensitive, ctx.settings) === 'signed-off',
    };
  }
  return out;
}
