import { describe, expect, it } from 'vitest';
import { calendarFrom, standardBankHolidays } from '../../src-main/domain/time/bank-holidays';
import { addDays, dayOfWeek } from '../../src-main/domain/time/dates';
import { computeFigures, figuresToCsv, median, type FiguresCase } from '../../src-main/domain/figures/figures';
import { workingDaysBetween } from '../../src-main/domain/time/working-days';

/** Monday to Friday after a, up to and including b: simple enough to count by hand. */
function weekdaysBetween(a: string, b: string): number {
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6) n++;
  return n;
}

const base = (over: Partial<FiguresCase>): FiguresCase => ({ referral: { receivedOn: '2026-04-01', source: 'Police' }, stage: 'referral', meetings: [], feedback: [], deadlines: [], ...over });

/** Seven cases; every expected number below is counted by hand in the comments. */
const cases: FiguresCase[] = [
  // A: referred before the period, first contact in it (2 weekdays), conference 20 April (15 weekdays), agreement completed 10 June.
  base({
    referral: { receivedOn: '2026-03-30', source: 'Police' },
    stage: 'closed',
    firstContactOn: '2026-04-01',
    meetings: [
      { kind: 'preparation', date: '2026-04-10', status: 'held' },
      { kind: 'conference', date: '2026-04-20', status: 'held' },
    ],
    agreement: { signedOn: '2026-04-20', actions: [{ status: 'done', resolvedOn: '2026-05-01' }, { status: 'done', resolvedOn: '2026-06-10' }] },
    closure: { outcome: 'agreement-completed', closedOn: '2026-06-20' },
    feedback: [
      { givenOn: '2026-06-25', answers: { satisfiedWithOutcome: 5 }, overall: 10 },
      { givenOn: '2026-06-26', answers: { satisfiedWithOutcome: 4 }, overall: 8 },
    ],
    deadlines: [
      { due: '2026-04-01', status: 'met' },
      { due: '2026-03-31', status: 'met' },
    ],
  }),
  // B: indirect process; first contact 5 weekdays; agreement signed, not complete; one deadline met late, one still open.
  base({
    referral: { receivedOn: '2026-04-07', source: 'Victim services' },
    stage: 'process',
    firstContactOn: '2026-04-14',
    indirectProcess: { startedOn: '2026-05-05' },
    meetings: [{ kind: 'conference', date: '2026-05-20', status: 'cancelled' }],
    agreement: { signedOn: '2026-06-01', actions: [{ status: 'done', resolvedOn: '2026-06-15' }, { status: 'pending' }] },
    deadlines: [
      { due: '2026-04-09', status: 'met', late: true },
      { due: '2026-06-30', status: 'open' },
    ],
  }),
  // C: withdrew; one overdue and one lapsed deadline; feedback with only an overall score.
  base({
    referral: { receivedOn: '2026-05-15', source: 'Police' },
    stage: 'contact',
    exit: { kind: 'withdrawn', on: '2026-06-01' },
    feedback: [{ givenOn: '2026-06-02', answers: {}, overall: 5 }],
    deadlines: [
      { due: '2026-05-19', status: 'overdue' },
      { due: '2026-05-22', status: 'lapsed' },
    ],
  }),
  // D: after the period: counts nowhere.
  base({
    referral: { receivedOn: '2026-07-02', source: 'Court' },
    meetings: [{ kind: 'conference', date: '2026-07-10', status: 'held' }],
    feedback: [{ givenOn: '2026-07-15', answers: { satisfiedWithOutcome: 1 }, overall: 0 }],
  }),
  // E: closed before the period: not open in it.
  base({ referral: { receivedOn: '2025-12-01', source: 'Probation' }, stage: 'closed', closure: { outcome: 'no-contact', closedOn: '2026-03-15' } }),
  // F: a hostile source label, received and contacted on the last day (0 working days).
  base({ referral: { receivedOn: '2026-06-30', source: '=HYPERLINK("http://example.invalid","x")' }, firstContactOn: '2026-06-30' }),
  // G: "Police " (trimmed); first contact 2 weekdays; conferences 4 May (first: 23 weekdays) and 30 June.
  base({
    referral: { receivedOn: '2026-04-01', source: 'Police ' },
    stage: 'monitoring',
    firstContactOn: '2026-04-03',
    meetings: [
      { kind: 'conference', date: '2026-06-30', status: 'held' },
      { kind: 'conference', date: '2026-05-04', status: 'held' },
    ],
    feedback: [{ givenOn: '2026-05-05', answers: { satisfiedWithOutcome: 2 }, overall: 3 }],
  }),
];

const period = { from: '2026-04-01', to: '2026-06-30' };

describe('computeFigures', () => {
  const f = computeFigures(cases, period, weekdaysBetween);

  it('counts referrals by source, received in the period', () => {
    expect(f.referrals).toEqual({
      total: 4,
      bySource: [
        { source: 'Police', count: 2 },
        { source: '=HYPERLINK("http://example.invalid","x")', count: 1 },
        { source: 'Victim services', count: 1 },
      ],
    });
  });

  it('counts cases open in the period by stage and by exit', () => {
    expect(f.casesByStage.filter((s) => s.count > 0)).toEqual([
      { stage: 'referral', count: 1 },
      { stage: 'process', count: 1 },
      { stage: 'monitoring', count: 1 },
      { stage: 'closed', count: 1 },
    ]);
    expect(f.casesByStage).toHaveLength(10);
    expect(f.casesByExit).toEqual([
      { exit: 'withdrawn', count: 1 },
      { exit: 'not-suitable', count: 0 },
      { exit: 'no-contact', count: 0 },
      { exit: 'declined', count: 0 },
    ]);
  });

  it('counts conferences, indirect processes, agreements and closures', () => {
    expect(f.conferencesHeld).toBe(3);
    expect(f.indirectProcesses).toBe(1);
    expect(f.agreementsReached).toBe(2);
    expect(f.agreementsCompleted).toBe(1);
    expect(f.closuresByOutcome).toEqual([{ outcome: 'agreement-completed', count: 1 }]);
  });

  it('measures satisfaction: 2 of 3 satisfied, overall mean 26 / 4', () => {
    expect(f.satisfaction).toEqual({ responses: 4, answered: 3, satisfied: 2, satisfiedPercent: 66.7, overallAnswered: 4, meanOverall: 6.5 });
  });

  it('takes medians of working days: (2 + 2) / 2 to first contact, (15 + 23) / 2 to conference', () => {
    expect(f.workingDays.referralToFirstContact).toEqual({ cases: 4, median: 2, uncounted: 0 });
    expect(f.workingDays.referralToConference).toEqual({ cases: 2, median: 19, uncounted: 0 });
  });

  it('shares deadlines met on time: 1 of 4 decided', () => {
    expect(f.deadlines).toEqual({ decided: 4, metOnTime: 1, metPercent: 25 });
  });

  it('uses the real working-day calendar when given it (Good Friday, Easter Monday, early May)', () => {
    const holidays = calendarFrom({ firstYear: 2026, lastYear: 2026, events: standardBankHolidays(2026) });
    const real = computeFigures(cases, period, (a, b) => workingDaysBetween(a, b, holidays));
    // First contact: A 2, B 5, F 0, G 1 (3 April is Good Friday) → median 1.5.
    expect(real.workingDays.referralToFirstContact.median).toBe(1.5);
    // Conference: A 13, G 20 → 16.5.
    expect(real.workingDays.referralToConference.median).toBe(16.5);
  });

  it('counts apart cases whose working days cannot be counted', () => {
    const holidays = calendarFrom({ firstYear: 2026, lastYear: 2026, events: standardBankHolidays(2026) });
    const r = computeFigures(cases, period, (a, b) => workingDaysBetween(a, b, holidays));
    expect(r.workingDays.referralToFirstContact.uncounted).toBe(0);
    const old = computeFigures([base({ referral: { receivedOn: '2025-12-30', source: 'Police' }, firstContactOn: '2026-04-02' })], period, (a, b) => workingDaysBetween(a, b, holidays));
    expect(old.workingDays.referralToFirstContact).toEqual({ cases: 0, median: null, uncounted: 1 });
  });

  it('gives zeros and nulls for an empty period', () => {
    const e = computeFigures([], period, weekdaysBetween);
    expect(e.referrals.total).toBe(0);
    expect(e.satisfaction.satisfiedPercent).toBeNull();
    expect(e.satisfaction.meanOverall).toBeNull();
    expect(e.workingDays.referralToConference.median).toBeNull();
    expect(e.deadlines.metPercent).toBeNull();
  });

  it('refuses a period that is not real or runs backwards', () => {
    expect(() => computeFigures([], { from: '2026-06-30', to: '2026-04-01' }, weekdaysBetween)).toThrow('The end of the period is before its start: swap the dates.');
    expect(() => computeFigures([], { from: '2026-02-30', to: '2026-04-01' }, weekdaysBetween)).toThrow(/two real dates/);
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('figuresToCsv', () => {
  const csv = figuresToCsv(computeFigures(cases, period, weekdaysBetween), { stage: (s) => s[0]?.toUpperCase() + s.slice(1) });

  it('writes RFC 4180 rows with CRLF', () => {
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Figure,Breakdown,Value');
    expect(lines[1]).toBe('Period,From,2026-04-01');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines).toContain('Referrals by source,Police,2');
    expect(lines).toContain('Open cases by stage,Monitoring,1');
    expect(lines).toContain('Satisfaction,Satisfied with the outcome (%),66.7');
    expect(lines).toContain('Median working days,Referral to conference,19');
    expect(lines).toContain('Deadlines,Met on time (%),25');
  });

  it('defuses formulas and quotes what needs quoting', () => {
    expect(csv.split('\r\n')).toContain(`Referrals by source,"'=HYPERLINK(""http://example.invalid"",""x"")",1`);
  });

  it('leaves a cell empty when there is no data', () => {
    const empty = figuresToCsv(computeFigures([], period, weekdaysBetween));
    expect(empty.split('\r\n')).toContain('Satisfaction,Mean overall score (0 to 10),');
  });
});
