import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeToResolve } from '../../src-main/domain/sync/status';
import { NO_ANSWER, serversOf, teamOf } from '../support/cli/fake-sync';
import { dir, env, PASS, run, seeded, store, useCliWorld, world } from './run-world';

/**
 * `casebook team enable|join`, `sync` and `conflicts list|resolve` over the fake service: the
 * arguments, where the server account comes from, what is printed and the exit codes. The
 * engine behind them is the service's (tests/sync).
 */
useCliWorld();

const REMOTE = 'http://127.0.0.1:5984/northshire';
const CHANGE: ChangeToResolve = {
  id: 'chg_0001',
  record: { kind: 'case', label: 'Case RJ-2026-0042', caseId: 'c_case00000042' },
  field: 'Contacts › 3 March 2026 phone call › Notes',
  versions: [
    { text: 'Left a message.', from: 'Siân Gruffudd on computer 1' },
    { text: 'Spoke to her:\nshe will think about it.', from: 'Tom Okafor on computer 2' },
  ],
  kept: 0,
};

describe('team enable', () => {
  it('sends the server account from the environment and says what went', async () => {
    await seeded([], 3);
    const r = await run(['team', 'enable', '--remote', REMOTE], { env: { ...env, CASEBOOK_REMOTE_USER: 'northshire', CASEBOOK_REMOTE_PASSWORD: 's3cret pass' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(serversOf(world).sent).toEqual([{ remote: REMOTE, serverUser: 'northshire', serverPassword: 's3cret pass' }]);
    expect(r.stdout).toContain(`Team use is on: this casebook syncs with ${REMOTE}.`);
    expect(r.stdout).toContain('Sent the casebook to the server: 4 encrypted documents.');
    expect(r.stdout).not.toContain('s3cret');
  });

  it('refuses a password in the address before asking for a passphrase, and a missing --remote', async () => {
    await seeded();
    const r = await run(['team', 'enable', '--remote', 'https://north:secret@couch.example.org/rj']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Put the server password in CASEBOOK_REMOTE_PASSWORD, not in the address/);
    expect(world.unlocks).toEqual([]);
    expect((await run(['team', 'enable'])).stderr).toMatch(/"team enable" needs --remote URL/);
    expect(serversOf(world).sent).toEqual([]);
  });

  it('is for administrators', async () => {
    await seeded([{ name: 'Tom Okafor', role: 'facilitator' }]);
    const r = await run(['team', 'enable', '--remote', REMOTE, '--user', 'Tom Okafor'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Tom Okafor passphrase' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/turn on team use/);
  });

  it('exits 8 with the service’s words when the server does not answer', async () => {
    await seeded();
    serversOf(world).unreachable.add(REMOTE);
    const r = await run(['team', 'enable', '--remote', REMOTE]);
    expect(r.code).toBe(8);
    expect(r.stderr).toBe(`casebook: ${NO_ANSWER}\n`);
  });
});

describe('team join', () => {
  it('fetches the team’s casebook into a new folder and says how many cases came', async () => {
    await seeded([{ name: 'Tom Okafor', role: 'facilitator' }], 5);
    expect((await run(['team', 'enable', '--remote', REMOTE, '--user', 'Siân Gruffudd'])).code).toBe(0);
    const other = join(dir, 'laptop-2');
    const r = await run(['team', 'join', '--remote', REMOTE, '--user', 'tom okafor', '--store', other], { env: { CASEBOOK_PASSPHRASE: 'Tom Okafor passphrase' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Joined Test RJ Service as Tom Okafor: 5 cases.\n');
    expect(teamOf(world.stores.get(other))?.remote).toBe(REMOTE);
  });

  it('answers --json with the service, who joined and the number of cases', async () => {
    await seeded([], 2);
    await run(['team', 'enable', '--remote', REMOTE]);
    const other = join(dir, 'laptop-2');
    const r = await run(['team', 'join', '--remote', REMOTE, '--user', 'Siân Gruffudd', '--store', other, '--json'], { env: { CASEBOOK_PASSPHRASE: PASS } });
    expect(r.json()).toMatchObject({ ok: true, value: { store: other, serviceName: 'Test RJ Service', user: { name: 'Siân Gruffudd' }, cases: 2 } });
  });

  it('needs --user, refuses a folder that holds a casebook, and a wrong passphrase fetches nothing', async () => {
    await seeded();
    await run(['team', 'enable', '--remote', REMOTE]);
    const other = join(dir, 'laptop-2');
    const noUser = await run(['team', 'join', '--remote', REMOTE, '--store', other], { env: { CASEBOOK_PASSPHRASE: PASS } });
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toMatch(/needs --user NAME/);
    const here = await run(['team', 'join', '--remote', REMOTE, '--user', 'Siân Gruffudd', '--store', store]);
    expect(here.code).toBe(1);
    expect(here.stderr).toMatch(/There is already a casebook in .*; nothing was changed/);
    const wrong = await run(['team', 'join', '--remote', REMOTE, '--user', 'Siân Gruffudd', '--store', other], { env: { CASEBOOK_PASSPHRASE: 'not the passphrase' } });
    expect(wrong.code).toBe(3);
    expect(world.stores.has(other)).toBe(false);
  });
});

describe('sync', () => {
  it('prints what moved and what waits; --json is the sync result exactly', async () => {
    const s = await seeded();
    await run(['team', 'enable', '--remote', REMOTE]);
    teamOf(s)!.changes = [CHANGE];
    teamOf(s)!.problems = [{ record: 'Case RJ-2026-0007', message: 'The server sent an older version of this case; the newer one here was kept.' }];
    const r = await run(['sync']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sent 0 changes to the server and fetched 0 changes.');
    expect(r.stdout).toContain('1 change to resolve (the same field changed two ways): see them with "casebook conflicts list".');
    expect(r.stdout).toContain('  Case RJ-2026-0007: The server sent an older version of this case; the newer one here was kept.');
    const j = await run(['sync', '--json']);
    expect(j.json()).toEqual({ ok: true, value: { at: '2026-03-01T12:00:00.000Z', pushed: 0, pulled: 0, merged: 0, toResolve: 1, problems: teamOf(s)!.problems } });
  });

  it('exits non-zero with a clear message when the server is unreachable, or team use is off', async () => {
    await seeded();
    const off = await run(['sync']);
    expect(off.code).toBe(1);
    expect(off.stderr).toMatch(/Team use is not on for this casebook/);
    await run(['team', 'enable', '--remote', REMOTE]);
    serversOf(world).unreachable.add(REMOTE);
    const r = await run(['sync', '--json']);
    expect(r.code).toBe(8);
    expect(r.json()).toEqual({ ok: false, error: { code: 'SERVER', message: NO_ANSWER } });
  });
});

describe('conflicts', () => {
  it('lists one block per change, versions numbered from 1 and the one kept marked', async () => {
    const s = await seeded();
    expect((await run(['conflicts', 'list'])).stdout).toBe('Nothing to resolve.\n');
    await run(['team', 'enable', '--remote', REMOTE]);
    teamOf(s)!.changes = [CHANGE];
    const r = await run(['conflicts', 'list']);
    expect(r.stdout).toContain('chg_0001  Case RJ-2026-0042 › Contacts › 3 March 2026 phone call › Notes\n  1. “Left a message.” from Siân Gruffudd on computer 1  (kept for now)\n  2. “Spoke to her: she will think about it.” from Tom Okafor on computer 2\n');
    expect((await run(['conflicts', 'list', '--json'])).json()).toEqual({ ok: true, value: [CHANGE] });
  });

  it('keeps the version asked for by its number, and refuses a number or id that is not there', async () => {
    const s = await seeded();
    await run(['team', 'enable', '--remote', REMOTE]);
    teamOf(s)!.changes = [CHANGE];
    expect((await run(['conflicts', 'resolve', 'chg_0001', '--keep', '0'])).code).toBe(2);
    const three = await run(['conflicts', 'resolve', 'chg_0001', '--keep', '3']);
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(/That change has 2 versions: --keep 1 or 2/);
    expect((await run(['conflicts', 'resolve', 'chg_9999', '--keep', '1'])).stderr).toMatch(/There is no change to resolve called "chg_9999"/);
    const r = await run(['conflicts', 'resolve', 'chg_0001', '--keep', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Kept version 2 (“Spoke to her: she will think about it.” from Tom Okafor on computer 2) for Case RJ-2026-0042 › Contacts › 3 March 2026 phone call › Notes. Nothing else to resolve.\n');
    expect(s.audit).toContain('sync.resolve chg_0001 1');
  });
});
