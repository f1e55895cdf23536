import { countFeedback, satisfactionShares, satisfactionTally, type FiguresCase, type Period } from './figures';
import { PROCESS_TYPES, processTypeOf, type ProcessType, within } from './process-start';

/**
 * The breakdowns commissioners ask for beside the headline figures, each counted on the same
 * days as the figures (figures.ts): closures by the day closed, feedback by the day given,
 * referrals by the day received, cases "open in the period" as cases by stage are.
 */
export interface OutcomesByProcess {
  type: ProcessType;
  total: number;
  byOutcome: { outcome: string; count: number }[];
}

export const SATISFACTION_ROLES = ['harmed', 'responsible', 'other'] as const;
export type SatisfactionRole = (typeof SATISFACTION_ROLES)[number];
export const SATISFACTION_ROLE_LABELS: Record<SatisfactionRole, string> = {
  harmed: 'People harmed',
  responsible: 'People responsible',
  other: 'Others (supporters, parents and others)',
};

export interface RoleSatisfaction {
  role: SatisfactionRole;
  responses: number;
  answered: number;
  satisfied: number;
  satisfiedPercent: number | null;
  meanOverall: number | null;
}

export interface FacilitatorActivity {
  /** The lead facilitator's staff id as counted; "Practitioner 1", "Practitioner 2"… once labelled (commissioner.ts). */
  who: string;
  casesLed: number;
  meetingsHeld: number;
}

export interface Breakdowns {
  outcomesByProcess: OutcomesByProcess[];
  satisfactionByRole: RoleSatisfaction[];
  offenceCategories: { category: string; count: number }[];
  sensitive: { sensitive: number; notSensitive: number };
  facilitators: FacilitatorActivity[];
}

const byCount = <T extends { count: number }>(key: (x: T) => string) => (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b), 'en-GB');
const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

/** An offence category left blank is shown as such, not dropped: the total must still add up. */
export const NOT_RECORDED = 'Not recorded';

export function breakdownsOf(cases: readonly FiguresCase[], period: Period): Breakdowns {
  const inPeriod = within(period);
  const outcomes = new Map<ProcessType, Map<string, number>>(PROCESS_TYPES.map((t) => [t, new Map()]));
  const roles = new Map(SATISFACTION_ROLES.map((r) => [r, satisfactionTally()]));
  const offences = new Map<string, number>();
  const sensitive = { sensitive: 0, notSensitive: 0 };
  const led = new Map<string, number>();
  const held = new Map<string, number>();

  for (const c of cases) {
    if (c.closure && inPeriod(c.closure.closedOn)) bump(outcomes.get(processTypeOf(c)) as Map<string, number>, c.closure.outcome);
    if (inPeriod(c.referral.receivedOn)) {
      bump(offences, c.offenceCategory?.trim() || NOT_RECORDED);
      if (c.sensitive) sensitive.sensitive++;
      else sensitive.notSensitive++;
    }
    const ended = c.closure?.closedOn ?? c.exit?.on;
    // Cases led: open at some point in the period, as "cases by stage" counts them.
    if (c.leadFacilitatorId && c.referral.receivedOn <= period.to && (ended === undefined || ended >= period.from)) bump(led, c.leadFacilitatorId);
    for (const m of c.meetings) if (m.status === 'held' && m.leadFacilitatorId && inPeriod(m.date)) bump(held, m.leadFacilitatorId);
    for (const f of c.feedback) {
      if (!inPeriod(f.givenOn)) continue;
      countFeedback(roles.get(f.role === 'harmed' || f.role === 'responsible' ? f.role : 'other')!, f);
    }
  }

  const staff = new Set([...led.keys(), ...held.keys()]);
  return {
    outcomesByProcess: PROCESS_TYPES.map((type) => {
      const m = outcomes.get(type) as Map<string, number>;
      const byOutcome = [...m].map(([outcome, count]) => ({ outcome, count })).sort(byCount((x) => x.outcome));
      return { type, total: byOutcome.reduce((n, o) => n + o.count, 0), byOutcome };
    }),
    satisfactionByRole: SATISFACTION_ROLES.map((role) => {
      const r = roles.get(role)!;
      return { role, responses: r.responses, answered: r.answered, satisfied: r.satisfied, ...satisfactionShares(r) };
    }),
    offenceCategories: [...offences].map(([category, count]) => ({ category, count })).sort(byCount((x) => x.category)),
    sensitive,
    facilitators: [...staff]
      .map((who) => ({ who, casesLed: led.get(who) ?? 0, meetingsHeld: held.get(who) ?? 0 }))
      .sort((a, b) => b.casesLed - a.casesLed || b.meetingsHeld - a.meetingsHeld || a.who.localeCompare(b.who)),
  };
}
