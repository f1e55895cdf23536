import { describe, expect, it } from 'vitest';
import { mergeMany, mergeThreeWay, type Json, type Origin, type Side } from '../../src-main/domain/sync/merge';
import { valueAtPath } from '../../src-main/domain/sync/resolve';

/**
 * The cases people will meet (issue 16, "Conflicts never lose work"): two facilitators work on
 * the same case offline and sync. Written out by hand so each reads as the story it tells.
 */
const A = { machine: 'laptop-a', rev: '3-aaa', userName: 'Asha' };
const B = { machine: 'laptop-b', rev: '3-bbb', userName: 'Ben' };
const side = (value: Json | undefined, origin: Origin = A): Side => ({ value, origin });

const base: Json = {
  reference: 'RJ-2026-0001',
  stage: 'preparation',
  notes: 'First meeting went well.',
  contacts: [
    { id: 'c1', date: '2026-03-03', type: 'phoneCall', notes: 'Left a message.' },
    { id: 'c2', date: '2026-03-10', type: 'visit', notes: 'Met at home.' },
  ],
};
const clone = (): { [k: string]: Json } => structuredClone(base) as { [k: string]: Json };
const contacts = (r: Json | undefined) => (valueAtPath(r, ['contacts']) as { id: string }[]).map((c) => c.id);

describe('merging a case changed on two machines', () => {
  it('keeps contacts added on both machines, in date order', () => {
    const a = clone();
    (a.contacts as Json[]).push({ id: 'c4', date: '2026-03-20', type: 'letter' });
    const b = clone();
    (b.contacts as Json[]).push({ id: 'c3', date: '2026-03-12', type: 'visit' });
    const r = mergeThreeWay(base, side(a, A), side(b, B));
    expect(r.conflicts).toEqual([]);
    expect(contacts(r.merged)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(contacts(mergeThreeWay(base, side(b, B), side(a, A)).merged)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('keeps undated additions from both machines in one order whichever machine merges', () => {
    const undated = { list: [{ id: 'x' }] };
    const a = { list: [{ id: 'x' }, { id: 'a1' }, { id: 'a2' }] };
    const b = { list: [{ id: 'x' }, { id: 'b1' }] };
    const one = mergeThreeWay(undated, side(a, A), side(b, B)).merged;
    const other = mergeThreeWay(undated, side(b, B), side(a, A), { prefer: 'theirs' }).merged;
    expect(one).toEqual({ list: [{ id: 'x' }, { id: 'a1' }, { id: 'a2' }, { id: 'b1' }] });
    expect(other).toEqual(one);
  });

  it('keeps one field edited on each machine, with no conflict', () => {
    const a = { ...clone(), stage: 'conference' };
    const b = { ...clone(), notes: 'First meeting went well. Second booked.' };
    const r = mergeThreeWay(base, side(a, A), side(b, B));
    expect(r.conflicts).toEqual([]);
    expect(r.merged).toMatchObject({ stage: 'conference', notes: 'First meeting went well. Second booked.' });
  });

  it('lists the same note edited two ways as one conflict with both versions, keeping the preferred one', () => {
    const a = clone();
    (a.contacts as { notes: string }[])[0]!.notes = 'Left a message with her son.';
    const b = clone();
    (b.contacts as { notes: string }[])[0]!.notes = 'Left a voicemail.';
    const r = mergeThreeWay(base, side(a, A), side(b, B), { prefer: 'theirs' });
    expect(r.conflicts).toHaveLength(1);
    const [c] = r.conflicts;
    expect(c).toMatchObject({ id: 'c-contacts-_c1-notes', path: ['contacts', { id: 'c1' }, 'notes'], base: 'Left a message.' });
    expect(c!.versions).toEqual([
      { value: 'Left a message with her son.', origin: A },
      { value: 'Left a voicemail.', origin: B },
    ]);
    expect(c!.versions[c!.kept]!.value).toBe('Left a voicemail.');
    expect(valueAtPath(r.merged, c!.path)).toBe('Left a voicemail.');
  });

  it('keeps a contact removed on one machine and edited on the other, and offers the removal', () => {
    const a = clone();
    a.contacts = (a.contacts as Json[]).slice(1);
    const b = clone();
    (b.contacts as { notes: string }[])[0]!.notes = 'Left a message; she rang back.';
    const r = mergeThreeWay(base, side(a, A), side(b, B));
    expect(contacts(r.merged)).toEqual(['c1', 'c2']);
    expect(r.conflicts).toHaveLength(1);
    const [c] = r.conflicts;
    expect(c!.path).toEqual(['contacts', { id: 'c1' }]);
    expect(c!.versions.map((v) => v.value === undefined)).toEqual([true, false]);
    expect(c!.versions[c!.kept]!.value).toMatchObject({ notes: 'Left a message; she rang back.' });
  });

  it('removes a contact removed on one machine and untouched on the other', () => {
    const a = clone();
    a.contacts = (a.contacts as Json[]).slice(1);
    const b = { ...clone(), stage: 'closed' };
    const r = mergeThreeWay(base, side(a, A), side(b, B));
    expect(r.conflicts).toEqual([]);
    expect(contacts(r.merged)).toEqual(['c2']);
  });
});

describe('whole records', () => {
  it('deletes a record deleted on one side and unchanged on the other', () => {
    expect(mergeThreeWay(base, side(undefined, A), side(base, B))).toEqual({ merged: undefined, conflicts: [] });
  });

  it('keeps a record deleted on one side and changed on the other, with a conflict at the empty path', () => {
    const b = { ...clone(), stage: 'closed' };
    const r = mergeThreeWay(base, side(undefined, A), side(b, B));
    expect(r.merged).toEqual(b);
    expect(r.conflicts).toEqual([{ id: 'c', path: [], base, versions: [{ value: undefined, origin: A }, { value: b, origin: B }], kept: 1 }]);
  });

  it('merges a record created on both machines key by key', () => {
    const r = mergeThreeWay(undefined, side({ a: 1, b: 2 }, A), side({ a: 1, c: 3 }, B));
    expect(r).toEqual({ merged: { a: 1, b: 2, c: 3 }, conflicts: [] });
  });
});

describe('arrays', () => {
  it('merges tags as a set where the caller says so, and as one value elsewhere', () => {
    const b0 = { tags: ['urgent', 'youth'], days: [1, 2] };
    const a = { tags: ['urgent', 'youth', 'prison'], days: [1, 2, 3] };
    const b = { tags: ['urgent'], days: [1] };
    const isSet = (p: unknown[]) => p.join('.') === 'tags';
    const r = mergeThreeWay(b0, side(a, A), side(b, B), { isSet });
    expect(r.merged).toEqual({ tags: ['urgent', 'prison'], days: [1, 2, 3] });
    expect(r.conflicts.map((c) => c.path)).toEqual([['days']]);
  });

  it('merges a log of entries without ids as a set by content where the caller names it a set', () => {
    const e = (at: string, text: string) => ({ at, text });
    const b0 = { timeline: [e('2026-03-01T09:00:00Z', 'Referral received.')] };
    const a = { timeline: [...b0.timeline, e('2026-03-05T09:00:00Z', 'Letter sent.')] };
    const b = { timeline: [...b0.timeline, e('2026-03-02T09:00:00Z', 'Call made.')] };
    const r = mergeThreeWay(b0, side(a, A), side(b, B), { isSet: (p) => p[0] === 'timeline' });
    expect((r.merged as { timeline: { text: string }[] }).timeline.map((x) => x.text)).toEqual(['Referral received.', 'Call made.', 'Letter sent.']);
  });

  it('keeps a reordering made on one side', () => {
    const b0 = { list: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
    const a = { list: [{ id: 'c' }, { id: 'a' }, { id: 'b' }] };
    const b = { list: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] };
    expect(mergeThreeWay(b0, side(a, A), side(b, B)).merged).toEqual({ list: [{ id: 'c' }, { id: 'a' }, { id: 'b' }, { id: 'd' }] });
  });

  it('merges an atomic object as one value', () => {
    const b0 = { address: { line1: '1 High St', town: 'Leeds' } };
    const a = { address: { line1: '2 High St', town: 'Leeds' } };
    const b = { address: { line1: '1 High St', town: 'York' } };
    expect(mergeThreeWay(b0, side(a, A), side(b, B)).merged).toEqual({ address: { line1: '2 High St', town: 'York' } });
    const r = mergeThreeWay(b0, side(a, A), side(b, B), { isAtomic: (p) => p[0] === 'address' });
    expect(r.merged).toEqual(a);
    expect(r.conflicts.map((c) => c.path)).toEqual([['address']]);
  });
});

describe('keys that name the prototype', () => {
  it('stores __proto__, constructor and prototype as fields and never changes a prototype', () => {
    const b0 = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c0", "prototype": 1}') as Json;
    const a = JSON.parse('{"__proto__": {"x": 1, "polluted": true}, "constructor": "c0", "prototype": 2}') as Json;
    const b = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c1", "prototype": 1, "toString": "t"}') as Json;
    const { merged, conflicts } = mergeThreeWay(b0, side(a, A), side(b, B));
    expect(conflicts).toEqual([]);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged as object)).toEqual(['__proto__', 'constructor', 'prototype', 'toString']);
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"x":1,"polluted":true},"constructor":"c1","prototype":2,"toString":"t"}');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('does not read a missing "constructor" key as the Object function', () => {
    const r = mergeThreeWay({}, side({ constructor: 'a' }, A), side({ other: 1 }, B));
    expect(r).toEqual({ merged: { constructor: 'a', other: 1 }, conflicts: [] });
  });
});

describe('several leaves (mergeMany)', () => {
  const C = { machine: 'laptop-c', rev: '4-ccc' };
  it('gives one conflict with every distinct version and keeps the winner', () => {
    const sides = [side({ n: 'a' }, A), side({ n: 'b' }, B), side({ n: 'c' }, C)];
    const r = mergeMany({ n: '0' }, sides, { winnerRev: '3-bbb' });
    expect(r.merged).toEqual({ n: 'b' });
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.versions.map((v) => v.value)).toEqual(['a', 'b', 'c']);
    expect(r.conflicts[0]!.kept).toBe(1);
    expect(mergeMany({ n: '0' }, [...sides].reverse(), { winnerRev: '3-bbb' })).toEqual(r);
  });

  it('falls back to CouchDB’s winner when no leaf has the winning revision, and returns the base for no leaves', () => {
    const r = mergeMany({ n: '0' }, [side({ n: 'a' }, A), side({ n: 'c' }, C)], { winnerRev: '9-zzz' });
    expect(r.merged).toEqual({ n: 'c' });
    expect(mergeMany({ n: '0' }, [], { winnerRev: '1-a' })).toEqual({ merged: { n: '0' }, conflicts: [] });
  });
});
