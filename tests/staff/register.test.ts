import { describe, expect, it } from 'vitest';
import { caseworkWorld, type World } from '../support/casebook';

/** The register's commands through the registry, as the app and the CLI call them. Today is 16 March 2026. */
const ADVANCED = { level: 'advanced' as const, number: 'RJC-0001', registeredOn: '2025-01-10', renewalDue: '2027-01-10' };

async function staffOf(w: World, id: string) {
  return (await w.service.staff.getStaffRecords({ staffId: id }))[0]!;
}

async function auditSince(w: World, start: number) {
  const { entries } = await w.service.listAudit({ offset: 0, limit: 500 });
  return entries.slice(0, entries.length - start);
}

describe('the staff register', () => {
  it('records supervision, observed practice and CPD, and compliance changes with them', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const start = (await w.service.listAudit({ offset: 0, limit: 1 }).catch(() => ({ total: 0 }))).total;
    await w.call('saveRegisterDetails', { staffId: w.staff.alex, employment: 'paid', started: '2020-04-01', registration: ADVANCED });
    await w.call('saveRegisterDetails', { staffId: w.staff.sian, employment: 'paid', started: '2024-01-08' });
    const before = await w.call('getCompliance', { at: '2026-03-16' });
    const sianBefore = before.staff.find((s) => s.staffId === w.staff.sian)!;
    expect(sianBefore.checks.find((c) => c.rule === 'supervision')?.status).toBe('overdue');

    await w.call('recordSupervision', { staffId: w.staff.sian, date: '2026-03-02', supervisorId: w.staff.alex, kind: 'case', notes: 'Two cases discussed' });
    await w.call('recordObservedPractice', { staffId: w.staff.sian, date: '2026-03-10', observerId: w.staff.alex });
    const rec = await w.call('recordCpd', { staffId: w.staff.sian, date: '2026-02-01', activity: 'RJC webinar on harm', hours: 12, rjcApproved: true });
    expect(rec.cpd).toEqual([{ date: '2026-02-01', activity: 'RJC webinar on harm', hours: 12, rjcApproved: true }]);

    const after = (await w.call('getCompliance', {})).staff.find((s) => s.staffId === w.staff.sian)!;
    expect(Object.fromEntries(after.checks.map((c) => [c.rule, c.status]))).toEqual({ supervision: 'met', 'observed-practice': 'met', 'cpd-hours': 'met', 'cpd-approved': 'met', registration: 'not-met', dbs: 'not-met' });
    expect(after.checks[0]?.detail).toBe('last case supervision 2 weeks ago, on 2 March 2026; next due by 25 May 2026');

    // Every change is in the audit trail by field name, never value.
    await w.as('admin');
    const audit = await auditSince(w, start);
    expect(audit.map((e) => `${e.action} ${e.fields.join(',')}`)).toEqual(
      expect.arrayContaining(['staff.register employment,started,registration', 'staff.supervision supervision', 'staff.observed observed', 'staff.cpd cpd']),
    );
    expect(JSON.stringify(audit)).not.toContain('RJC webinar');
  });

  it('refuses a case supervisor who is not Advanced, with the reason, and stores nothing', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    await w.call('saveRegisterDetails', { staffId: w.staff.sian, registration: { ...ADVANCED, level: 'intermediate' } });
    const e = await w.fails('recordSupervision', { staffId: w.staff.lan, date: '2026-03-02', supervisorId: w.staff.sian, kind: 'case' });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details?.issues?.[0]?.path).toBe('supervisorId');
    expect(e.message).toMatch(/Siân Prydderch cannot be recorded as case supervisor: .*Advanced registration, and they are registered at Intermediate/);
    expect((await staffOf(w, w.staff.lan)).supervision).toBeUndefined();
    // Line management has no such rule.
    await w.call('recordSupervision', { staffId: w.staff.lan, date: '2026-03-02', supervisorId: w.staff.sian, kind: 'line' });
  });

  it.each([
    ['0 hours', { hours: 0 }, 'hours'],
    ['1,000 hours', { hours: 1000 }, 'hours'],
    ['a date in the future', { date: '2026-03-17' }, 'date'],
    ['29 February in a common year', { date: '2025-02-29' }, 'date'],
    ['an empty activity', { activity: '' }, 'activity'],
    ['hours as text', { hours: '2' }, 'hours'],
    ['an unknown field', { extra: 1 }, ''],
  ])('refuses CPD with %s, naming the field, and stores nothing', async (_, over, field) => {
    const w = await caseworkWorld();
    const e = await w.fails('recordCpd', { staffId: w.staff.sian, date: '2026-03-01', activity: 'Reading', hours: 2, rjcApproved: false, ...over } as never);
    expect(e.code).toBe('INVALID_INPUT');
    if (field) expect(e.details?.issues?.map((i) => i.path)).toContain(field);
    expect((await staffOf(w, w.staff.sian)).cpd).toBeUndefined();
  });

  it('lets a facilitator add their own CPD and see only their own record, nobody else’s', async () => {
    const w = await caseworkWorld();
    await w.as('facilitator');
    const mine = await w.call('recordCpd', { date: '2026-03-01', activity: 'Reading', hours: 2, rjcApproved: false });
    expect(mine.id).toBe(w.staff.fatima);
    const other = await w.fails('recordCpd', { staffId: w.staff.sian, date: '2026-03-01', activity: 'Reading', hours: 2, rjcApproved: false });
    expect(other.code).toBe('FORBIDDEN');
    expect((await w.fails('recordObservedPractice', { staffId: w.staff.fatima, date: '2026-03-01', observerId: w.staff.alex })).code).toBe('FORBIDDEN');
    const seen = await w.call('getCompliance', {});
    expect(seen.staff.map((s) => s.staffId)).toEqual([w.staff.fatima]);
  });

  it('keeps the register when the staff form saves the person again, and leaves leavers out', async () => {
    const w = await caseworkWorld();
    await w.call('recordCpd', { staffId: w.staff.sian, date: '2026-03-01', activity: 'Reading', hours: 2, rjcApproved: false });
    await w.call('saveStaffMember', { id: w.staff.sian, name: 'Siân Prydderch', role: 'facilitator', level: 'advanced', active: true });
    expect((await staffOf(w, w.staff.sian)).cpd).toHaveLength(1);
    await w.call('saveRegisterDetails', { staffId: w.staff.sian, started: '2020-01-01', ended: '2026-03-01' });
    expect((await w.call('getCompliance', {})).staff.map((s) => s.staffId)).not.toContain(w.staff.sian);
    expect((await w.call('getCompliance', { at: '2026-02-01' })).staff.map((s) => s.staffId)).toContain(w.staff.sian);
    const e = await w.fails('saveRegisterDetails', { staffId: w.staff.sian, ended: '2019-01-01' });
    expect(e.details?.issues?.[0]?.path).toBe('ended');
  });
});
