import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../src-main/domain/shared/json-keys';

/**
 * Duplicate keys in JSON text: found at any depth, with the path to them, and never where
 * there are none, whatever the strings around them hold (quotes, backslashes, braces).
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys and strings with the characters that could fool a scanner. */
const tricky = fc.string({ unit: fc.constantFrom('a', 'b', 'n', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'é', '\u2028'), maxLength: 6 });
const value: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    tricky,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** Every object in the value, with its path. */
function objects(v: Json, path: (string | number)[] = []): { path: (string | number)[]; obj: Record<string, Json> }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => objects(x, [...path, i]));
  if (v && typeof v === 'object') return [{ path, obj: v }, ...Object.entries(v).flatMap(([k, x]) => objects(x, [...path, k]))];
  return [];
}

/** JSON text of v in which the object at `target` repeats its key `key` (written with `spelling`). */
function withRepeat(v: Json, target: (string | number)[], key: string, spelling: string, extra: Json): string {
  const write = (x: Json, path: (string | number)[]): string => {
    if (Array.isArray(x)) return `[${x.map((y, i) => write(y, [...path, i])).join(',')}]`;
    if (x && typeof x === 'object') {
      const parts = Object.entries(x).map(([k, y]) => `${JSON.stringify(k)}:${write(y, [...path, k])}`);
      if (JSON.stringify(path) === JSON.stringify(target)) parts.push(`${spelling}: ${JSON.stringify(extra)}`);
      return `{${parts.join(' ,\n ')}}`;
    }
    return JSON.stringify(x);
  };
  return write(v, []);
}

describe('findDuplicateKeys', () => {
  it('finds nothing in JSON that has no repeated key', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(findDuplicateKeys(JSON.stringify(v))).toEqual([]);
        expect(findDuplicateKeys(JSON.stringify(v, null, 2))).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('finds a key repeated in any object at any depth, with its path, however the key is spelt', () => {
    const withObject = fc.tuple(value, fc.dictionary(tricky, value, { minKeys: 1, maxKeys: 3 })).map(([v, o]) => [v, o] as const);
    fc.assert(
      fc.property(withObject, fc.nat(), fc.nat(), fc.boolean(), ([outer, inner], pick, keyPick, escaped) => {
        // Put an object with at least one key somewhere inside, so there is a key to repeat.
        const v: Json = { outer, inner };
        const all = objects(v).filter((o) => Object.keys(o.obj).length > 0);
        const target = all[pick % all.length]!;
        const keys = Object.keys(target.obj);
        const key = keys[keyPick % keys.length]!;
        // The same key written with \u escapes for every character: JSON.parse reads it as the same key.
        const spelling = escaped ? `"${[...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(key);
        const text = withRepeat(v, target.path, key, spelling, 'second');
        expect(() => JSON.parse(text) as unknown).not.toThrow();
        expect(findDuplicateKeys(text)).toEqual([{ path: [...target.path, key], key, times: 2 }]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('counts a key written three times once, and lists each object that repeats one', () => {
    const text = '{"cases":[{"notes":"first","notes":"second","notes":"third"},{"id":1},{"a":{"b":1,"b":2}}]}';
    expect(findDuplicateKeys(text)).toEqual([
      { path: ['cases', 0, 'notes'], key: 'notes', times: 3 },
      { path: ['cases', 2, 'a', 'b'], key: 'b', times: 2 },
    ]);
  });

  it('walks very deep nesting and long files without recursion', () => {
    const deep = '['.repeat(100_000) + '{"k":1,"k":2}' + ']'.repeat(100_000);
    const found = findDuplicateKeys(deep);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toHaveLength(100_001);
    const long = JSON.stringify({ cases: Array.from({ length: 50_000 }, (_, i) => ({ id: i, notes: 'a "quoted" \\ note {x}', tags: ['a', 'b'] })) });
    const started = performance.now();
    expect(findDuplicateKeys(long)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops listing at the limit', () => {
    const text = `[${Array.from({ length: 50 }, () => '{"a":1,"a":2}').join(',')}]`;
    expect(findDuplicateKeys(text, 10)).toHaveLength(10);
  });
});
