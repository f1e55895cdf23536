import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { ERROR_CODES } from '../../src-main/domain/shared/errors';
import { commands, type CommandName } from '../../src-main/ipc/contract';
import { diffSnapshots, snapshotDir } from '../support/fault/fixtures';
import { FAC_PASS, PASS } from '../support/casebook';
import { anyString, anyValue, inputFor } from './ipc-fuzz-inputs';
import { makeWorld, sessionKey, settle, withLiveBackup, type StateName, type World } from './ipc-fuzz-states';

/**
 * Every IPC command fed arbitrary input, in four states of the store: not yet created, locked,
 * unlocked as an administrator, unlocked as a facilitator. Whatever comes in, `invoke`
 * resolves (never rejects) to a typed result: { ok: true, value } with a value its output
 * schema accepts, or { ok: false, error } with a known code that is not INTERNAL and a message
 * without a stack, an absolute path or a passphrase. A refused call writes nothing (every store
 * file compared byte for byte) and leaves the session as it was; nothing pollutes
 * Object.prototype. Inputs that happen to be valid are allowed to do their work.
 *
 * The inputs are in ipc-fuzz-inputs.ts, the four states in ipc-fuzz-states.ts.
 *
 * Seeded: set CASEBOOK_FUZZ_SEED to replay; fast-check prints the seed and path of a failure.
 */
// 10 inputs per command in each of four states (about 95 commands) keeps the suite inside CI's time on two
// cores; set CASEBOOK_FUZZ_RUNS higher for a deeper run.
const RUNS = Number(process.env.CASEBOOK_FUZZ_RUNS ?? 10);
const SEED = Number(process.env.CASEBOOK_FUZZ_SEED ?? 424242);
const CODES = Object.keys(ERROR_CODES);
const NAMES = Object.keys(commands) as CommandName[];

// ---------------------------------------------------------------- checks

const SECRET_FIELDS = ['passphrase', 'newPassphrase', 'next', 'current', 'recoveryKey'];

function secretsIn(input: unknown): string[] {
  if (!input || typeof input !== 'object') return [];
  const out: string[] = [];
  for (const k of SECRET_FIELDS) {
    const v = Object.getOwnPropertyDescriptor(input, k)?.value;
    if (typeof v === 'string' && v.startsWith('SECRET-')) out.push(v);
  }
  return out;
}

function checkResult(w: World, name: string, input: unknown, r: unknown): void {
  expect(r, 'the result is an object').toBeTypeOf('object');
  const res = r as { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: unknown } };
  expect(typeof res.ok).toBe('boolean');
  if (res.ok) {
    expect(Object.keys(res).sort()).toEqual(['ok', 'value']);
    const spec = commands[name as CommandName];
    const parsed = spec.output.safeParse(res.value);
    expect(parsed.success, `${name} answered with a value its output schema refuses: ${parsed.error?.message}`).toBe(true);
    return;
  }
  const e = res.error!;
  expect(Object.keys(res).sort()).toEqual(['error', 'ok']);
  expect(CODES, `unknown code ${e.code}`).toContain(e.code);
  expect(e.code, `INTERNAL for ${name}: ${e.message}`).not.toBe('INTERNAL');
  expect(typeof e.message).toBe('string');
  expect(e.message.length).toBeGreaterThan(0);
  const text = `${e.message} ${JSON.stringify(e.details ?? {})}`;
  expect(text, 'a stack trace').not.toMatch(/\n\s+at |\bat .*\.(ts|js):\d+/);
  expect(text, 'the store path').not.toContain(w.dir);
  expect(text, 'a temp path').not.toContain(tmpdir() + '/');
  expect(text, 'a source path').not.toContain(process.cwd());
  for (const secret of [PASS, FAC_PASS, ...secretsIn(input)]) expect(text, 'a passphrase').not.toContain(secret);
}

function prototypeClean(): void {
  expect(Object.keys(Object.prototype), 'Object.prototype was polluted').toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

function show(v: unknown): string {
  try {
    return String(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'string' && x.length > 80 ? `${x.slice(0, 40)}…(${x.length})` : x))).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

// ---------------------------------------------------------------- the properties

const STATES: StateName[] = ['uninitialised', 'locked', 'administrator', 'facilitator'];

describe.each(STATES)('every command fed arbitrary input, %s', (state) => {
  let w: World;
  const tally: Record<string, { ok: number; codes: Record<string, number> }> = {};

  beforeAll(async () => {
    w = await makeWorld(state);
  });

  afterAll(async () => {
    // The tally (which codes each command answered with) is printed only when asked for.
    if (process.env.IPC_FUZZ_TALLY) console.log(`ipc-fuzz ${state}: ${JSON.stringify(tally)}`);
    await w.service.close();
    await rm(w.dir, { recursive: true, force: true });
  });

  it.each(NAMES)('%s', async (name) => {
    const t = (tally[name] = { ok: 0, codes: {} as Record<string, number> });
    await fc.assert(
      fc.asyncProperty(inputFor(name, w.known), async (input) => {
        await settle(w, state);
        input = await withLiveBackup(w, input);
        const before = await snapshotDir(w.dir);
        const sessionBefore = sessionKey(w);
        let r: unknown;
        try {
          r = await w.registry.invoke(name, input);
        } catch (e) {
          throw new Error(`invoke rejected for ${name} ${show(input)}: ${String(e)}`);
        }
        checkResult(w, name, input, r);
        prototypeClean();
        const res = r as { ok: boolean; error?: { code: string } };
        if (res.ok) t.ok++;
        else {
          t.codes[res.error!.code] = (t.codes[res.error!.code] ?? 0) + 1;
          const changed = diffSnapshots(before, await snapshotDir(w.dir));
          expect(changed, `refused ${name} (${res.error!.code}) changed files; input ${show(input)}`).toEqual([]);
          expect(sessionKey(w), `refused ${name} changed the session`).toBe(sessionBefore);
        }
      }),
      { numRuns: RUNS, seed: SEED + NAMES.indexOf(name) * 7 + STATES.indexOf(state) },
    );
  });

  it('unknown command names, including ones inherited from Object.prototype, are NOT_FOUND', async () => {
    const odd = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'then', '', ' getStatus', 'GETSTATUS', 'getStatus\u0000', 'saveCase', 'importCaseFile', 'exportBackupFile', 'saveBackupCopies', 'close', 'service', 'invoke'];
    const before = await snapshotDir(w.dir);
    for (const name of odd) {
      const r = await w.registry.invoke(name, {});
      checkResult(w, name, {}, r);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), anyString, anyValue as fc.Arbitrary<string>), fc.anything(), async (name, input) => {
        fc.pre(!(typeof name === 'string' && Object.hasOwn(commands, name)));
        const r = await w.registry.invoke(name, input);
        checkResult(w, show(name), input, r);
        expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }),
      { numRuns: RUNS * 2, seed: SEED + 99 },
    );
    expect(diffSnapshots(before, await snapshotDir(w.dir))).toEqual([]);
    prototypeClean();
  });
});
