import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-main/domain/cases/case';
import { deadlinesFor, hasEnhancedRights, nextDue, type Deadline } from '../../src-main/domain/cases/deadlines';
import { HolidayDataRangeError } from '../../src-main/domain/time/working-days';
import { contact, ctx, HARMED, holidays, lowRisk, newCase, RESPONSIBLE, rules, run } from '../support/case-fixtures';

// Thursday 2 April 2026, before Good Friday (3rd) and Easter Monday (6th).
const EASTER_REFERRAL = newCase({ referral: { ...newCase().referral, receivedOn: '2026-04-02', offenceDate: '2026-03-30' } });
const at = (today: string) => ctx({ today, now: `${today}T12:00:00.000Z` });
const TODAY_CASE = '2026-03-16';
const brief = (ds: Deadline[]) => ds.map((d) => [d.rule, d.participantId, d.due, d.status]);

describe('deadline rules from the template', () => {
  it('are the Victims\u2019 Code timescales and the risk review', () => {
    expect(rules.dueSoonWorkingDays).toBe(2);
    expect(rules.rules.map((r) => r.id)).toEqual(['first-contact-harmed', 'rj-information-harmed', 'risk-review']);
  });
});

describe('deadlinesFor', () => {
  it('counts working days over Easter', () => {
    const ds = deadlinesFor(EASTER_REFERRAL, '2026-04-02', holidays, rules);
    expect(brief(ds)).toEqual([
      ['first-contact-harmed', HARMED.id, '2026-04-08', 'due-soon'], // within 2 working days
      ['rj-information-harmed', HARMED.id, '2026-04-13', 'open'],
    ]);
  });

  it('gives the person harmed enhanced rights when under 18: information within 1 working day', () => {
    const child = { ...HARMED, person: { ...HARMED.person, dateOfBirth: '2010-06-01' } };
    const c = { ...EASTER_REFERRAL, participants: [child, RESPONSIBLE] };
    expect(hasEnhancedRights(child, '2026-04-02')).toBe(true);
    const info = deadlinesFor(c, '2026-04-02', holidays, rules).find((d) => d.rule === 'rj-information-harmed');
    expect(info).toMatchObject({ due: '2026-04-07', enhanced: true, status: 'due-soon' });
  });

  it('gives enhanced rights for vulnerability flags or when marked', () => {
    expect(hasEnhancedRights({ ...HARMED, person: { ...HARMED.person, vulnerabilities: ['Intimidated victim'] } }, '2026-04-02')).toBe(true);
    expect(hasEnhancedRights({ ...HARMED, person: { ...HARMED.person, enhancedRights: true } }, '2026-04-02')).toBe(true);
    expect(hasEnhancedRights(HARMED, '2026-04-02')).toBe(false);
  });

  it('moves from open to due soon to overdue, and to met (late or not)', () => {
    expect(deadlinesFor(EASTER_REFERRAL, '2026-04-07', holidays, rules)[0]).toMatchObject({ status: 'due-soon' });
    expect(deadlinesFor(EASTER_REFERRAL, '2026-04-08', holidays, rules)[0]).toMatchObject({ status: 'due-soon' });
    expect(deadlinesFor(EASTER_REFERRAL, '2026-04-09', holidays, rules)[0]).toMatchObject({ status: 'overdue' });
    const onTime = run(EASTER_REFERRAL, [contact(HARMED.id, '2026-04-07')], at('2026-04-07'));
    expect(deadlinesFor(onTime, '2026-04-20', holidays, rules).map((d) => [d.status, d.metOn, d.late])).toEqual([
      ['met', '2026-04-07', undefined],
      ['met', '2026-04-07', undefined],
    ]);
    const late = run(EASTER_REFERRAL, [contact(HARMED.id, '2026-04-14')], at('2026-04-14'));
    expect(deadlinesFor(late, '2026-04-20', holidays, rules).map((d) => [d.status, d.late])).toEqual([
      ['met', true],
      ['met', true],
    ]);
  });

  it('an attempt does not meet first contact, but a letter can give RJ information', () => {
    const c = run(EASTER_REFERRAL, [{ type: 'record-contact', participantId: HARMED.id, entry: { kind: 'attempt', on: '2026-04-07', method: 'letter', outcome: 'letter-sent', rjInformationGiven: true } }], at('2026-04-07'));
    expect(brief(deadlinesFor(c, '2026-04-09', holidays, rules))).toEqual([
      ['first-contact-harmed', HARMED.id, '2026-04-08', 'overdue'],
      ['rj-information-harmed', HARMED.id, '2026-04-13', 'met'],
    ]);
  });

  it('adds a risk review for each participant with an assessment', () => {
    const c = run(newCase(), [lowRisk(HARMED, { reviewOn: '2026-03-18' })]);
    const review = deadlinesFor(c, '2026-03-16', holidays, rules).find((d) => d.rule === 'risk-review');
    expect(review).toMatchObject({ participantId: HARMED.id, due: '2026-03-18', status: 'due-soon' });
    expect(deadlinesFor(c, '2026-03-19', holidays, rules).find((d) => d.rule === 'risk-review')?.status).toBe('overdue');
  });

  it('marks unmet deadlines as lapsed once the case has ended, and drops reviews', () => {
    const c = run(newCase(), [lowRisk(HARMED), { type: 'exit', kind: 'declined', reason: 'Does not want RJ.' }]);
    const ds = deadlinesFor(c, '2026-03-20', holidays, rules);
    expect(ds.map((d) => d.status)).toEqual(['lapsed', 'lapsed']);
    expect(nextDue(ds)).toBeUndefined();
  });

  it('gives the earliest unmet due date for the case list', () => {
    const c = run(newCase(), [lowRisk(HARMED, { reviewOn: '2026-03-20' })]);
    expect(nextDue(deadlinesFor(c, TODAY_CASE, holidays, rules))).toBe('2026-03-04');
  });

  it('leaves out deadlines it cannot count for referrals older than the holiday data', () => {
    const old: Case = newCase({ referral: { ...newCase().referral, receivedOn: '2014-06-02', offenceDate: '2014-06-01' } });
    expect(deadlinesFor(old, '2026-03-16', holidays, rules)).toEqual([]);
    expect(() => deadlinesFor(newCase(), '2031-01-02', holidays, rules)).toThrow(HolidayDataRangeError);
  });
});
