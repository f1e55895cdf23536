import { describe, expect, it } from 'vitest';
import { env, run, seeded, store, useCliWorld, world } from './run-world';

/**
 * `casebook` run in-process over a fake service (run-world.ts): what it says before and around
 * any command. Help, usage errors (exit 2, the store never opened), --passphrase refused,
 * --json for errors too, and unexpected errors without paths or stacks.
 */
useCliWorld();

describe('help and usage errors', () => {
  it('prints help on stdout with exit 0 when asked, and on stderr with exit 2 when no command is given', async () => {
    const asked = await run(['--help']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/Usage: casebook COMMAND/);
    const bare = await run([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/Usage: casebook COMMAND/);
    const cmd = await run(['import', '--help']);
    expect(cmd.stdout).toMatch(/Usage: casebook import --from FILE \[--check\]/);
  });

  it('exits 2 for usage errors without opening the store', async () => {
    for (const argv of [['nonsense'], ['export'], ['export', '--bogus'], ['demo', '--cases', 'many'], ['demo', '--cases', '0'], ['cases', 'list', '--stage', 'finished'], ['case', 'show']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/^casebook: /);
    }
    expect(world.opened).toBe(0);
  });

  it('refuses --passphrase with exit 2, explains why, and never echoes the value', async () => {
    await seeded();
    for (const argv of [['verify', '--passphrase', 'my secret words'], ['verify', '--passphrase=my secret words']]) {
      const r = await run(argv, { env: { CASEBOOK_STORE: store } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--passphrase is not accepted/);
      expect(r.stderr + r.stdout).not.toContain('my secret');
    }
    expect(world.unlocks).toEqual([]);
  });

  it('with --json, writes exactly one JSON document on stdout, for errors too', async () => {
    const r = await run(['export', '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toEqual({ ok: false, error: { code: 'USAGE', message: expect.stringMatching(/needs --out FILE/) } });
    expect(r.stderr).toBe('');
  });
});

describe('unexpected errors', () => {
  it('print a generic message without paths or stacks, unless CASEBOOK_DEBUG=1', async () => {
    await seeded();
    world.open = async () => {
      throw new Error(`EACCES: permission denied, open '${store}/index.cbk'`);
    };
    const r = await run(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^casebook: Something went wrong/);
    expect(r.stderr).not.toContain(store);
    expect(r.stderr).not.toMatch(/\bat .*\.ts/);
    const debug = await run(['verify'], { env: { ...env, CASEBOOK_DEBUG: '1' } });
    expect(debug.stderr).toContain('EACCES');
    expect(debug.stderr).toMatch(/at .*run\.ts/);
  });
});
