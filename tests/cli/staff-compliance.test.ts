import { describe, expect, it } from 'vitest';
import type { StaffRecord } from '../../src-main/domain/staff/record';
import { run, seeded, useCliWorld } from './run-world';

/** `casebook staff compliance`, `staff cpd`, `staff supervision` and `staff observed` in-process over the fake service, which judges a register with the shipped rules. */
useCliWorld();

const sam: StaffRecord = {
  id: 's_sam001',
  name: 'Sam Okafor',
  role: 'facilitator',
  level: 'intermediate',
  active: true,
  employment: 'paid',
  started: '2020-01-06',
  supervision: [{ date: '2026-09-02', supervisorId: 's_ada001', kind: 'case' }],
};
const ada: StaffRecord = { id: 's_ada001', name: 'Ada Lowe', role: 'coordinator', level: 'advanced', active: true, registration: { level: 'advanced', number: 'RJC-1', registeredOn: '2020-01-01', renewalDue: '2030-01-01' } };
const admin: StaffRecord = { id: 's_adm001', name: 'Pat Admin', role: 'administrator', active: true };

describe('staff compliance', () => {
  it('answers --json in exactly the shape the issue sets', async () => {
    const s = await seeded();
    s.register = [sam, ada, admin];
    const r = await run(['staff', 'compliance', '--at', '2026-12-09', '--json']);
    expect(r.code).toBe(0);
    const v = r.json().value as Record<string, unknown> & { staff: { name: string; level: string | null; checks: Record<string, unknown>[] }[] };
    expect(Object.keys(v)).toEqual(['at', 'registeredShare', 'registeredShareMet', 'staff']);
    expect(v).toMatchObject({ at: '2026-12-09', registeredShare: 0.5, registeredShareMet: false });
    expect(v.staff.map((p) => [p.name, p.level])).toEqual([['Ada Lowe', 'advanced'], ['Sam Okafor', 'intermediate']]);
    expect(Object.keys(v.staff[1]!)).toEqual(['name', 'level', 'checks']);
    expect(v.staff[1]!.checks[0]).toEqual({ rule: 'supervision', status: 'overdue', due: '2026-11-25', detail: 'last case supervision 14 weeks ago, on 2 September 2026; was due by 25 November 2026' });
  });

  it('prints a readable list, and refuses a date that is not one', async () => {
    const s = await seeded();
    s.register = [sam, ada];
    const r = await run(['staff', 'compliance', '--at', '2026-12-09']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Registered with the RJC: 1 of 2 counted practitioners \(50%\): below/);
    expect(r.stdout).toMatch(/Sam Okafor \(Intermediate\)\n\s+Case supervision\s+Overdue\s+last case supervision 14 weeks ago/);
    const bad = await run(['staff', 'compliance', '--at', '2025-02-29']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--at must be a real date/);
  });

  it('records CPD, supervision and observed practice by name, and compliance counts them', async () => {
    const s = await seeded();
    s.register = [structuredClone(sam), ada];
    const cpd = await run(['staff', 'cpd', '--staff', 'sam okafor', '--date', '2026-02-01', '--hours', '12', '--rjc-approved', '--activity', 'RJC webinar']);
    expect(cpd.stderr).toBe('');
    expect(cpd.stdout).toMatch(/Recorded 12 hours of CPD for Sam Okafor on 2026-02-01/);
    expect((await run(['staff', 'supervision', '--staff', 'Sam', '--date', '2026-02-20', '--supervisor', 'Ada Lowe'])).code).toBe(0);
    expect((await run(['staff', 'observed', '--staff', 's_sam001', '--date', '2026-02-21', '--observer', 'Ada'])).code).toBe(0);
    expect(s.register[0]).toMatchObject({
      cpd: [{ date: '2026-02-01', activity: 'RJC webinar', hours: 12, rjcApproved: true }],
      supervision: [sam.supervision![0], { date: '2026-02-20', supervisorId: 's_ada001', kind: 'case' }],
      observed: [{ date: '2026-02-21', observerId: 's_ada001' }],
    });
    const v = (await run(['staff', 'compliance', '--at', '2026-03-01', '--json'])).json().value as { staff: { name: string; checks: { rule: string; status: string }[] }[] };
    const checks = Object.fromEntries(v.staff.find((p) => p.name === 'Sam Okafor')!.checks.map((c) => [c.rule, c.status]));
    expect(checks).toMatchObject({ supervision: 'met', 'observed-practice': 'met', 'cpd-hours': 'met', 'cpd-approved': 'met' });
  });

  it('refuses bad options before asking for a passphrase', async () => {
    await seeded();
    expect((await run(['staff', 'cpd', '--staff', 'Sam', '--date', '2026-02-30', '--hours', '1', '--activity', 'x'])).stderr).toMatch(/--date must be a real date/);
    expect((await run(['staff', 'cpd', '--staff', 'Sam', '--date', '2026-02-01', '--hours', 'two', '--activity', 'x'])).stderr).toMatch(/--hours must be a number/);
    expect((await run(['staff', 'supervision', '--staff', 'Sam', '--date', '2026-02-01', '--supervisor', 'Ada', '--kind', 'peer'])).stderr).toMatch(/--kind is case or line/);
  });
});
