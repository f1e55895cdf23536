import { describe, expect, it } from 'vitest';
import { checkSupervisor, cpdChecks, dbsCheck, observedPracticeCheck, registrationCheck, serviceCompliance, staffCompliance, supervisionCheck } from '../../src-main/domain/staff/compliance';
import { countedForShare, registeredShare } from '../../src-main/domain/staff/in-post';
import { parseQualityRules } from '../../src-main/domain/staff/quality-rules';
import type { StaffRecord } from '../../src-main/domain/staff/record';
import { addMonths } from '../../src-main/domain/time/dates';
import { read } from '../support/case-fixtures';
import { SHIPPED_QUALITY_RULES as rules } from '../support/quality-rules';

const FILE = 'templates/quality/rules.yaml';

const member = (over: Partial<StaffRecord> = {}): StaffRecord => ({ id: 's_prac01', name: 'Sam Okafor', role: 'facilitator', level: 'intermediate', active: true, employment: 'paid', started: '2020-01-06', ...over });
const advanced: StaffRecord = member({ id: 's_super1', name: 'Ada Lowe', level: 'advanced', registration: { level: 'advanced', number: 'RJC-100', registeredOn: '2020-01-01', renewalDue: '2030-01-01' } });

describe('the rules file', () => {
  it('holds every number the codes set', () => {
    expect(rules.supervision).toEqual({ everyWeeks: 12, supervisorLevel: 'advanced' });
    expect(rules.observedPractice.everyMonths).toBe(12);
    expect(rules.cpd).toEqual({ hoursByLevel: { foundation: 6, intermediate: 12, advanced: 16 }, approvedShare: 0.5 });
    expect(rules.registeredShare).toEqual({ minimum: 0.6, volunteersCountedAfterMonths: 12 });
  });

  it('names the line of a mistake', () => {
    const r = parseQualityRules(read(FILE).replace('everyWeeks: 12', 'everyWeeks: 0'), FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/rules\.yaml line \d+.*everyWeeks must be at least 1/);
  });
});

describe('case supervision every 12 weeks', () => {
  const supervised = (date: string) => member({ supervision: [{ date, supervisorId: advanced.id, kind: 'case' }] });

  it('is due, not overdue, on the day exactly 12 weeks after the last', () => {
    const c = supervisionCheck(supervised('2026-09-02'), '2026-11-25', rules);
    expect(c).toMatchObject({ status: 'due-soon', due: '2026-11-25' });
    expect(c.detail).toBe('last case supervision 12 weeks ago, on 2 September 2026; next due by 25 November 2026');
  });

  it('is overdue the day after, and says how long ago the last was', () => {
    expect(supervisionCheck(supervised('2026-09-02'), '2026-11-26', rules).status).toBe('overdue');
    const c = supervisionCheck(supervised('2026-09-02'), '2026-12-09', rules);
    expect(c.detail).toBe('last case supervision 14 weeks ago, on 2 September 2026; was due by 25 November 2026');
  });

  it('is met while more than the due-soon window away, and ignores line management', () => {
    const m = member({ supervision: [{ date: '2026-09-02', supervisorId: advanced.id, kind: 'case' }, { date: '2026-10-01', supervisorId: advanced.id, kind: 'line' }] });
    expect(supervisionCheck(m, '2026-10-02', rules)).toMatchObject({ status: 'met', due: '2026-11-25' });
  });

  it('counts across a year boundary and over a leap day', () => {
    expect(supervisionCheck(supervised('2026-12-01'), '2027-02-23', rules).due).toBe('2027-02-23');
    expect(supervisionCheck(supervised('2023-12-10'), '2024-03-02', rules).due).toBe('2024-03-03');
  });

  it('ignores supervision after the day checked, and counts a newcomer from their start', () => {
    const m = member({ started: '2026-09-01', supervision: [{ date: '2027-01-05', supervisorId: advanced.id, kind: 'case' }] });
    expect(supervisionCheck(m, '2026-12-01', rules)).toMatchObject({ status: 'overdue', due: '2026-11-24' });
    expect(supervisionCheck(member({ started: undefined }), '2026-12-01', rules)).toMatchObject({ status: 'not-met', due: null });
  });
});

describe('observed practice every year', () => {
  it('falls due a calendar year later; from 29 February to 28 February', () => {
    const m = member({ observed: [{ date: '2024-02-29', observerId: advanced.id }] });
    expect(observedPracticeCheck(m, '2025-02-28', rules)).toMatchObject({ status: 'due-soon', due: '2025-02-28' });
    expect(observedPracticeCheck(m, '2025-03-01', rules).status).toBe('overdue');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15');
  });
});

describe('CPD over the rolling year', () => {
  const cpd = (entries: [string, number, boolean][]) => member({ cpd: entries.map(([date, hours, rjcApproved]) => ({ date, activity: 'Course', hours, rjcApproved })) });

  it('needs the hours of the level, half of them RJC-approved', () => {
    const [hours, approved] = cpdChecks(cpd([['2026-03-01', 6, true], ['2026-06-01', 6, false]]), '2026-12-01', rules);
    expect(hours).toMatchObject({ rule: 'cpd-hours', status: 'met', due: null });
    expect(approved).toMatchObject({ rule: 'cpd-approved', status: 'met' });
    const [short, shortApproved] = cpdChecks(cpd([['2026-03-01', 5.5, true], ['2026-06-01', 6, false]]), '2026-12-01', rules);
    expect(short?.status).toBe('not-met');
    expect(short?.detail).toBe('11.5 hours of CPD in the 12 months to 1 December 2026, of 12 hours required at Intermediate');
    expect(shortApproved?.status).toBe('not-met');
  });

  it('counts the year up to and including the day checked, a leap day inside it', () => {
    const m = cpd([['2024-02-29', 12, true], ['2025-03-01', 1, true]]);
    expect(cpdChecks(m, '2025-02-28', rules)[0]?.status).toBe('met');
    expect(cpdChecks(m, '2025-03-01', rules)[0]?.status).toBe('not-met');
  });

  it('asks the higher hours of a level for the whole year (not pro rata)', () => {
    const m = cpd([['2026-03-01', 12, true]]);
    expect(cpdChecks(m, '2026-12-01', rules)[0]?.status).toBe('met');
    expect(cpdChecks({ ...m, level: 'advanced' }, '2026-12-01', rules)[0]?.status).toBe('not-met');
  });
});

describe('registration and DBS', () => {
  const registered = member({ registration: { level: 'intermediate', number: 'RJC-7', registeredOn: '2026-01-10', renewalDue: '2027-01-10' } });

  it('is due soon before renewal, overdue after, not met without', () => {
    expect(registrationCheck(registered, '2026-06-01', rules).status).toBe('met');
    expect(registrationCheck(registered, '2026-12-20', rules).status).toBe('due-soon');
    expect(registrationCheck(registered, '2027-01-11', rules).detail).toBe('Intermediate, number RJC-7; renewal was due on 10 January 2027');
    expect(registrationCheck(member(), '2026-06-01', rules)).toMatchObject({ status: 'not-met', due: null });
  });

  it('rechecks a DBS certificate after 36 months unless on the update service', () => {
    const dbs = { level: 'enhanced' as const, certificateDate: '2023-05-01', updateService: false };
    expect(dbsCheck(member({ dbs }), '2026-05-02', rules)).toMatchObject({ status: 'overdue', due: '2026-05-01' });
    expect(dbsCheck(member({ dbs: { ...dbs, updateService: true } }), '2026-05-02', rules)).toMatchObject({ status: 'met', due: null });
    expect(dbsCheck(member(), '2026-05-02', rules).status).toBe('not-met');
  });
});

describe('who is counted for the registered share', () => {
  const reg = { level: 'foundation' as const, number: 'RJC-1', registeredOn: '2025-01-01', renewalDue: '2028-01-01' };

  it('counts a volunteer from 12 months of delivery, not at 11', () => {
    const v = member({ employment: 'volunteer', started: '2025-03-15' });
    expect(countedForShare(v, '2026-02-15', rules)).toBe(false);
    expect(countedForShare(v, '2026-03-14', rules)).toBe(false);
    expect(countedForShare(v, '2026-03-15', rules)).toBe(true);
    expect(countedForShare(v, '2026-04-15', rules)).toBe(true);
    expect(countedForShare({ ...v, started: undefined }, '2026-04-15', rules)).toBe(false);
  });

  it('leaves out administration-only staff and leavers, on the day they left still in post', () => {
    const admin = member({ id: 's_admin1', role: 'administrator', level: undefined });
    const leaver = member({ id: 's_leave1', ended: '2026-03-31', active: false, registration: reg });
    expect(countedForShare(admin, '2026-06-01', rules)).toBe(false);
    expect(countedForShare(leaver, '2026-03-31', rules)).toBe(true);
    expect(countedForShare(leaver, '2026-04-01', rules)).toBe(false);
    const c = serviceCompliance([admin, leaver, member({ registration: reg })], '2026-06-01', rules);
    expect(c.staff.map((s) => s.name)).toEqual(['Sam Okafor']);
    expect(c).toMatchObject({ counted: 1, registered: 1, registeredShare: 1, registeredShareMet: true });
  });

  it('meets the share at exactly 60%', () => {
    const staff = [0, 1, 2, 3, 4].map((i) => member({ id: `s_prac0${i}`, name: `P ${'abcde'[i]}`, ...(i < 3 ? { registration: reg } : {}) }));
    expect(registeredShare(staff, '2026-06-01', rules)).toEqual({ counted: 5, registered: 3, share: 0.6, met: true });
    expect(registeredShare(staff.slice(1), '2026-06-01', rules).met).toBe(false);
    expect(registeredShare([], '2026-06-01', rules)).toEqual({ counted: 0, registered: 0, share: 0, met: false });
  });

  it('gives every practitioner all six checks', () => {
    expect(staffCompliance(member(), '2026-06-01', rules).checks.map((c) => c.rule)).toEqual(['supervision', 'observed-practice', 'cpd-hours', 'cpd-approved', 'registration', 'dbs']);
  });
});

describe('who may supervise', () => {
  const sam = member();
  it('accepts an Advanced registered supervisor for case supervision', () => {
    expect(checkSupervisor(sam, advanced, 'case', '2026-06-01', rules).ok).toBe(true);
  });

  it('refuses a supervisor who is not Advanced, with the reason', () => {
    const inter = member({ id: 's_inter1', name: 'Ivo Patel', registration: { level: 'intermediate', number: 'RJC-2', registeredOn: '2020-01-01', renewalDue: '2030-01-01' } });
    const r = checkSupervisor(sam, inter, 'case', '2026-06-01', rules);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe("Ivo Patel cannot be recorded as case supervisor: the RJC's Case Supervisor Code asks for a supervisor with Advanced registration, and they are registered at Intermediate.");
    // Line management has no such rule.
    expect(checkSupervisor(sam, inter, 'line', '2026-06-01', rules).ok).toBe(true);
  });

  it('refuses a lapsed registration, someone not on the list, and supervising oneself', () => {
    expect(checkSupervisor(sam, advanced, 'case', '2030-01-02', rules)).toMatchObject({ ok: false, reason: expect.stringMatching(/no current RJC registration on 2 January 2030/) });
    expect(checkSupervisor(sam, undefined, 'case', '2026-06-01', rules).ok).toBe(false);
    expect(checkSupervisor(advanced, advanced, 'case', '2026-06-01', rules)).toMatchObject({ ok: false, reason: 'Ada Lowe cannot supervise themselves.' });
  });
});
