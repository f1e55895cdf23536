import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAGES } from '../../src-main/domain/cases/case';
import { ERROR_CODES } from '../../src-main/domain/shared/errors';
import { ROLES } from '../../src-main/domain/access/roles';
import { commands, type CommandName } from '../../src-main/ipc/contract';
import { createRegistry, type HandlerRegistry } from '../../src-main/ipc/registry';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { diffSnapshots, sampleCase, snapshotDir } from '../support/fault/fixtures';
import { PASS } from '../support/casebook';

/**
 * Every IPC command fed arbitrary input, in four states of the store: not yet created, locked,
 * unlocked as an administrator, unlocked as a facilitator. Whatever comes in, `invoke`
 * resolves (never rejects) to a typed result: { ok: true, value } with a value its output
 * schema accepts, or { ok: false, error } with a known code that is not INTERNAL and a message
 * without a stack, an absolute path or a passphrase. A refused call writes nothing (every store
 * file compared byte for byte) and leaves the session as it was; nothing pollutes
 * Object.prototype. Inputs that happen to be valid are allowed to do their work.
 *
 * Seeded: set CASEBOOK_FUZZ_SEED to replay; fast-check prints the seed and path of a failure.
 */
const RUNS = Number(process.env.CASEBOOK_FUZZ_RUNS ?? 50);
const SEED = Number(process.env.CASEBOOK_FUZZ_SEED ?? 424242);
const FAC_PASS = 'facilitator passphrase 1';
const CODES = Object.keys(ERROR_CODES);
const NAMES = Object.keys(commands) as CommandName[];

// ---------------------------------------------------------------- values

const huge = (n: number, ch: string) => fc.constant(ch.repeat(n));
const attackStrings = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "Robert'); DROP TABLE cases;--",
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\System32\\config\\SAM',
  'file:///etc/shadow',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  'prototype',
  '%00%0d%0a',
  'C:\\Users\\Public',
  '\\\\server\\share',
  'javascript:alert(1)',
);
const scriptStrings = fc.constantFrom(
  'Siân Williams',
  'Łukasz Żółć',
  'Zoë Brontë',
  'Şükrü Öztürk',
  'Nguyễn Thị Minh Khai',
  'Αλέξανδρος Παπαδόπουλος',
  'Алексей Смирнов',
  'محمد عبد الله',
  'שלום עליכם',
  '张伟',
  '佐藤 花子',
  '김민준',
  'देवनागरी लिपि',
  'ผู้ใช้งาน',
  'ქართული',
  'Հայերեն',
  '🙂👩🏽‍⚖️🏳️‍🌈',
  '\u202Eevil\u202C',
  'a\u0000b',
  'zero\u200Bwidth',
  'e\u0301\u0301\u0301',
  'lone \uD800 surrogate',
  '\uFEFFbom',
  'line\r\nbreak',
  '\t',
  ' ',
  '',
);
const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 2, arbitrary: attackStrings },
  { weight: 3, arbitrary: scriptStrings },
  { weight: 1, arbitrary: fc.oneof(huge(121, 'a'), huge(1025, 'p'), huge(100_000, 'ü'), huge(1_000_000, 'x')) },
);
const dangerousKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', '__defineGetter__', 'isAdmin', 'role');
const anyKey = fc.oneof(dangerousKey, fc.string({ maxLength: 12 }), scriptStrings);

/** Set own enumerable properties, even "__proto__", the way JSON.parse or structured clone would. */
function withOwn(base: object, extras: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = Array.isArray(base) ? ({} as Record<string, unknown>) : { ...(base as Record<string, unknown>) };
  for (const [k, v] of extras) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  return o;
}

const scalar = fc.oneof(
  anyString,
  fc.integer(),
  fc.double(), // includes NaN, ±Infinity, -0
  fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, 1e308, -0),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date(),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(anyKey, scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constant(Object.create(null)) },
  { weight: 1, arbitrary: fc.constantFrom(new Map([['a', 1]]), new Set([1]), Symbol('x'), /re/g, new Error('boom')) },
);

// ---------------------------------------------------------------- inputs

interface Known {
  userIds: string[];
  caseIds: string[];
  backupIds: string[];
}

/** Passphrase-like values are marked so a message that echoes one can be recognised. */
const secret = (min: number) => fc.string({ minLength: Math.max(0, min - 7), maxLength: 30 }).map((s) => `SECRET-${s}`);

/** Stands for the id of a backup that exists when the call is made (routine backups rotate away). */
const LIVE_BACKUP = '@@live-backup@@';

async function withLiveBackup(w: World, input: unknown): Promise<unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const keys = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] === LIVE_BACKUP);
  if (keys.length === 0) return input;
  const ids = await w.service.listBackups().then((b) => b.map((x) => x.id), () => w.known.backupIds);
  const id = ids[0] ?? w.known.backupIds[0] ?? '20260101T000000Z-abc';
  return withOwn(input, keys.map((k) => [k, id]));
}

const base32Group = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), minLength: 4, maxLength: 4 });

/** Plausible values for a field by its name, mixed with anything at all. Never the real passphrase. */
function field(command: CommandName, name: string, known: Known): fc.Arbitrary<unknown> {
  const id = (prefix: string, real: string[]) =>
    fc.oneof(fc.constantFrom(...(real.length ? real : [`${prefix}_0000000000`])), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 10, maxLength: 41 }).map((s) => `${prefix}_${s}`));
  const plausible: Record<string, fc.Arbitrary<unknown>> = {
    serviceName: fc.oneof(scriptStrings, fc.string({ maxLength: 130 })),
    userName: scriptStrings,
    name: scriptStrings,
    passphrase: fc.oneof(secret(1), fc.string({ minLength: 1, maxLength: 40 }).filter((p) => p !== PASS && p !== FAC_PASS)),
    newPassphrase: fc.oneof(secret(12), fc.string({ minLength: 10, maxLength: 40 })),
    next: fc.oneof(secret(12), fc.string({ minLength: 10, maxLength: 40 })),
    current: fc.oneof(secret(1), fc.string({ minLength: 1, maxLength: 40 }).filter((p) => p !== PASS && p !== FAC_PASS)),
    userId: id('u', known.userIds),
    role: fc.constantFrom(...ROLES, 'root', 'Administrator', 'admin'),
    recoveryKey: fc.array(base32Group, { minLength: 12, maxLength: 14 }).map((g) => g.join('-')),
    id:
      command === 'getCase'
        ? id('c', known.caseIds)
        : fc.oneof(fc.constantFrom(...(known.backupIds.length ? known.backupIds : ['20260101T000000Z-abc'])), fc.string({ unit: fc.constantFrom(...'0123456789TZ-'), minLength: 15, maxLength: 40 })),
    backupId: fc.oneof(fc.constantFrom(...(known.backupIds.length ? known.backupIds : ['20260101T000000Z-abc'])), fc.string({ unit: fc.constantFrom(...'0123456789TZ-'), minLength: 15, maxLength: 40 })),
    stage: fc.constantFrom(...STAGES, 'deleted', 'REFERRAL'),
    query: anyString,
    from: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2026-02-31', '2026-13-01', '31/01/2026')),
    to: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2026-02-30', 'tomorrow')),
    action: fc.oneof(fc.constantFrom('session', 'case.update', 'user'), anyString),
    offset: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double()),
    limit: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double()),
    idleLockMinutes: fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double()),
    backupsToKeep: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double()),
    roleLabels: fc.oneof(
      fc.record({ harmed: fc.oneof(scriptStrings, anyString), responsible: fc.oneof(scriptStrings, anyString) }),
      fc.record({ harmed: scriptStrings }),
      fc.tuple(fc.record({ harmed: scriptStrings, responsible: scriptStrings }), dangerousKey, anyValue).map(([o, k, v]) => withOwn(o, [[k, v]])),
    ),
  };
  // undefined on its own too: structured clone (Electron's IPC) keeps a key whose value is undefined.
  return fc.oneof({ weight: 6, arbitrary: plausible[name] ?? anyValue }, { weight: 2, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(undefined) });
}

/** Values that pass the field's schema, so that a single change (below) reaches the code behind it. */
function validField(command: CommandName, name: string, known: Known): fc.Arbitrary<unknown> {
  const dateText = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const person = fc.constantFrom('Ann Example', 'Łukasz Nowak', 'Nguyễn Văn An', 'Αλέξανδρος', "Siobhán O'Brien-Smith", '张伟', 'Алексей Смирнов');
  const text = fc.constantFrom('Fuzzshire RJ', 'Gwasanaeth Cyfiawnder Adferol', '<script>alert(1)</script>', 'Служба примирения', '修复性司法', 'Zoë & Şükrü');
  const ids = (real: string[], fallback: string) => fc.constantFrom(...(real.length ? real : [fallback]));
  const valid: Record<string, fc.Arbitrary<unknown>> = {
    serviceName: text,
    userName: person,
    name: person,
    passphrase: secret(12),
    newPassphrase: secret(12),
    next: secret(12),
    current: secret(1),
    userId: ids(known.userIds, 'u_0000000000'),
    role: fc.constantFrom(...ROLES),
    recoveryKey: fc.array(base32Group, { minLength: 13, maxLength: 13 }).map((g) => g.join('-')),
    id: command === 'getCase' ? ids(known.caseIds, 'c_0000000000') : fc.constant(LIVE_BACKUP),
    backupId: fc.constant(LIVE_BACKUP),
    stage: fc.constantFrom(...STAGES),
    query: fc.oneof(scriptStrings.filter((q) => q.length <= 200), fc.string({ maxLength: 20 })),
    from: dateText,
    to: dateText,
    action: fc.constantFrom('case', 'session.unlock', 'settings'),
    offset: fc.nat(100),
    limit: fc.integer({ min: 1, max: 500 }),
    idleLockMinutes: fc.integer({ min: 1, max: 240 }),
    backupsToKeep: fc.integer({ min: 1, max: 100 }),
    roleLabels: fc.record({ harmed: fc.constantFrom('Person harmed', 'Victim', 'Dioddefwr', 'Пострадавший'), responsible: fc.constantFrom('Person responsible', 'Offender', 'Troseddwr') }),
  };
  return valid[name] ?? anyValue;
}

type Mutation = { kind: 'none' } | { kind: 'undefined' | 'delete'; key: number } | { kind: 'replace'; key: number; value: unknown } | { kind: 'extra'; key: string; value: unknown };

/** A valid input with at most one thing wrong with it: a field undefined, missing, replaced with anything, or an extra key. */
function nearValid(name: CommandName, known: Known): fc.Arbitrary<unknown> {
  const keys = shapeOf(name);
  const base = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, validField(name, k, known)]))) : fc.constant({} as Record<string, unknown>);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.constant<Mutation>({ kind: 'none' }),
    fc.nat().map((key): Mutation => ({ kind: 'undefined', key })),
    fc.nat().map((key): Mutation => ({ kind: 'delete', key })),
    fc.tuple(fc.nat(), fc.oneof(anyValue, attackStrings, scriptStrings)).map(([key, value]): Mutation => ({ kind: 'replace', key, value })),
    fc.tuple(anyKey, anyValue).map(([key, value]): Mutation => ({ kind: 'extra', key, value })),
  );
  // With no fields to spoil, the only possible mistake is an extra key.
  const mutations = keys.length ? mutation : fc.oneof({ weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'none' }) }, { weight: 3, arbitrary: fc.tuple(anyKey, anyValue).map(([key, value]): Mutation => ({ kind: 'extra', key, value })) });
  return fc.tuple(base, mutations).map(([b, m]) => {
    const o: Record<string, unknown> = { ...(b as Record<string, unknown>) };
    if (m.kind === 'extra') return withOwn(o, [[m.key, m.value]]);
    if (m.kind === 'none' || keys.length === 0) return o;
    const k = keys[m.key % keys.length]!;
    if (m.kind === 'delete') delete o[k];
    else o[k] = m.kind === 'replace' ? m.value : undefined;
    return o;
  });
}

function shapeOf(name: CommandName): string[] {
  const schema = commands[name].input as unknown as { shape?: Record<string, unknown> };
  return Object.keys(schema.shape ?? {});
}

/** Anything at all, or an object shaped like the command's input with odd values and extra keys. */
function inputFor(name: CommandName, known: Known): fc.Arbitrary<unknown> {
  const keys = shapeOf(name);
  const fields = Object.fromEntries(keys.map((k) => [k, field(name, k, known)]));
  const shaped = keys.length ? fc.oneof(fc.record(fields), fc.record(fields, { requiredKeys: [] })) : fc.constant({});
  const withExtras = fc.tuple(shaped, fc.array(fc.tuple(anyKey, anyValue), { minLength: 1, maxLength: 3 })).map(([o, extras]) => withOwn(o, extras));
  // What JSON.parse makes of '{"__proto__": {...}, "constructor": {...}, ...}': own keys, not a prototype.
  const protoJson = shaped.map((o) =>
    withOwn(o as object, [
      ['__proto__', { isAdmin: true, polluted: 'yes', role: 'administrator' }],
      ['constructor', { prototype: { polluted: 'yes' } }],
    ]),
  );
  return fc.oneof(
    { weight: 6, arbitrary: nearValid(name, known) },
    { weight: 2, arbitrary: fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withUnicodeString: true, key: anyKey, maxDepth: 3 }) },
    { weight: 2, arbitrary: shaped },
    { weight: 1, arbitrary: withExtras },
    { weight: 1, arbitrary: protoJson },
    { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.constant(null), anyValue, fc.array(anyValue, { maxLength: 3 })) },
  );
}

// ---------------------------------------------------------------- states

type StateName = 'uninitialised' | 'locked' | 'administrator' | 'facilitator';

interface World {
  dir: string;
  service: CasebookService;
  registry: HandlerRegistry;
  known: Known;
  adminId: string;
  facilitatorId: string;
}

async function makeWorld(state: StateName): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-fuzz-'));
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  const world: World = { dir, service, registry: createRegistry(service), known: { userIds: [], caseIds: [], backupIds: [] }, adminId: '', facilitatorId: '' };
  if (state === 'uninitialised') return world;
  const created = await service.create({ serviceName: 'Fuzzshire RJ', userName: 'Siân Williams', passphrase: PASS });
  world.adminId = created.session.user.id;
  world.facilitatorId = (await service.addUser({ name: 'Fatima Facilitator', role: 'facilitator', passphrase: FAC_PASS })).id;
  world.known.caseIds.push((await service.saveCase(sampleCase())).id);
  world.known.backupIds.push((await service.createBackup('manual')).id);
  world.known.userIds.push(world.adminId, world.facilitatorId);
  await service.lock('manual');
  await settle(world, state);
  return world;
}

/** Put the world back in its state after a valid call changed it (a lock, a create, a restore). */
async function settle(w: World, state: StateName): Promise<void> {
  if (state === 'uninitialised') {
    if ((await w.service.status()).state === 'uninitialised') return;
    await w.service.close();
    await rm(w.dir, { recursive: true, force: true });
    w.dir = await mkdtemp(join(tmpdir(), 'casebook-fuzz-'));
    w.service = await createCasebookService({ storeDir: w.dir, kdf: 'minimum' });
    w.registry = createRegistry(w.service);
    return;
  }
  const session = w.service.currentSession();
  if (state === 'locked') {
    if (session) await w.service.lock('manual');
    return;
  }
  const wanted = state === 'administrator' ? w.adminId : w.facilitatorId;
  if (session?.user.id === wanted && !session.readOnly) return;
  if (session) await w.service.lock('manual');
  await w.service.unlock(wanted, state === 'administrator' ? PASS : FAC_PASS);
}

function sessionKey(w: World): string {
  const s = w.service.currentSession();
  return s ? `${s.user.id}/${s.readOnly}` : 'none';
}

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
    console.log(`ipc-fuzz ${state}: ${JSON.stringify(tally)}`);
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
