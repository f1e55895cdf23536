import { agreementCompletedOn, countFeedback, satisfactionShares, satisfactionTally, type Figures, type FiguresCase, type Period } from './figures';
import { timelinessOf } from './funnel';
import { monthKeys, previousPeriod, sameLastYear } from './periods';
import { processStartedOn, within } from './process-start';

/**
 * Trends and comparisons: referrals, processes and outcomes month by month over the period,
 * and the headline figures beside the same figures for the period just before and the same
 * period last year (periods.ts says how those are chosen).
 */
export interface MonthRow {
  /** YYYY-MM. A month the period only partly covers counts only its days in the period. */
  month: string;
  referrals: number;
  /** Cases whose restorative process started that month (first conference held or indirect process begun). */
  processes: number;
  /** Cases closed that month, whatever the outcome. */
  outcomes: number;
}

export function monthlyTrend(cases: readonly FiguresCase[], period: Period): MonthRow[] {
  const inPeriod = within(period);
  const rows = new Map(monthKeys(period).map((month) => [month, { month, referrals: 0, processes: 0, outcomes: 0 }]));
  const at = (d: string) => rows.get(d.slice(0, 7))!;
  for (const c of cases) {
    if (inPeriod(c.referral.receivedOn)) at(c.referral.receivedOn).referrals++;
    const started = processStartedOn(c);
    if (inPeriod(started)) at(started).processes++;
    if (c.closure && inPeriod(c.closure.closedOn)) at(c.closure.closedOn).outcomes++;
  }
  return [...rows.values()];
}

export const COMPARED = ['referrals', 'processes', 'conferencesHeld', 'indirectProcesses', 'agreementsReached', 'agreementsCompleted', 'casesClosed', 'satisfiedPercent', 'right3OnTimePercent', 'right4OnTimePercent'] as const;
export type ComparedFigure = (typeof COMPARED)[number];

export const COMPARED_LABELS: Record<ComparedFigure, string> = {
  referrals: 'Referrals received',
  processes: 'Processes started',
  conferencesHeld: 'Conferences held',
  indirectProcesses: 'Indirect processes started',
  agreementsReached: 'Agreements reached',
  agreementsCompleted: 'Agreements completed',
  casesClosed: 'Cases closed',
  satisfiedPercent: 'Satisfied with the outcome (%)',
  right3OnTimePercent: "Victims' Code right 3 on time (%)",
  right4OnTimePercent: "Victims' Code right 4 on time (%)",
};

export type Headline = Record<ComparedFigure, number | null>;

export interface Comparison {
  periods: { current: Period; previous: Period; lastYear: Period };
  rows: { figure: ComparedFigure; current: number | null; previous: number | null; lastYear: number | null }[];
}

/**
 * The compared figures for a period in one pass over the cases, counted by the same rules as
 * figures.ts (and funnel.ts for timeliness): the previous period and last year need only these,
 * not the full figures with their working-day medians, and a year at 10,000 cases is counted
 * three times for the report.
 */
export function headlineOf(cases: readonly FiguresCase[], period: Period, f?: Figures): Headline {
  const inPeriod = within(period);
  const h = { referrals: 0, processes: 0, conferencesHeld: 0, indirectProcesses: 0, agreementsReached: 0, agreementsCompleted: 0, casesClosed: 0 };
  const sat = satisfactionTally();
  for (const c of cases) {
    if (inPeriod(processStartedOn(c))) h.processes++;
    if (f) continue;
    if (inPeriod(c.referral.receivedOn)) h.referrals++;
    for (const m of c.meetings) if (m.kind === 'conference' && m.status === 'held' && inPeriod(m.date)) h.conferencesHeld++;
    if (inPeriod(c.indirectProcess?.startedOn)) h.indirectProcesses++;
    if (inPeriod(c.agreement?.signedOn)) h.agreementsReached++;
    if (inPeriod(agreementCompletedOn(c))) h.agreementsCompleted++;
    if (c.closure && inPeriod(c.closure.closedOn)) h.casesClosed++;
    for (const x of c.feedback) if (inPeriod(x.givenOn)) countFeedback(sat, x);
  }
  const [r3, r4] = timelinessOf(cases, period);
  const counted = f
    ? {
        referrals: f.referrals.total,
        conferencesHeld: f.conferencesHeld,
        indirectProcesses: f.indirectProcesses,
        agreementsReached: f.agreementsReached,
        agreementsCompleted: f.agreementsCompleted,
        casesClosed: f.closuresByOutcome.reduce((n, o) => n + o.count, 0),
        satisfiedPercent: f.satisfaction.satisfiedPercent,
      }
    : { ...h, satisfiedPercent: satisfactionShares(sat).satisfiedPercent };
  return { ...counted, processes: h.processes, right3OnTimePercent: r3?.onTimePercent ?? null, right4OnTimePercent: r4?.onTimePercent ?? null };
}

export function comparisonOf(cases: readonly FiguresCase[], current: Figures): Comparison {
  const period = current.period;
  const previous = previousPeriod(period);
  const lastYear = sameLastYear(period);
  const now = headlineOf(cases, period, current);
  const before = headlineOf(cases, previous);
  const year = headlineOf(cases, lastYear);
  return {
    periods: { current: period, previous, lastYear },
    rows: COMPARED.map((figure) => ({ figure, current: now[figure], previous: before[figure], lastYear: year[figure] })),
  };
}
