import { EXITS, STAGES } from '../cases/stages';
import { isCalendarDate } from '../time/dates';
import type { ActionStatus } from '../outcomes/agreement';
import { toCsv, type CsvValue } from '../shared/csv';
import { SATISFIED_FROM } from '../outcomes/feedback';
import type { MeetingKind, MeetingStatus } from '../conferences/meeting';

/**
 * Figures for any period, for the figures page, the CLI, the commissioner's report and the
 * evidence pack. Input is a minimal plain record per case, so the same code serves 10,000
 * stored cases and a hand-written test. Every count says which date puts an item in the period:
 *
 * - referrals: the day received;
 * - cases by stage / by exit: cases open at some point in the period (received by its end, not
 *   closed or exited before its start), by their stage or exit now;
 * - conferences held: conferences with status held, by meeting date;
 * - indirect processes: by the day the process started (its first log entry);
 * - agreements reached: by the day signed; agreements completed: every action done, by the day
 *   the last one was;
 * - satisfaction: feedback by the day given;
 * - working days referral → first contact and → first conference held: cases whose first
 *   contact (first held conference) fell in the period;
 * - complaints (from the complaints log, not the cases): received by the day received; of
 *   those, acknowledged late: after the 10-working-day deadline, or still not acknowledged
 *   once it has passed (domain/quality/complaints.ts);
 * - deadlines: those due in the period whose outcome is known (met, overdue or lapsed); met
 *   means met on or before the due date.
 */
export type FiguresDeadlineStatus = 'met' | 'due-soon' | 'overdue' | 'open' | 'lapsed';

export interface FiguresCase {
  referral: { receivedOn: string; source: string };
  stage: string;
  exit?: { kind: string; on: string };
  firstContactOn?: string;
  meetings: readonly { kind: MeetingKind; date: string; status: MeetingStatus; leadFacilitatorId?: string; participantIds?: readonly string[] }[];
  indirectProcess?: { startedOn: string };
  agreement?: { signedOn?: string; actions: readonly { status: ActionStatus; resolvedOn?: string }[] };
  closure?: { outcome: string; closedOn: string };
  feedback: readonly { givenOn: string; answers: { satisfiedWithOutcome?: number }; overall?: number; role?: string; equality?: Readonly<Record<string, string | undefined>> }[];
  deadlines: readonly { due: string; status: FiguresDeadlineStatus; late?: boolean; right?: 3 | 4 }[];
  // The rest is for the commissioner's breakdowns (breakdowns.ts and its neighbours, issue 15).
  offenceCategory?: string;
  sensitive?: boolean;
  leadFacilitatorId?: string;
  /** The first day each participant was given information about RJ. */
  rjInformedOn?: readonly string[];
  /** Participants taking part (not supporters or parents). */
  takingPart?: number;
  processKind?: 'direct' | 'indirect' | 'community';
}

export interface Period {
  from: string;
  to: string;
}

export interface Median {
  /** Cases measured. */
  cases: number;
  median: number | null;
  /** Cases left out because their working days could not be counted (dates outside the bank-holiday data). */
  uncounted: number;
}

export interface Figures {
  period: Period;
  referrals: { total: number; bySource: { source: string; count: number }[] };
  casesByStage: { stage: string; count: number }[];
  casesByExit: { exit: string; count: number }[];
  conferencesHeld: number;
  indirectProcesses: number;
  agreementsReached: number;
  agreementsCompleted: number;
  closuresByOutcome: { outcome: string; count: number }[];
  satisfaction: {
    responses: number;
    /** Responses that answered "I am satisfied with the outcome". */
    answered: number;
    satisfied: number;
    /** Per cent of those answering who agreed or strongly agreed, to one decimal place. */
    satisfiedPercent: number | null;
    overallAnswered: number;
    /** Mean of the 0–10 overall scores, to one decimal place. */
    meanOverall: number | null;
  };
  workingDays: { referralToFirstContact: Median; referralToConference: Median };
  deadlines: { decided: number; metOnTime: number; metPercent: number | null };
  /** From the complaints log, added by the service (computeFigures sees only cases). */
  complaints?: { received: number; acknowledgedLate: number };
}

/** The caller supplies working-day counting (working-days.ts with the bank-holiday data). */
export type WorkingDaysBetween = (a: string, b: string) => number;

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Feedback counted towards satisfaction (here and by role, breakdowns.ts). */
export interface SatisfactionTally {
  responses: number;
  answered: number;
  satisfied: number;
  overallAnswered: number;
  overallSum: number;
}
export const satisfactionTally = (): SatisfactionTally => ({ responses: 0, answered: 0, satisfied: 0, overallAnswered: 0, overallSum: 0 });

export function countFeedback(t: SatisfactionTally, f: FiguresCase['feedback'][number]): void {
  t.responses++;
  const s = f.answers.satisfiedWithOutcome;
  if (s !== undefined) {
    t.answered++;
    if (s >= SATISFIED_FROM) t.satisfied++;
  }
  if (f.overall !== undefined) {
    t.overallAnswered++;
    t.overallSum += f.overall;
  }
}

/** Per cent satisfied and the mean overall score, each to one decimal place, or null with nothing to count. */
export function satisfactionShares(t: SatisfactionTally): { satisfiedPercent: number | null; meanOverall: number | null } {
  return {
    satisfiedPercent: t.answered === 0 ? null : oneDecimal((t.satisfied * 100) / t.answered),
    meanOverall: t.overallAnswered === 0 ? null : oneDecimal(t.overallSum / t.overallAnswered),
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function tally(keys: Iterable<string>, order: readonly string[] = []): { key: string; count: number }[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

export function checkPeriod(p: Period): void {
  if (!isCalendarDate(p.from) || !isCalendarDate(p.to)) throw new RangeError('Enter the period as two real dates, YYYY-MM-DD, for example 2026-04-01 to 2027-03-31.');
  if (p.to < p.from) throw new RangeError('The end of the period is before its start: swap the dates.');
}

function measure(pairs: readonly [string, string][], between: WorkingDaysBetween): Median {
  const values: number[] = [];
  let uncounted = 0;
  for (const [a, b] of pairs) {
    try {
      values.push(between(a, b));
    } catch (e) {
      // One old imported case must not take the whole figures page down; it is counted apart.
      if (e instanceof RangeError) uncounted++;
      else throw e;
    }
  }
  return { cases: values.length, median: median(values), uncounted };
}

/** The day a signed agreement's last action was done, once every action is done. */
export function agreementCompletedOn(c: FiguresCase): string | undefined {
  const g = c.agreement;
  if (!g?.signedOn || g.actions.length === 0 || !g.actions.every((a) => a.status === 'done')) return undefined;
  return g.actions.reduce<string | undefined>((x, a) => (a.resolvedOn !== undefined && (x === undefined || a.resolvedOn > x) ? a.resolvedOn : x), undefined);
}

export function computeFigures(cases: readonly FiguresCase[], period: Period, workingDaysBetween: WorkingDaysBetween): Figures {
  checkPeriod(period);
  const inPeriod = (d: string | undefined): d is string => d !== undefined && d >= period.from && d <= period.to;

  const sources: string[] = [];
  const stages: string[] = [];
  const exits: string[] = [];
  const outcomes: string[] = [];
  const toFirstContact: [string, string][] = [];
  const toConference: [string, string][] = [];
  let conferencesHeld = 0;
  let indirectProcesses = 0;
  let agreementsReached = 0;
  let agreementsCompleted = 0;
  const sat = satisfactionTally();
  const dl = { decided: 0, metOnTime: 0 };

  for (const c of cases) {
    const received = c.referral.receivedOn;
    if (inPeriod(received)) sources.push(c.referral.source.trim());
    const ended = c.closure?.closedOn ?? c.exit?.on;
    if (received <= period.to && (ended === undefined || ended >= period.from)) {
      if (c.exit) exits.push(c.exit.kind);
      else stages.push(c.stage);
    }
    if (c.closure && inPeriod(c.closure.closedOn)) outcomes.push(c.closure.outcome);

    let firstConference: string | undefined;
    for (const m of c.meetings) {
      if (m.kind !== 'conference' || m.status !== 'held') continue;
      if (inPeriod(m.date)) conferencesHeld++;
      if (firstConference === undefined || m.date < firstConference) firstConference = m.date;
    }
    if (inPeriod(firstConference)) toConference.push([received, firstConference]);
    if (inPeriod(c.firstContactOn)) toFirstContact.push([received, c.firstContactOn]);
    if (inPeriod(c.indirectProcess?.startedOn)) indirectProcesses++;

    const g = c.agreement;
    if (g && inPeriod(g.signedOn)) agreementsReached++;
    if (inPeriod(agreementCompletedOn(c))) agreementsCompleted++;

    for (const f of c.feedback) {
      if (!inPeriod(f.givenOn)) continue;
      countFeedback(sat, f);
    }

    for (const d of c.deadlines) {
      if (!inPeriod(d.due) || (d.status !== 'met' && d.status !== 'overdue' && d.status !== 'lapsed')) continue;
      dl.decided++;
      if (d.status === 'met' && !d.late) dl.metOnTime++;
    }
  }

  return {
    period: { from: period.from, to: period.to },
    referrals: {
      total: sources.length,
      bySource: tally(sources)
        .map(({ key, count }) => ({ source: key, count }))
        .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source, 'en-GB')),
    },
    casesByStage: tally(stages, STAGES).map(({ key, count }) => ({ stage: key, count })),
    casesByExit: tally(exits, EXITS).map(({ key, count }) => ({ exit: key, count })),
    conferencesHeld,
    indirectProcesses,
    agreementsReached,
    agreementsCompleted,
    closuresByOutcome: tally(outcomes)
      .map(({ key, count }) => ({ outcome: key, count }))
      .sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome, 'en-GB')),
    satisfaction: {
      responses: sat.responses,
      answered: sat.answered,
      satisfied: sat.satisfied,
      satisfiedPercent: satisfactionShares(sat).satisfiedPercent,
      overallAnswered: sat.overallAnswered,
      meanOverall: satisfactionShares(sat).meanOverall,
    },
    workingDays: {
      referralToFirstContact: measure(toFirstContact, workingDaysBetween),
      referralToConference: measure(toConference, workingDaysBetween),
    },
    deadlines: { decided: dl.decided, metOnTime: dl.metOnTime, metPercent: dl.decided === 0 ? null : oneDecimal((dl.metOnTime * 100) / dl.decided) },
  };
}

/** Labels for stages, exits and outcomes in the CSV; ids are shown as they are when unknown. */
export interface FiguresLabels {
  stage?: (id: string) => string | undefined;
  exit?: (id: string) => string | undefined;
  outcome?: (id: string) => string | undefined;
}

/**
 * The figures as CSV with three columns, Figure, Breakdown and Value, one fact a row, so a
 * spreadsheet can filter them. Empty value: no data in the period.
 */
export function figuresToCsv(f: Figures, labels: FiguresLabels = {}): string {
  const rows: CsvValue[][] = [['Figure', 'Breakdown', 'Value']];
  const add = (figure: string, breakdown: string, value: CsvValue) => rows.push([figure, breakdown, value]);
  add('Period', 'From', f.period.from);
  add('Period', 'To', f.period.to);
  add('Referrals', 'Total', f.referrals.total);
  for (const s of f.referrals.bySource) add('Referrals by source', s.source, s.count);
  for (const s of f.casesByStage) add('Open cases by stage', labels.stage?.(s.stage) ?? s.stage, s.count);
  for (const e of f.casesByExit) add('Cases ended early', labels.exit?.(e.exit) ?? e.exit, e.count);
  add('Conferences held', '', f.conferencesHeld);
  add('Indirect processes started', '', f.indirectProcesses);
  add('Agreements reached', '', f.agreementsReached);
  add('Agreements completed', '', f.agreementsCompleted);
  for (const o of f.closuresByOutcome) add('Cases closed', labels.outcome?.(o.outcome) ?? o.outcome, o.count);
  add('Satisfaction', 'Feedback responses', f.satisfaction.responses);
  add('Satisfaction', 'Satisfied with the outcome (%)', f.satisfaction.satisfiedPercent);
  add('Satisfaction', 'Mean overall score (0 to 10)', f.satisfaction.meanOverall);
  add('Median working days', 'Referral to first contact', f.workingDays.referralToFirstContact.median);
  add('Median working days', 'Referral to conference', f.workingDays.referralToConference.median);
  add('Deadlines', 'Due in the period', f.deadlines.decided);
  add('Deadlines', 'Met on time', f.deadlines.metOnTime);
  add('Deadlines', 'Met on time (%)', f.deadlines.metPercent);
  if (f.complaints) {
    add('Complaints', 'Received', f.complaints.received);
    add('Complaints', 'Acknowledged late', f.complaints.acknowledgedLate);
  }
  return toCsv(rows);
}
