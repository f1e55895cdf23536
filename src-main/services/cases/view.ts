import { STAGES, summariseWith, type Case, type CaseSummary } from '../../domain/cases/case';
import { caseFacts, FACTS_VERSION, isEmptyFacts } from '../../domain/cases/case-facts';
import { consentSummary } from '../../domain/consent/consent';
import { deadlinesFor, nextDue, type Deadline } from '../../domain/cases/deadlines';
import { formatDate } from '../../domain/time/dates';
import { currentAssessment, riskStatus } from '../../domain/risk/risk';
import { HolidayDataRangeError } from '../../domain/time/working-days';
import { isEnded, isSensitive, readinessForProcess, takingPart } from '../../domain/cases/workflow-gates';
import type { CaseView } from '../../domain/cases/case-view';
import { gateContext, type Casework } from './context';
import type { CaseworkTemplates } from '../templates/loader';

/**
 * Deadlines need bank-holiday data for the referral's year and for today. A case from before
 * the data (an old import) simply has none (deadlinesFor leaves those out); when today is past
 * the data the deadlines cannot be worked out at all, and the case must still open, so they
 * are left off rather than failing the whole screen. (The data file names the years to add.)
 */
export function safeDeadlines(c: Case, today: string, t: CaseworkTemplates): Deadline[] {
  try {
    return deadlinesFor(c, today, t.holidays, t.deadlineRules);
  } catch (e) {
    if (e instanceof HolidayDataRangeError) return [];
    throw e;
  }
}

/** The summary row for the case list, with the earliest deadline still to be met. */
export function summaryRow(c: Case, today: string, t: CaseworkTemplates): CaseSummary {
  const deadlines = safeDeadlines(c, today, t);
  const due = nextDue(deadlines);
  const facts = caseFacts(c, deadlines);
  return summariseWith(c, { ...(due ? { nextDue: due } : {}), ...(isEmptyFacts(facts) ? {} : { facts }), factsVersion: FACTS_VERSION });
}

/** The process a case is heading for: chosen, or indirect when a risk assessment allows only that. */
function plannedKind(c: Case): 'direct' | 'indirect' {
  // A community conference is a meeting of the parties: the gates treat it as direct.
  if (c.processKind) return c.processKind === 'indirect' ? 'indirect' : 'direct';
  return takingPart(c).some((p) => currentAssessment(p)?.decision === 'indirect-only') ? 'indirect' : 'direct';
}

function processBlockers(c: Case, cw: Casework): string[] {
  if (isEnded(c)) {
    return [c.exit ? `This case ended (${c.exit.kind.replace('-', ' ')}) on ${formatDate(c.exit.on)}; reopen it, giving a reason, to continue.` : 'This case is closed.'];
  }
  // Once the process has started there is nothing left to block.
  if (STAGES.indexOf(c.stage) >= STAGES.indexOf('process')) return [];
  return readinessForProcess(c, gateContext(cw), plannedKind(c)).problems;
}

export function caseView(c: Case, cw: Casework): CaseView {
  const sensitive = isSensitive(c);
  const settings = cw.s.index.casework;
  return {
    case: c,
    deadlines: safeDeadlines(c, cw.today, cw.t),
    consent: Object.fromEntries(c.participants.map((p) => [p.id, consentSummary(p, cw.t.consentElements, cw.today)])),
    risk: Object.fromEntries(c.participants.map((p) => [p.id, riskStatus(p, sensitive, settings)])),
    processBlockers: processBlockers(c, cw),
  };
}
