import fc from 'fast-check';
import { STAGES } from '../../src-main/domain/cases/case';
import { PassphraseSchema } from '../../src-main/domain/casebook/passphrase';
import { ROLES } from '../../src-main/domain/access/roles';
import { commands, type CommandName } from '../../src-main/ipc/contract';
import { FAC_PASS, PASS } from '../support/casebook';

/**
 * What ipc-fuzz feeds each command: strings in many scripts and attacks, odd values and keys,
 * inputs shaped like the command's own (plausible, or valid with one thing wrong) and anything
 * at all. Passphrase-like values are marked SECRET-; the real passphrases are never generated.
 */

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
export const anyString = fc.oneof(
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
export function withOwn(base: object, extras: [string, unknown][]): Record<string, unknown> {
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
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(anyKey, scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constant(Object.create(null)) },
  { weight: 1, arbitrary: fc.constantFrom(new Map([['a', 1]]), new Set([1]), Symbol('x'), /re/g, new Error('boom')) },
);

// ---------------------------------------------------------------- inputs

export interface Known {
  userIds: string[];
  caseIds: string[];
  backupIds: string[];
}

/** Passphrase-like values are marked so a message that echoes one can be recognised. */
const secret = (min: number) => fc.string({ minLength: Math.max(0, min - 7), maxLength: 30 }).map((s) => `SECRET-${s}`);
const newSecret = secret(12).filter((p) => PassphraseSchema.safeParse(p).success);

/** Stands for the id of a backup that exists when the call is made (routine backups rotate away). */
export const LIVE_BACKUP = '@@live-backup@@';

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
    // A new passphrase must also not be a common one ("SECRET-12345" is "secret" with digits).
    passphrase: newSecret,
    newPassphrase: newSecret,
    next: newSecret,
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
export function inputFor(name: CommandName, known: Known): fc.Arbitrary<unknown> {
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
