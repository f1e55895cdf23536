import { describe, expect, it } from 'vitest';
import { run, seeded, useCliWorld } from './run-world';

/**
 * `casebook` run in-process over a fake service (run-world.ts): reading cases. The list as a
 * table and as JSON, one case by reference, and case data that cannot drive the terminal.
 */
useCliWorld();

describe('cases list and case show', () => {
  it('lists cases as a table and as JSON, filtered by stage', async () => {
    const s = await seeded([], 40);
    const r = await run(['cases', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Reference\s+Stage\s+Received/);
    expect(r.stdout).toMatch(/40 cases/);
    const closed = [...s.cases.values()].filter((c) => c.stage === 'closed').length;
    const j = await run(['cases', 'list', '--stage', 'closed', '--json']);
    expect((j.json().value as unknown[]).length).toBe(closed);
  });

  it('shows one case by reference, ignoring letter case', async () => {
    const s = await seeded([], 3);
    const c = [...s.cases.values()][1]!;
    const r = await run(['case', 'show', c.reference.toLowerCase()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Reference        ${c.reference}`);
    expect(r.stdout).toContain(c.participants[0]!.person.familyName);
    expect((await run(['case', 'show', c.reference, '--json'])).json()).toEqual({ ok: true, value: c });
    const missing = await run(['case', 'show', 'RJ-1999-0001']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No case has the reference RJ-1999-0001/);
  });

  it('strips terminal control and bidi-override characters from case data', async () => {
    const s = await seeded([], 1);
    const c = [...s.cases.values()][0]!;
    c.notes = 'before\u001b[2J\u202Eafter';
    const r = await run(['case', 'show', c.reference]);
    expect(r.stdout).toContain('before[2Jafter');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u202E');
  });
});
