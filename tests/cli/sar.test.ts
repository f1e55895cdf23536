import { describe, expect, it } from 'vitest';
import { env, run, seeded, useCliWorld } from './run-world';

/** `casebook sar new` and `casebook sar list` in-process over the fake service (the rules: tests/data-protection). Today is 1 March 2026. */
useCliWorld();

describe('sar new', () => {
  it('logs a request and prints its id first, then its number and due date', async () => {
    const s = await seeded();
    const r = await run(['sar', 'new', '--name', 'Dana Price', '--dob', '01/05/1980', '--received', '2026-01-31']);
    expect(r.code).toBe(0);
    const [id, line] = r.stdout.trim().split('\n');
    expect(id).toMatch(/^sar_[a-z0-9]+$/);
    // 31 January → 28 February 2026, a Saturday → Monday 2 March.
    expect(line).toBe('Logged SAR-2026-0001, received 31 January 2026: due 2 March 2026.');
    expect(s.subjectAccess).toEqual([{ id, number: 'SAR-2026-0001', name: 'Dana Price', dateOfBirth: '1980-05-01', receivedOn: '2026-01-31' }]);
  });

  it('answers --json with the request, without the name', async () => {
    await seeded();
    const r = await run(['sar', 'new', '--name', 'Dana Price', '--received', '2026-02-20', '--json']);
    expect(r.code).toBe(0);
    const v = r.json().value as Record<string, unknown>;
    expect(v).toMatchObject({ number: 'SAR-2026-0001', receivedOn: '2026-02-20', due: '2026-03-20', status: 'in-progress', daysLeft: 19, late: false, cases: [] });
    expect(JSON.stringify(v)).not.toContain('Dana');
  });

  it('says what to fix: a missing name or received date, a date that is not real', async () => {
    await seeded();
    const noName = await run(['sar', 'new', '--received', '2026-02-20']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/--name/);
    const noDate = await run(['sar', 'new', '--name', 'Dana Price']);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toMatch(/--received/);
    const bad = await run(['sar', 'new', '--name', 'Dana Price', '--received', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--received must be a real date/);
  });

  it('is refused to a facilitator', async () => {
    await seeded([{ name: 'Fatima Hussain', role: 'facilitator' }]);
    const r = await run(['sar', 'new', '--name', 'Dana Price', '--received', '2026-02-20', '--user', 'Fatima Hussain'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Fatima Hussain passphrase' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Only administrators and coordinators may answer subject access requests/);
  });
});

describe('sar list', () => {
  it('shows each request by number and id, never the name; --json in the documented shape', async () => {
    await seeded();
    expect((await run(['sar', 'list'])).stdout).toMatch(/The subject access register is empty/);
    await run(['sar', 'new', '--name', 'Dana Price', '--received', '2026-02-01']);
    await run(['sar', 'new', '--name', 'Ray Holt', '--received', '2026-02-27']);
    const text = await run(['sar', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/2 requests, 1 due soon or overdue/);
    expect(text.stdout).toMatch(/SAR-2026-0001\s+sar_\w+\s+1 February 2026\s+2 March 2026\s+Due soon\s+1/);
    expect(text.stdout).toMatch(/SAR-2026-0002\s+sar_\w+\s+27 February 2026\s+27 March 2026\s+In progress\s+26/);
    expect(text.stdout).not.toMatch(/Dana|Ray/);
    const json = await run(['sar', 'list', '--json']);
    const v = json.json().value as { at: string; requests: Record<string, unknown>[] };
    expect(v.at).toBe('2026-03-01');
    expect(Object.keys(v.requests[0]!)).toEqual([
      'id', 'number', 'receivedOn', 'due', 'status', 'daysLeft', 'late', 'identityAskedOn', 'identityCheckedOn', 'clarificationAskedOn', 'clarificationReceivedOn', 'extension', 'completedOn', 'closedWithoutBundleOn', 'cases',
    ]);
    expect(JSON.stringify(v)).not.toMatch(/Dana|Ray/);
  });
});
