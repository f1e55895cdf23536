import fc from 'fast-check';
import type { Json, Origin, PathStep, Side } from '../../src-main/domain/sync/merge';

/**
 * Generators for the merge's property tests (JSON of every kind, and records built from a base by edits
 * on each side, where what each side changed is known, so the test can say what the merge
 * must do with every field and every contact).
 */
export const A: Origin = { machine: 'laptop-a', rev: '2-aaa' };
export const B: Origin = { machine: 'laptop-b', rev: '2-bbb' };
export const side = (value: Json | undefined, origin: Origin): Side => ({ value, origin });

const key = fc.constantFrom('a', 'b', 'id', 'notes', '__proto__', 'constructor');
export const anyJson: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(null, true, false, 0, 1, 'x', 'y', ''),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.array(fc.record({ id: fc.constantFrom('i1', 'i2', 'i3'), a: tie('v') }), { maxLength: 3 }),
    fc.dictionary(key, tie('v'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).v;

/** Values a field takes; undefined is "not there". Few, so sides often agree by chance. */
const leaf = fc.constantFrom<Json | undefined>(undefined, 'x', 'y', 'z', 1, true, null);
export const LEAVES: string[][] = [['f0'], ['f1'], ['f2'], ['g', 'h0'], ['g', 'h1']];
export const CONTACT_IDS = ['c1', 'c2', 'c3', 'n1', 'n2'];
const date = fc.constantFrom<string | undefined>(undefined, '2026-03-01', '2026-03-02', '2026-03-01T10:00:00Z');

/** One contact, or undefined when the contact is not on that side. */
export type Contact = { id: string; notes: string; date?: string } | undefined;
const contact = (id: string): fc.Arbitrary<Contact> =>
  fc.option(
    fc.record({ notes: fc.constantFrom('n', 'm', 'o'), date }).map(({ notes, date: d }) => (d === undefined ? { id, notes } : { id, notes, date: d })),
    { nil: undefined },
  );

export interface Model {
  leaves: (Json | undefined)[];
  contacts: Contact[];
}
const model = fc.record({
  leaves: fc.tuple(...LEAVES.map(() => leaf)),
  contacts: fc.tuple(...CONTACT_IDS.map(contact)),
});

/** Each leaf and contact kept from the base or replaced, and the contacts in a shuffled order. */
const edits = (b: Model) =>
  fc
    .record({
      leaves: fc.tuple(...b.leaves.map((v) => fc.oneof(fc.constant(v), leaf))),
      contacts: fc.tuple(...b.contacts.map((c, i) => fc.oneof(fc.constant(c), contact(CONTACT_IDS[i]!)))),
      order: fc.shuffledSubarray(CONTACT_IDS.map((_, i) => i), { minLength: CONTACT_IDS.length }),
    })
    .map(({ leaves, contacts, order }) => ({ leaves, contacts, order }));

export const threeModels = model.chain((b) => fc.tuple(fc.constant(b), edits(b), edits(b)));
export const manyModels = model.chain((b) => fc.tuple(fc.constant(b), fc.array(edits(b), { minLength: 1, maxLength: 4 })));

/** The record a model stands for; the contacts in `order` (base: as generated). */
export function record(m: Model & { order?: number[] }): Json {
  const r: { [k: string]: Json } = { g: {} };
  LEAVES.forEach((p, i) => {
    const v = m.leaves[i];
    if (v === undefined) return;
    if (p.length === 1) r[p[0]!] = v;
    else (r.g as { [k: string]: Json })[p[1]!] = v;
  });
  const order = m.order ?? m.contacts.map((_, i) => i);
  r.contacts = order.map((i) => m.contacts[i]).filter((c): c is NonNullable<Contact> => c !== undefined);
  return r;
}

export const leafPath = (i: number): PathStep[] => LEAVES[i]!;
