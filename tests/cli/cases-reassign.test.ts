import { describe, expect, it } from 'vitest';
import type { StaffRecord } from '../../src-main/domain/staff/record';
import { env, run, seeded, useCliWorld, world } from './run-world';

/** `casebook cases reassign --from --to` over the fake service: every open case the one leads, to the other; the rules are the service's (tests/daily-work). */
useCliWorld();

const priya: StaffRecord = { id: 's_priya01', name: 'Priya Shah', role: 'facilitator', level: 'advanced', active: false };
const tom: StaffRecord = { id: 's_tom0001', name: 'Tom Okafor', role: 'facilitator', level: 'advanced', active: true };

describe('cases reassign', () => {
  it('gives every open case one facilitator leads to another, naming each', async () => {
    const s = await seeded([], 6);
    s.register = [priya, tom];
    const open = [...s.cases.values()].slice(0, 2);
    for (const c of open) {
      const { exit: _exit, ...rest } = c;
      s.cases.set(c.id, { ...rest, stage: 'contact', leadFacilitatorId: priya.id, leadFacilitator: priya.name });
    }
    // And one she co-facilitates: she is replaced there too.
    const supported = [...s.cases.values()][2]!;
    const { exit: _exit, ...rest } = supported;
    s.cases.set(supported.id, { ...rest, stage: 'contact', coFacilitatorId: priya.id });
    const r = await run(['cases', 'reassign', '--from', 'priya shah', '--to', 'Tom']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Reassigned 3 cases from Priya Shah to Tom Okafor: ${[...open, supported].map((c) => c.reference).sort().join(', ')}.`);
    expect(open.map((c) => s.cases.get(c.id)?.leadFacilitatorId)).toEqual([tom.id, tom.id]);
    expect(s.cases.get(supported.id)?.coFacilitatorId).toBe(tom.id);
    expect(s.audit.filter((a) => a.startsWith('case.reassign'))).toHaveLength(3);
    // Nothing left to hand over: said so, nothing changed.
    expect((await run(['cases', 'reassign', '--from', 'Priya Shah', '--to', 'Tom Okafor'])).stdout).toMatch(/Priya Shah leads or co-facilitates no open case: nothing to reassign\./);
  });

  it('asks for both people before a passphrase, and refuses the same person twice or someone unknown', async () => {
    const s = await seeded();
    s.register = [priya, tom];
    const missing = await run(['cases', 'reassign', '--from', 'Priya Shah']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--to/);
    expect(world.unlocks).toEqual([]);
    expect((await run(['cases', 'reassign', '--from', 'Tom', '--to', 'Tom Okafor'])).stderr).toMatch(/--from and --to are the same person/);
    expect((await run(['cases', 'reassign', '--from', 'Nobody', '--to', 'Tom'])).stderr).toMatch(/No one on the staff list is called "Nobody"/);
  });

  it('is for coordinators and administrators', async () => {
    await seeded([{ name: 'Fatima Hussain', role: 'facilitator' }]);
    const r = await run(['cases', 'reassign', '--from', 'Priya', '--to', 'Tom', '--user', 'Fatima Hussain'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Fatima Hussain passphrase' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/reassign cases/);
  });
});
