import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeMany, mergeThreeWay } from '../../src-main/domain/sync/merge';
import { resolveConflict, valueAtPath } from '../../src-main/domain/sync/resolve';
import { A, anyJson, B, CONTACT_IDS, leafPath, LEAVES, manyModels, record, side, threeModels, type Contact } from './merge-model';

/**
 * The merge's promises, checked on generated records: what one side changed is never lost, a
 * conflict is reported exactly where both sides changed the same thing differently, the result
 * is the same on every machine, and resolving a conflict sets what the person chose.
 */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('merge identities on any JSON', () => {
  it('merge(b, x, x) = x, merge(b, b, y) = y and merge(b, x, b) = x, with no conflict', () => {
    fc.assert(
      fc.property(fc.option(anyJson, { nil: undefined }), fc.option(anyJson, { nil: undefined }), (b, x) => {
        expect(mergeThreeWay(b, side(x, A), side(x, B))).toEqual({ merged: x, conflicts: [] });
        expect(mergeThreeWay(b, side(b, A), side(x, B))).toEqual({ merged: x, conflicts: [] });
        expect(mergeThreeWay(b, side(x, A), side(b, B))).toEqual({ merged: x, conflicts: [] });
      }),
    );
  });

  it('is symmetric up to prefer, to the byte, and keeps the preferred value in each conflict', () => {
    fc.assert(
      fc.property(anyJson, anyJson, anyJson, (b, x, y) => {
        const one = mergeThreeWay(b, side(x, A), side(y, B), { prefer: 'ours' });
        const other = mergeThreeWay(b, side(y, B), side(x, A), { prefer: 'theirs' });
        expect(same(one, other)).toBe(true);
        // Without a conflict, prefer plays no part: the same bytes whichever side is ours.
        if (one.conflicts.length === 0) expect(same(mergeThreeWay(b, side(y, B), side(x, A)).merged, one.merged)).toBe(true);
        // Two leaves through mergeMany are the two-way merge with the winner preferred.
        expect(same(mergeMany(b, [side(y, B), side(x, A)], { winnerRev: A.rev }), one)).toBe(true);
        for (const c of one.conflicts) {
          expect(c.versions.length).toBeGreaterThanOrEqual(2);
          expect(c.id).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
          expect(same(valueAtPath(one.merged, c.path), c.versions[c.kept]!.value)).toBe(true);
        }
      }),
    );
  });
});

describe('merging records edited on two machines', () => {
  it('keeps every change made on one side only, and reports a conflict iff both changed a field differently', () => {
    fc.assert(
      fc.property(threeModels, ([b, x, y]) => {
        const r = mergeThreeWay(record(b), side(record(x), A), side(record(y), B));
        const fieldConflicts = r.conflicts.filter((c) => c.path[0] !== 'contacts').map((c) => c.path);
        const expected: string[][] = [];
        LEAVES.forEach((_, i) => {
          const [bv, xv, yv] = [b.leaves[i], x.leaves[i], y.leaves[i]];
          const at = valueAtPath(r.merged, leafPath(i));
          if (xv !== bv && yv === bv) expect(at).toBe(xv);
          if (yv !== bv && xv === bv) expect(at).toBe(yv);
          if (xv !== bv && yv !== bv && xv !== yv) expected.push(LEAVES[i]!);
        });
        expect(fieldConflicts.map((p) => p.join('.')).sort()).toEqual(expected.map((p) => p.join('.')).sort());
      }),
    );
  });

  it('merges contacts as a set: additions kept, removals kept unless the other side changed the contact', () => {
    fc.assert(
      fc.property(threeModels, ([b, x, y]) => {
        const r = mergeThreeWay(record(b), side(record(x), A), side(record(y), B));
        if (r.conflicts.length === 0) expect(same(mergeThreeWay(record(b), side(record(y), B), side(record(x), A)).merged, r.merged)).toBe(true);
        const ids = (valueAtPath(r.merged, ['contacts']) as { id: string }[]).map((c) => c.id);
        CONTACT_IDS.forEach((id, i) => {
          const [bc, xc, yc] = [b.contacts[i], x.contacts[i], y.contacts[i]];
          const changedX = !same(xc, bc);
          const changedY = !same(yc, bc);
          const expect1 = expectedPresence(bc, xc, yc, changedX, changedY);
          expect(ids.includes(id)).toBe(expect1);
          const removalConflict = r.conflicts.some((c) => c.path.length === 2 && same(c.path[1], { id }));
          expect(removalConflict).toBe(bc !== undefined && changedX && changedY && !same(xc, yc) && (xc === undefined || yc === undefined));
        });
        // Dated contacts come out in date order when both sides changed them (a side equal to
        // the base gives way to the other side as it is).
        const contacts = valueAtPath(r.merged, ['contacts']) as { date?: string }[];
        const bothChanged = [x, y].every((m) => !same(valueAtPath(record(m), ['contacts']), valueAtPath(record(b), ['contacts'])));
        if (bothChanged && contacts.every((c) => c.date !== undefined)) {
          const keys = contacts.map((c) => new Date(c.date!.length === 10 ? `${c.date}T00:00:00Z` : c.date!).getTime());
          expect(keys).toEqual([...keys].sort((p, q) => p - q));
        }
      }),
    );
  });

  it('sets the chosen version at the conflict’s path, for every conflict and every choice', () => {
    fc.assert(
      fc.property(threeModels, ([b, x, y]) => {
        const r = mergeThreeWay(record(b), side(record(x), A), side(record(y), B));
        for (const c of r.conflicts) {
          expect(same(valueAtPath(r.merged, c.path), c.versions[c.kept]!.value)).toBe(true);
          c.versions.forEach((v, i) => {
            const resolved = resolveConflict(r.merged!, c, i);
            expect(same(valueAtPath(resolved, c.path), v.value)).toBe(true);
          });
        }
      }),
    );
  });
});

describe('merging several leaves', () => {
  it('gives the same result whatever order the leaves come in', () => {
    fc.assert(
      fc.property(manyModels, fc.nat(), ([b, sides], seed) => {
        const leaves = sides.map((m, i) => side(record(m), { machine: `m${i}`, rev: `${2 + (i % 2)}-${'abcd'[i]}` }));
        const winnerRev = leaves[seed % leaves.length]!.origin.rev;
        const shuffled = [...leaves].sort((p, q) => ((p.origin.machine.charCodeAt(1) * (seed + 7)) % 5) - ((q.origin.machine.charCodeAt(1) * (seed + 7)) % 5));
        const one = mergeMany(record(b), leaves, { winnerRev });
        expect(same(mergeMany(record(b), shuffled, { winnerRev }), one)).toBe(true);
        expect(same(mergeMany(record(b), [...leaves].reverse(), { winnerRev }), one)).toBe(true);
        for (const c of one.conflicts) expect(same(valueAtPath(one.merged, c.path), c.versions[c.kept]!.value)).toBe(true);
      }),
    );
  });
});

/** Whether a contact is in the merged record, from what each side did to it. */
function expectedPresence(bc: Contact, xc: Contact, yc: Contact, changedX: boolean, changedY: boolean): boolean {
  if (!changedX && !changedY) return bc !== undefined;
  if (changedX && !changedY) return xc !== undefined;
  if (changedY && !changedX) return yc !== undefined;
  return xc !== undefined || yc !== undefined;
}
