import { describe, expect, it } from 'vitest';
import { computeCommissionerFigures } from '../../src-main/domain/figures/commissioner';
import { computeFigures } from '../../src-main/domain/figures/figures';
import { headlineOf } from '../../src-main/domain/figures/trends';
import { equalitySummaryOf } from '../../src-main/domain/figures/equality';
import { base, HAND_CASES, Q1 } from './hand-casebook';
import { monthKeys, previousPeriod, sameLastYear } from '../../src-main/domain/figures/periods';
import { calendarFrom, standardBankHolidays } from '../../src-main/domain/time/bank-holidays';
import { addWorkingDays } from '../../src-main/domain/time/working-days';

const days = () => 1;
const cases = HAND_CASES;

describe('the commissioner’s figures, counted by hand', () => {
  const f = computeCommissionerFigures(cases, Q1, days);
  const c = f.commissioner;

  it('count the funnel: 3 people offered (A twice, B once on the first day), 4 referrals (A, C, D, E), 4 people took part in 2 processes (A, B), 1 agreement reached and completed (A)', () => {
    expect(c.funnel.map((s) => [s.step, s.count, s.unit])).toEqual([
      ['offered', 3, 'people'],
      ['referred', 4, 'cases'],
      ['took-part', 4, 'people'],
      ['process', 2, 'cases'],
      ['agreement', 1, 'agreements'],
      ['completed', 1, 'agreements'],
    ]);
  });

  it('count right 3: A on time, C overdue, E not met (B due in March, D in July) — 1 of 3 on time; right 4: C on time, A and E late — 1 of 3', () => {
    expect(c.timeliness).toEqual([
      { right: 3, due: 3, onTime: 1, late: 0, notMet: 1, open: 1, overdue: 1, onTimePercent: 33.3 },
      { right: 4, due: 3, onTime: 1, late: 2, notMet: 0, open: 0, overdue: 0, onTimePercent: 33.3 },
    ]);
  });

  it('count month by month: referrals A, E in April, C in May, D in June; processes B in April, A in May; closures E 1 May, B 30 May, A 15 June', () => {
    expect(c.trend).toEqual([
      { month: '2026-04', referrals: 2, processes: 1, outcomes: 0 },
      { month: '2026-05', referrals: 1, processes: 1, outcomes: 2 },
      { month: '2026-06', referrals: 1, processes: 0, outcomes: 1 },
    ]);
  });

  it('compare with the quarter before (G: 1 referral, 1 process) and the same quarter last year (F: 1 referral, 1 conference, 1 closed)', () => {
    expect(c.comparison.periods).toEqual({ current: Q1, previous: { from: '2026-01-01', to: '2026-03-31' }, lastYear: { from: '2025-04-01', to: '2025-06-30' } });
    const row = (k: string) => c.comparison.rows.find((r) => r.figure === k);
    expect(row('referrals')).toMatchObject({ current: 4, previous: 2, lastYear: 1 }); // previous: B (20 March) and G
    expect(row('processes')).toMatchObject({ current: 2, previous: 1, lastYear: 1 });
    expect(row('conferencesHeld')).toMatchObject({ current: 1, previous: 0, lastYear: 1 });
    expect(row('casesClosed')).toMatchObject({ current: 3, previous: 0, lastYear: 1 });
    expect(row('satisfiedPercent')).toMatchObject({ current: 66.7, previous: null, lastYear: null });
    expect(row('right3OnTimePercent')).toMatchObject({ current: 33.3, previous: 100, lastYear: null });
  });

  it('break down outcomes by process, satisfaction by role, offences, sensitive cases and facilitators', () => {
    const b = c.breakdowns;
    expect(b.outcomesByProcess.filter((o) => o.total > 0)).toEqual([
      { type: 'conference', total: 1, byOutcome: [{ outcome: 'agreement-completed', count: 1 }] },
      { type: 'indirect', total: 1, byOutcome: [{ outcome: 'completed-without-agreement', count: 1 }] },
      { type: 'none', total: 1, byOutcome: [{ outcome: 'withdrawn', count: 1 }] },
    ]);
    expect(b.satisfactionByRole).toEqual([
      { role: 'harmed', responses: 2, answered: 2, satisfied: 1, satisfiedPercent: 50, meanOverall: 6.5 },
      { role: 'responsible', responses: 1, answered: 1, satisfied: 1, satisfiedPercent: 100, meanOverall: 8 },
      { role: 'other', responses: 0, answered: 0, satisfied: 0, satisfiedPercent: null, meanOverall: null },
    ]);
    expect(b.offenceCategories).toEqual([
      { category: 'Burglary', count: 2 },
      { category: 'Assault', count: 1 },
      { category: 'Not recorded', count: 1 },
    ]);
    expect(b.sensitive).toEqual({ sensitive: 1, notSensitive: 3 });
    // Alex leads A and C (open in the quarter) and held 2 meetings; Bea leads B (closed 30 May).
    expect(b.facilitators).toEqual([
      { who: 'Practitioner 1', casesLed: 2, meetingsHeld: 2 },
      { who: 'Practitioner 2', casesLed: 1, meetingsHeld: 0 },
    ]);
  });
});

describe('the compared figures', () => {
  it('count the same in one pass as from the full figures, for any period', () => {
    for (const p of [Q1, { from: '2025-04-01', to: '2025-06-30' }, { from: '2026-01-01', to: '2026-03-31' }, { from: '2026-05-01', to: '2026-05-31' }]) {
      expect(headlineOf(HAND_CASES, p)).toEqual(headlineOf(HAND_CASES, p, computeFigures(HAND_CASES, p, days)));
    }
  });
});

describe('period edges', () => {
  it('count a referral on the first and the last day, not the day before or after', () => {
    const edge = ['2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01'].map((d) => base({ referral: { receivedOn: d, source: 'Police' } }));
    const f = computeCommissionerFigures(edge, Q1, days);
    expect(f.commissioner.funnel[1]!.count).toBe(2);
    expect(f.commissioner.trend.map((m) => m.referrals)).toEqual([1, 0, 1]);
  });

  it('give a month the period only partly covers its own row, counting only the days inside', () => {
    const p = { from: '2026-04-20', to: '2026-05-10' };
    const two = [base({ referral: { receivedOn: '2026-04-19', source: 'x' } }), base({ referral: { receivedOn: '2026-05-10', source: 'x' } })];
    expect(computeCommissionerFigures(two, p, days).commissioner.trend).toEqual([
      { month: '2026-04', referrals: 0, processes: 0, outcomes: 0 },
      { month: '2026-05', referrals: 1, processes: 0, outcomes: 0 },
    ]);
    expect(monthKeys({ from: '2026-11-15', to: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('compare a quarter with the quarter before, month for month, and February with last year’s February, leap day or not', () => {
    expect(previousPeriod(Q1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(sameLastYear({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(sameLastYear({ from: '2025-02-01', to: '2025-02-28' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    // Not whole months: the same number of days just before; the leap day falls back to the 28th.
    expect(previousPeriod({ from: '2026-04-10', to: '2026-04-19' })).toEqual({ from: '2026-03-31', to: '2026-04-09' });
    expect(sameLastYear({ from: '2024-02-29', to: '2024-03-10' })).toEqual({ from: '2023-02-28', to: '2023-03-10' });
  });

  it('count a leap day in its month', () => {
    const leap = [base({ referral: { receivedOn: '2024-02-29', source: 'x' } })];
    expect(computeCommissionerFigures(leap, { from: '2024-02-01', to: '2024-02-29' }, days).commissioner.trend).toEqual([{ month: '2024-02', referrals: 1, processes: 0, outcomes: 0 }]);
  });

  it('judge right 4 by its due date across a bank holiday: received Thursday 2 April 2026, Good Friday and Easter Monday off, due Wednesday 8 April', () => {
    const holidays = calendarFrom({ firstYear: 2026, lastYear: 2026, events: standardBankHolidays(2026) });
    const due = addWorkingDays('2026-04-02', 2, holidays);
    expect(due).toBe('2026-04-08');
    const metOn8 = base({ deadlines: [{ due, status: 'met', right: 4 }] });
    const metOn9 = base({ deadlines: [{ due, status: 'met', late: true, right: 4 }] });
    const [, r4] = computeCommissionerFigures([metOn8, metOn9], { from: '2026-04-08', to: '2026-04-08' }, days).commissioner.timeliness;
    expect(r4).toMatchObject({ due: 2, onTime: 1, late: 1, onTimePercent: 50 });
  });
});

describe('equality monitoring', () => {
  const answers = (ethnicity: string, sex?: string) => ({ givenOn: '2026-05-01', answers: {}, equality: { ethnicity, ...(sex ? { sex } : {}) } });

  it('shows nothing below 5 consenting responses, and hides counts below 5 (and the next smallest when only one is hidden)', () => {
    expect(equalitySummaryOf([base({ feedback: [answers('White British'), answers('Asian')] })], Q1)).toEqual({ threshold: 5, consented: null, questions: [] });
    const many = [
      ...Array.from({ length: 6 }, () => answers('White British', 'Female')),
      ...Array.from({ length: 5 }, () => answers('Black British', 'Male')),
      answers('Asian', 'Female'),
    ];
    const e = equalitySummaryOf([base({ feedback: many })], Q1);
    expect(e.consented).toBe(12);
    expect(e.questions).toEqual([
      { question: 'sex', answers: [{ answer: 'Female', count: 7 }, { answer: 'Male', count: 5 }] },
      // Asian (1) hidden; Black British (5), the next smallest, hidden with it so 12 − 6 gives nothing away.
      { question: 'ethnicity', answers: [{ answer: 'White British', count: 6 }, { answer: 'Black British', count: null }, { answer: 'Asian', count: null }] },
    ]);
  });

  it('counts only feedback with answers (kept only with consent) given in the period', () => {
    const outside = { givenOn: '2026-07-01', answers: {}, equality: { ethnicity: 'Asian' } };
    expect(equalitySummaryOf([base({ feedback: [outside, { givenOn: '2026-05-01', answers: {} }] })], Q1).consented).toBe(0);
  });
});
