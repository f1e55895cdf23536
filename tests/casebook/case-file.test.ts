import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-main/domain/cases/case';
import {
  findForbiddenKeys,
  formatPath,
  MAX_IMPORT_BYTES,
  parseCaseFile,
  parseCaseFileText,
  toCaseFile,
  type ImportResult,
} from '../../src-main/domain/cases/case-file';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';

/** Cases as plain JSON, to be broken on purpose field by field with `damage`. */
const loose = (cs: Case[]): unknown[] => copy(cs);

/**
 * Set (or, with REMOVE, delete) the value at a dotted path inside parsed JSON, as a file
 * edited by hand would have it: "participants.0.person.dateOfBirth".
 */
const REMOVE = Symbol('remove');
function damage(record: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = record as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
}

const NOW = new Date('2026-03-01T12:00:00Z');
/** Demo cases as the casebook makes them (with staff and venues), so each has what its stage needs. */
const cases = (n = 3, seed: string | number = 'import-tests'): Case[] => generateDemoCases({ count: n, seed, now: NOW, resources: demoResources(n) });
/** Cases with nothing past the referral yet, whose ids nothing else in them refers to. */
const early = (n: number): Case[] => generateDemoCases({ count: n * 10, seed: 'early', now: NOW }).filter((c) => c.stage === 'referral' || c.stage === 'screening').slice(0, n);
/** Today as the service's clock gives it. */
const OPTS = { today: '2026-03-01' };
const file = (cs: unknown[], extra: Record<string, unknown> = {}) => ({ format: 'rj-casebook-cases', version: 1, cases: cs, ...extra });
/** Deep copy through JSON, as a file would arrive, so tests can damage it freely. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function problems(r: ImportResult) {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}
const paths = (r: ImportResult) => problems(r).map((p) => p.path);

describe('parseCaseFile: the envelope', () => {
  it('accepts a valid file and returns the cases', () => {
    const cs = cases();
    const r = parseCaseFile(copy(file(cs, { exportedAt: '2026-03-01T12:00:00.000Z' })), OPTS);
    expect(r).toEqual({ ok: true, cases: cs });
  });

  it.each([
    ['a list', []],
    ['null', null],
    ['a string', 'cases'],
    ['a number', 42],
  ])('refuses a top level that is %s', (what, data) => {
    const p = problems(parseCaseFile(data, OPTS));
    expect(p).toEqual([{ path: '(file)', message: expect.stringContaining(`it holds ${what}`) }]);
  });

  it('refuses a wrong format, a wrong version and unknown top-level fields', () => {
    const r = parseCaseFile({ format: 'something-else', version: '1', cases: cases(1), extra: true }, OPTS);
    expect(paths(r).sort()).toEqual(['extra', 'format', 'version']);
  });

  it('says a newer version needs a newer app, with its own code', () => {
    const r = parseCaseFile(file(cases(1), { version: 2 }), OPTS);
    expect(r).toMatchObject({ ok: false, code: 'NEWER_VERSION', problems: [{ path: 'version', message: expect.stringMatching(/newer RJ Casebook/) }] });
  });

  it('refuses an empty list and a cases field that is not a list', () => {
    expect(problems(parseCaseFile(file([]), OPTS))).toEqual([{ path: 'cases', message: 'The file has no cases to import' }]);
    expect(paths(parseCaseFile({ format: 'rj-casebook-cases', version: 1, cases: {} }, OPTS))).toEqual(['cases']);
    expect(paths(parseCaseFile({ format: 'rj-casebook-cases', version: 1 }, OPTS))).toEqual(['cases']);
  });
});

describe('parseCaseFile: every invalid record, with its path', () => {
  it('lists every problem in every record, and nothing about the valid ones', () => {
    const cs = loose(cases(6));
    damage(cs[1], 'stage', 'finished');
    damage(cs[3], 'participants.0.person.dateOfBirth', '2001-02-30');
    damage(cs[3], 'referral.priority', 'whenever');
    damage(cs[4], 'participants.0.person.nickname', 'Spike');
    damage(cs[5], 'referral.offenceDate', '2999-01-01');
    damage(cs[5], 'reference', REMOVE);
    const r = parseCaseFile(file(cs), OPTS);
    expect(r.ok).toBe(false);
    expect(paths(r).sort()).toEqual(
      [
        'cases[1].stage',
        'cases[3].participants[0].person.dateOfBirth',
        'cases[3].referral.priority',
        'cases[4].participants[0].person.nickname',
        'cases[5].reference',
      ].sort(),
    );
    const byPath = Object.fromEntries(problems(r).map((p) => [p.path, p.message]));
    expect(byPath['cases[3].participants[0].person.dateOfBirth']).toMatch(/real date as YYYY-MM-DD/);
    expect(byPath['cases[4].participants[0].person.nickname']).toMatch(/Unknown field/);
  });

  it('checks that the offence date is not after the referral (a rule across fields)', () => {
    const cs = loose(cases(1));
    damage(cs[0], 'referral.offenceDate', '2026-02-28');
    damage(cs[0], 'referral.receivedOn', '2026-01-01');
    expect(problems(parseCaseFile(file(cs), OPTS))).toEqual([{ path: 'cases[0].referral.offenceDate', message: expect.stringMatching(/after the referral/) }]);
  });

  it('refuses wrong types and huge strings at their paths', () => {
    const cs = loose(cases(3));
    damage(cs[0], 'revision', '3');
    damage(cs[1], 'notes', 'x'.repeat(100_001));
    damage(cs[2], 'referral.offenceDescription', 'y'.repeat(5_000_000));
    damage(cs[2], 'participants.0.person.givenName', 'G'.repeat(121));
    const p = problems(parseCaseFile(file(cs), OPTS));
    expect(p.map((x) => x.path).sort()).toEqual(['cases[0].revision', 'cases[1].notes', 'cases[2].participants[0].person.givenName', 'cases[2].referral.offenceDescription']);
    expect(p.find((x) => x.path === 'cases[1].notes')?.message).toMatch(/at most 100000 characters/);
    // A message never repeats the offending value.
    expect(p.every((x) => x.message.length < 300)).toBe(true);
  });

  it('refuses records that are not objects', () => {
    expect(paths(parseCaseFile(file([...cases(1), null, 'case', 7]), OPTS))).toEqual(['cases[1]', 'cases[2]', 'cases[3]']);
  });
});

describe('parseCaseFile: hostile keys', () => {
  it('finds __proto__ that JSON.parse made an own property, anywhere', () => {
    const text = JSON.stringify(file(cases(2)))
      .replace('"referral":{', '"referral":{"__proto__":{"polluted":true},')
      .replace('"format"', '"__proto__":{"polluted":true},"format"');
    const r = parseCaseFileText(text, OPTS);
    expect(paths(r).sort()).toEqual(['__proto__', 'cases[0].referral.__proto__'].sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses constructor and prototype too, deep inside a record, while still checking the others', () => {
    const cs = loose(cases(3));
    damage(cs[0], 'participants.0.person.constructor', { prototype: {} });
    damage(cs[2], 'timeline.0.prototype', 'x');
    damage(cs[1], 'stage', 'nope');
    const r = parseCaseFile(file(cs), OPTS);
    expect(paths(r).sort()).toEqual(['cases[0].participants[0].person.constructor', 'cases[1].stage', 'cases[2].timeline[0].prototype']);
  });

  it('walks very deep nesting without overflowing the stack', () => {
    const deep: unknown = JSON.parse('['.repeat(50_000) + '{"__proto__":1}' + ']'.repeat(50_000));
    const found = findForbiddenKeys(deep);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('[0]'.repeat(50_000) + '.__proto__');
  });
});

describe('parseCaseFile: duplicates', () => {
  it('refuses duplicate ids and references within the file, and duplicate participant ids within a case', () => {
    const cs = copy(early(4));
    damage(cs[2], 'id', cs[0]!.id);
    damage(cs[3], 'reference', cs[1]!.reference);
    cs[1]!.participants[1]!.id = cs[1]!.participants[0]!.id;
    const p = problems(parseCaseFile(file(cs), OPTS));
    expect(p).toEqual(
      expect.arrayContaining([
        { path: 'cases[2].id', message: expect.stringMatching(/also used by cases\[0\]/) },
        { path: 'cases[3].reference', message: expect.stringMatching(/also used by cases\[1\]/) },
        { path: 'cases[1].participants[1].id', message: expect.stringMatching(/also used by participants\[0\]/) },
      ]),
    );
    expect(p).toHaveLength(3);
  });
});

describe('parseCaseFileText', () => {
  it('refuses files over 200 MB before parsing', () => {
    const r = parseCaseFileText('{}', OPTS, MAX_IMPORT_BYTES + 1);
    expect(problems(r)[0]?.message).toMatch(/limit is 200 MB/);
    expect(parseCaseFileText(JSON.stringify(file(cases(1))), OPTS, MAX_IMPORT_BYTES).ok).toBe(true);
  });

  it('reports bad JSON with a line and column, without quoting the data', () => {
    const text = '{\n  "format": "rj-casebook-cases",\n  "secret": Siân Gruffudd\n}';
    const p = problems(parseCaseFileText(text, OPTS));
    expect(p).toHaveLength(1);
    expect(p[0]?.message).toMatch(/^The file is not valid JSON/);
    expect(p[0]?.message).not.toContain('Gruffudd');
    const trailing = problems(parseCaseFileText('{\n "a": 1,\n}', OPTS));
    expect(trailing[0]?.message).toMatch(/at line 3, column 1/);
  });

  it('accepts a byte-order mark', () => {
    expect(parseCaseFileText('\uFEFF' + JSON.stringify(file(cases(1))), OPTS).ok).toBe(true);
  });

  it('round-trips what export writes', () => {
    const cs = cases(50, 'round-trip');
    const r = parseCaseFileText(JSON.stringify(toCaseFile(cs, NOW), null, 2), OPTS);
    expect(r).toEqual({ ok: true, cases: cs });
  });

  it('accepts the example in docs/import-format.md', () => {
    const doc = readFileSync(new URL('../../docs/import-format.md', import.meta.url), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    const example = blocks.find((b) => b.includes('"participants"'));
    expect(example).toBeDefined();
    const r = parseCaseFileText(example as string, OPTS);
    expect(r.ok ? 'ok' : r.problems).toBe('ok');
  });
});

describe('formatPath', () => {
  it('writes paths the way a person reads them', () => {
    expect(formatPath(['cases', 3, 'participants', 0, 'person', 'dateOfBirth'])).toBe('cases[3].participants[0].person.dateOfBirth');
    expect(formatPath(['cases', 0, 'odd key'])).toBe('cases[0]["odd key"]');
    expect(formatPath([])).toBe('(file)');
  });
});

describe('attachments in the indirect log', () => {
  const withLetter = (): Case => {
    const c = cases(1, 'attachments')[0]!;
    const [from, to] = c.participants;
    return {
      ...c,
      indirectLog: [{ on: c.referral.receivedOn, medium: 'letter', fromParticipantId: from!.id, toParticipantId: to!.id, viaStaffId: 's_facil1', summary: 'Letter passed on.', attachment: 'ab'.repeat(32) }],
    };
  };

  it('are left out of an export: the entry keeps its words, the file stays in the casebook', () => {
    const exported = toCaseFile([withLetter()], NOW).cases[0]!;
    expect(exported.indirectLog).toEqual([expect.not.objectContaining({ attachment: expect.anything() })]);
    expect(exported.indirectLog![0]!.summary).toBe('Letter passed on.');
    expect(parseCaseFile(copy(toCaseFile([withLetter()], NOW)), OPTS)).toMatchObject({ ok: true });
  });

  it('are refused in an import, saying what to do', () => {
    expect(problems(parseCaseFile(copy(file([withLetter()])), OPTS))).toEqual([
      { path: 'cases[0].indirectLog[0].attachment', message: expect.stringMatching(/cannot be imported.*attach the file again/) },
    ]);
  });
});
