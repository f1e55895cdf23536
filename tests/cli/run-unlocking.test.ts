import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';
import { FakeTty } from '../support/cli/harness';
import { dir, env, NOW, PASS, run, seeded, store, useCliWorld, world } from './run-world';

/**
 * `casebook` run in-process over a fake service (run-world.ts): creating a casebook and getting
 * into it. init and its recovery key; the passphrase from the environment or the terminal;
 * choosing who you are; the exit codes for a wrong passphrase, no casebook, another role or
 * another copy holding the store; and verify.
 */
useCliWorld();

describe('init', () => {
  it('creates the casebook and prints the recovery key once, with advice', async () => {
    const r = await run(['init', '--service', 'Warwickshire RJ', '--user', 'Siân Gruffudd']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/RECOVERY KEY/);
    expect(r.stdout).toContain('ABCD-EFGH-IJKL');
    expect(r.stdout).toMatch(/keep it somewhere safe/);
    expect(world.stores.get(store)?.users[0]).toMatchObject({ name: 'Siân Gruffudd', role: 'administrator', passphrase: PASS });
  });

  it('gives the key and user in --json', async () => {
    const r = await run(['init', '--service', 'Warwickshire RJ', '--user', 'Siân Gruffudd', '--json']);
    expect(r.json()).toMatchObject({ ok: true, value: { store, serviceName: 'Warwickshire RJ', recoveryKey: expect.any(String), user: { name: 'Siân Gruffudd', role: 'administrator' } } });
  });

  it('asks twice on the terminal when there is no CASEBOOK_PASSPHRASE', async () => {
    const tty = new FakeTty(['a long enough passphrase\r', 'a long enough passphrase\r']);
    const r = await run(['init', '--service', 'RJ', '--user', 'Ann Smith'], { env: { CASEBOOK_STORE: store }, stdin: tty });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Choose a passphrase.*\n.*Type it again/s);
    expect(r.stderr).not.toContain('a long enough passphrase');
    expect(world.stores.get(store)?.users[0]?.passphrase).toBe('a long enough passphrase');
  });

  it('refuses a second casebook in the same folder, bad names and short passphrases', async () => {
    await seeded();
    expect((await run(['init', '--service', 'RJ', '--user', 'Ann Smith'])).code).toBe(1);
    const other = { ...env, CASEBOOK_STORE: join(dir, 'other') };
    const badName = await run(['init', '--service', 'RJ', '--user', 'R2-D2'], { env: other });
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/--user: .*letters/);
    const short = await run(['init', '--service', 'RJ', '--user', 'Ann Smith'], { env: { ...other, CASEBOOK_PASSPHRASE: 'short' } });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    // Long enough but easy to guess: the same rule as the app's set-up screen, and nothing made.
    for (const [weak, why] of [['aaaaaaaaaaaa', /5 different characters/], [' '.repeat(12), /only spaces/], ['Password2026!', /common passphrases/]] as const) {
      const r = await run(['init', '--service', 'RJ', '--user', 'Ann Smith'], { env: { ...other, CASEBOOK_PASSPHRASE: weak } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toMatch(/Nothing was created/);
    }
    expect(world.stores.has(join(dir, 'other'))).toBe(false);
    expect((await run(['init', '--user', 'Ann Smith'], { env: other })).code).toBe(2);
  });
});

describe('unlocking', () => {
  it('exits 3 on a wrong passphrase', async () => {
    await seeded();
    const r = await run(['verify', '--json'], { env: { ...env, CASEBOOK_PASSPHRASE: 'not the right one' } });
    expect(r.code).toBe(3);
    expect(r.json().error?.code).toBe('AUTH_FAILED');
  });

  it('exits 2 with advice when there is no passphrase and no terminal', async () => {
    await seeded();
    const r = await run(['verify'], { env: { CASEBOOK_STORE: store } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CASEBOOK_PASSPHRASE/);
  });

  it('asks who you are when several people can unlock, and takes CASEBOOK_USER or --user', async () => {
    await seeded([{ name: 'Łukasz Nowak', role: 'facilitator' }], 2);
    const r = await run(['cases', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--user NAME or CASEBOOK_USER.*Siân Gruffudd, Łukasz Nowak/);
    expect((await run(['cases', 'list'], { env: { ...env, CASEBOOK_USER: 'siân gruffudd' } })).code).toBe(0);
    const asFacilitator = await run(['cases', 'list', '--user', 'Łukasz Nowak'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Łukasz Nowak passphrase' } });
    expect(asFacilitator.code).toBe(0);
    expect(world.unlocks.at(-1)?.who).toBe('Łukasz Nowak');
  });

  it('exits 1 and names the folder when there is no casebook', async () => {
    const r = await run(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`There is no casebook in ${store}`);
    expect(r.stderr).toMatch(/casebook init/);
  });

  it('refuses administrator commands to other roles', async () => {
    await seeded([{ name: 'Łukasz Nowak', role: 'facilitator' }]);
    const r = await run(['verify', '--user', 'Łukasz Nowak', '--json'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Łukasz Nowak passphrase' } });
    expect(r.code).toBe(1);
    expect(r.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Only administrators may verify the casebook; .* is a facilitator/) });
  });

  it('exits 4 for changes while another copy holds the store, but still reads', async () => {
    const s = await seeded([], 3);
    s.heldBy = { user: 'ann', host: 'office-pc', pid: 4242, since: '2026-03-01T09:00:00Z' };
    await writeFile(join(dir, 'one.json'), JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases: generateDemoCases({ count: 1, seed: 'x', now: NOW, resources: demoResources(1) }) }));
    const r = await run(['import', '--from', join(dir, 'one.json'), '--json']);
    expect(r.code).toBe(4);
    expect(r.json().error).toMatchObject({ code: 'STORE_IN_USE', details: { holder: { host: 'office-pc' } } });
    const list = await run(['cases', 'list']);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/in use by ann on office-pc \(since .*\); reading only/);
  });

  it('always closes the service, on success and on failure', async () => {
    await seeded();
    await run(['cases', 'list']);
    await run(['verify'], { env: { ...env, CASEBOOK_PASSPHRASE: 'wrong wrong wrong' } });
    expect(world.closed).toBe(world.opened);
    expect(world.opened).toBe(2);
  });
});

describe('verify', () => {
  it('exits 0 when clean', async () => {
    await seeded();
    const r = await run(['verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No problems found/);
  });

  it('names every damaged file and exits 5', async () => {
    const s = await seeded();
    s.problems = [
      { file: 'cases/c_aaaaaaaaaaaaaaaa.cbk', message: 'cannot be decrypted' },
      { file: 'audit/000002.cbk', message: 'breaks the hash chain at entry 300' },
    ];
    const r = await run(['verify']);
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(/Found 2 problems/);
    expect(r.stdout).toContain('cases/c_aaaaaaaaaaaaaaaa.cbk: cannot be decrypted');
    expect(r.stdout).toContain('audit/000002.cbk: breaks the hash chain');
    const j = await run(['verify', '--json']);
    expect(j.code).toBe(5);
    expect(j.json()).toMatchObject({ ok: false, error: { code: 'CORRUPT', details: { problems: s.problems } } });
  });
});

describe('accept-as-it-is', () => {
  const rolledBack = async () => {
    const s = await seeded([{ name: 'Łukasz Nowak', role: 'facilitator' }]);
    s.problems = [{ file: 'index.cbk', message: 'is not the version the casebook last saved (change 9)' }];
    return s;
  };

  it('says what does not match when a command opens the casebook, and refuses changes', async () => {
    await rolledBack();
    const list = await run(['cases', 'list', '--user', 'Siân Gruffudd']);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/does not match its own record of its last save/);
    expect(list.stderr).toContain('index.cbk is not the version the casebook last saved');
    const backup = await run(['backup', '--out', join(dir, 'copy.cbk'), '--user', 'Siân Gruffudd', '--json']);
    expect(backup.json().error).toMatchObject({ code: 'READ_ONLY' });
  });

  it('asks for --yes, refuses other roles, then seals it and records the decision', async () => {
    const s = await rolledBack();
    const unconfirmed = await run(['accept-as-it-is']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/Add --yes/);
    const other = await run(['accept-as-it-is', '--yes', '--user', 'Łukasz Nowak', '--json'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Łukasz Nowak passphrase' } });
    expect(other.json().error).toMatchObject({ code: 'FORBIDDEN' });
    expect(s.problems).toHaveLength(1);
    const r = await run(['accept-as-it-is', '--yes', '--user', 'Siân Gruffudd']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sealed as it is now/);
    expect(s.problems).toEqual([]);
    expect(s.audit).toContain('casebook.accept-as-it-is');
  });

  it('has nothing to accept in a casebook that matches', async () => {
    await seeded();
    const r = await run(['accept-as-it-is', '--yes', '--json']);
    expect(r.json().error).toMatchObject({ code: 'CONFLICT' });
  });
});
