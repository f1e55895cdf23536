import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRetentionRules, type RetentionRules } from '../../../src-main/domain/data-protection/retention/rules';
import { anniversary, retentionDue, type CaseRetentionFacts } from '../../../src-main/domain/data-protection/retention/due';

const FILE = 'templates/data-protection/retention.yaml';
const text = readFileSync(join(__dirname, '../../..', FILE), 'utf8');

function shippedRules(): RetentionRules {
  const r = parseRetentionRules(text, FILE);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
const rules = shippedRules();

const adult = (endedOn: string, o: Partial<CaseRetentionFacts> = {}): CaseRetentionFacts => ({ record: 'case', endedOn, exited: false, atReferral: false, receivedOn: '2018-01-10', outOfCourt: false, datesOfBirth: ['1980-05-01'], ...o });

describe('the retention file', () => {
  it('ships one rule per kind of record', () => {
    expect(rules.rules.map((r) => r.record).sort()).toEqual(['adult-case', 'complaint', 'referral', 'staff', 'subject-access', 'youth-case']);
  });

  it('names the file and line of a mistake', () => {
    const bad = text.replace('keepYears: 7', 'keepYears: seven');
    const r = parseRetentionRules(bad, FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const line = bad.split('\n').findIndex((l) => l.includes('keepYears: seven')) + 1;
      expect(r.message).toContain(`${FILE} line ${line}`);
      expect(r.message).toContain('keepYears must be a whole number of years');
    }
  });

  it('refuses a kind with no rule, or two, and untilAge outside youth cases', () => {
    const noStaff = text.replace('record: staff', 'record: complaint');
    const r = parseRetentionRules(noStaff, FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('complaint has two rules');
      expect(r.message).toContain('there is no rule for staff');
    }
    const age = parseRetentionRules(text.replace('keepYears: 6\n    basis: Kept for 6 years after the complaint', 'keepYears: 6\n    untilAge: 18\n    basis: Kept for 6 years after the complaint'), FILE);
    expect(age.ok).toBe(false);
    if (!age.ok) expect(age.message).toContain('untilAge applies to youth-case only');
  });
});

describe('retentionDue: adult cases, 7 years after closure', () => {
  it('says why, and is due on the anniversary, not the day before', () => {
    const d = retentionDue(adult('2019-03-03'), rules, '2026-03-03');
    expect(d).toMatchObject({ kind: 'adult-case', due: '2026-03-03', isDue: true });
    expect(d.why).toBe('Adult case closed 3 March 2019: kept 7 years, due 3 March 2026');
    expect(retentionDue(adult('2019-03-03'), rules, '2026-03-02').isDue).toBe(false);
    expect(retentionDue(adult('2019-03-03'), rules, '2026-03-04').isDue).toBe(true);
  });

  it('closed on 29 February: due on 1 March seven years on (a common year), never a day early', () => {
    expect(anniversary('2020-02-29', 7)).toBe('2027-03-01');
    expect(retentionDue(adult('2020-02-29'), rules, '2027-02-28').isDue).toBe(false);
    expect(retentionDue(adult('2020-02-29'), rules, '2027-03-01').isDue).toBe(true);
    // 29 February to 29 February when the later year has one.
    expect(anniversary('2020-02-29', 8)).toBe('2028-02-29');
  });

  it('an early exit says "ended"', () => {
    expect(retentionDue(adult('2019-03-03', { exited: true }), rules, '2026-03-03').why).toContain('Adult case ended 3 March 2019');
  });
});

describe('retentionDue: youth out-of-court cases, 3 years or the 18th birthday, whichever is later', () => {
  const youth = (endedOn: string, dob: string) => adult(endedOn, { outOfCourt: true, receivedOn: '2020-01-15', datesOfBirth: ['1975-01-01', dob] });

  it('the 18th birthday when later', () => {
    const d = retentionDue(youth('2021-06-01', '2008-09-10'), rules, '2026-09-10');
    expect(d).toMatchObject({ kind: 'youth-case', due: '2026-09-10', isDue: true });
    expect(d.why).toContain('the young person is 18 on 10 September 2026, which is later');
    expect(retentionDue(youth('2021-06-01', '2008-09-10'), rules, '2026-09-09').isDue).toBe(false);
    expect(retentionDue(youth('2021-06-01', '2008-09-10'), rules, '2026-09-11').isDue).toBe(true);
  });

  it('three years after closure when later', () => {
    const d = retentionDue(youth('2024-06-01', '2004-02-01'), rules, '2027-06-01');
    // Born 1 February 2004, under 18 at referral in January 2020; 18 in 2022, before 2027.
    expect(d).toMatchObject({ kind: 'youth-case', due: '2027-06-01', isDue: true });
    expect(d.why).toContain('that is later than their 18th birthday on 1 February 2022');
    expect(retentionDue(youth('2024-06-01', '2004-02-01'), rules, '2027-05-31').isDue).toBe(false);
  });

  it('an 18th birthday on 29 February: 29 February in a leap year, 1 March otherwise', () => {
    // Born 29 February 2008: 18 in 2026 (no 29 February), so 1 March 2026.
    const common = youth('2021-01-01', '2008-02-29');
    expect(retentionDue(common, rules, '2026-02-28')).toMatchObject({ due: '2026-03-01', isDue: false });
    expect(retentionDue(common, rules, '2026-03-01').isDue).toBe(true);
    expect(retentionDue(common, rules, '2026-03-02').isDue).toBe(true);
    // Born 29 February 2012 (referred at 7 in 2020): 18 in 2030, which has no 29 February either; 2032 does.
    const later = adult('2021-01-01', { outOfCourt: true, receivedOn: '2020-01-15', datesOfBirth: ['2012-02-29'] });
    expect(retentionDue(later, rules, '2030-03-01').due).toBe('2030-03-01');
    expect(anniversary('2012-02-29', 20)).toBe('2032-02-29');
  });

  it('an adult on the day of referral, or a case not out of court, is an adult case', () => {
    expect(retentionDue(adult('2021-01-01', { outOfCourt: true, receivedOn: '2020-01-15', datesOfBirth: ['2002-01-15'] }), rules, '2030-01-01').kind).toBe('adult-case');
    expect(retentionDue(adult('2021-01-01', { outOfCourt: true, receivedOn: '2020-01-15', datesOfBirth: ['2002-01-16'] }), rules, '2030-01-01').kind).toBe('youth-case');
    expect(retentionDue(adult('2021-01-01', { outOfCourt: false, datesOfBirth: ['2010-01-01'] }), rules, '2030-01-01').kind).toBe('adult-case');
    // A row saved before the stage was listed: the longer, adult period.
    expect(retentionDue(adult('2021-01-01', { outOfCourt: undefined, datesOfBirth: ['2010-01-01'] }), rules, '2030-01-01').kind).toBe('adult-case');
  });
});

describe('retentionDue: the other records', () => {
  it('referrals that did not go ahead: 2 years', () => {
    const f = adult('2023-04-04', { exited: true, atReferral: true });
    expect(retentionDue(f, rules, '2025-04-03').isDue).toBe(false);
    expect(retentionDue(f, rules, '2025-04-04')).toMatchObject({ kind: 'referral', isDue: true, why: 'Referral that did not go ahead ended 4 April 2023: kept 2 years, due 4 April 2025' });
  });

  it('staff 6 years after leaving, complaints 6 after closing, subject access 2 after completion', () => {
    expect(retentionDue({ record: 'staff', endedOn: '2019-07-31' }, rules, '2025-07-31')).toMatchObject({ isDue: true, why: 'Staff record: left on 31 July 2019: kept 6 years, due 31 July 2025' });
    expect(retentionDue({ record: 'staff', endedOn: '2019-07-31' }, rules, '2025-07-30').isDue).toBe(false);
    expect(retentionDue({ record: 'complaint', endedOn: '2018-02-28' }, rules, '2024-02-28').isDue).toBe(true);
    expect(retentionDue({ record: 'complaint', endedOn: '2018-02-28' }, rules, '2024-02-27').isDue).toBe(false);
    expect(retentionDue({ record: 'subject-access', endedOn: '2024-02-29' }, rules, '2026-02-28').isDue).toBe(false);
    expect(retentionDue({ record: 'subject-access', endedOn: '2024-02-29' }, rules, '2026-03-01').isDue).toBe(true);
  });
});
