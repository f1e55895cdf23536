import { describe, expect, it } from 'vitest';
import { mergeThreeWay, type Conflict, type Json } from '../../src-main/domain/sync/merge';
import { resolveConflict, valueAtPath } from '../../src-main/domain/sync/resolve';

/** Resolving a conflict: the chosen version goes in at the path, nothing else changes. */
const A = { machine: 'a', rev: '2-a' };
const B = { machine: 'b', rev: '2-b' };
const conflict = (path: Conflict['path'], values: (Json | undefined)[]): Conflict => ({
  id: 'c',
  path,
  base: null,
  versions: values.map((value, i) => ({ value, origin: i ? B : A })),
  kept: 0,
});

describe('resolveConflict', () => {
  const record: Json = { notes: 'a', contacts: [{ id: 'c1', date: '2026-03-01' }, { id: 'c3', date: '2026-03-05' }] };

  it('sets the chosen value and leaves the record passed in as it was', () => {
    const before = JSON.stringify(record);
    expect(resolveConflict(record, conflict(['notes'], ['a', 'b']), 1)).toEqual({ ...(record as object), notes: 'b' });
    expect(JSON.stringify(record)).toBe(before);
  });

  it('removes a key or a record in a set when the removal is chosen', () => {
    expect(resolveConflict(record, conflict(['notes'], ['a', undefined]), 1)).not.toHaveProperty('notes');
    const r = resolveConflict(record, conflict(['contacts', { id: 'c1' }], [{ id: 'c1' }, undefined]), 1);
    expect(valueAtPath(r, ['contacts'])).toEqual([{ id: 'c3', date: '2026-03-05' }]);
  });

  it('brings a removed record back in date order', () => {
    const r = resolveConflict(record, conflict(['contacts', { id: 'c2' }], [undefined, { id: 'c2', date: '2026-03-02' }]), 1);
    expect((valueAtPath(r, ['contacts']) as { id: string }[]).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('returns undefined when the removal of the whole record is chosen', () => {
    const { merged, conflicts } = mergeThreeWay({ n: 1 }, { value: undefined, origin: A }, { value: { n: 2 }, origin: B });
    expect(resolveConflict(merged!, conflicts[0]!, conflicts[0]!.versions.findIndex((v) => v.value === undefined))).toBeUndefined();
  });

  it('changes nothing when the conflict’s place has gone', () => {
    expect(resolveConflict(record, conflict(['contacts', { id: 'gone' }, 'notes'], ['a', 'b']), 1)).toBe(record);
    expect(resolveConflict(record, conflict(['missing', 'notes'], ['a', 'b']), 1)).toBe(record);
  });

  it('refuses a choice that is not one of the versions', () => {
    expect(() => resolveConflict(record, conflict(['notes'], ['a', 'b']), 2)).toThrow(/Choose one of the 2 versions/);
    expect(() => resolveConflict(record, conflict(['notes'], ['a', 'b']), 0.5)).toThrow(RangeError);
  });

  it('sets a key named __proto__ as a field', () => {
    const r = resolveConflict({ a: 1 }, conflict(['__proto__'], [null, { polluted: true }]), 1) as object;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(JSON.stringify(r)).toBe('{"a":1,"__proto__":{"polluted":true}}');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
