import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import { run, seeded, useCliWorld } from './run-world';

/** `casebook staff compliance` in-process over the fake service, which judges a register with the shipped rules. */
useCliWorld();

const sam: StaffMember = {
  id: 's_sam001',
  name: 'Sam Okafor',
  role: 'facilitator',
  level: 'intermediate',
  active: true,
  employment: 'paid',
  started: '2020-01-06',
  supervision: [{ date: '2026-09-02', supervisorId: 's_ada001', kind: 'case' }],
};
const ada: StaffMember = { id: 's_ada001', name: 'Ada Lowe', role: 'coordinator', level: 'advanced', active: true, registration: { level: 'advanced', number: 'RJC-1', registeredOn: '2020-01-01', renewalDue: '2030-01-01' } };
const admin: StaffMember = { id: 's_adm001', name: 'Pat Admin', role: 'administrator', active: true };

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
});
