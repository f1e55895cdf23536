import { isoSortKey } from './iso-dates';
import { canonicalJson, isObject, own } from './json-values';
import { mergedOrder, sortByDate } from './set-order';
import type { Json, PathStep } from './types';

/**
 * Arrays that merge as sets rather than as one value: records with ids (timelines, contacts,
 * CPD entries, logs) and arrays the caller names as sets (tags, and logs of entries without
 * ids). Each side's additions are kept and a removal holds unless another side changed the
 * element; the order is worked out in set-order.ts so every machine gets the same one.
 */

/** Merges one element (or any value) over its base: the recursion of merge.ts, passed in. */
export type MergeChild = (base: Json | undefined, values: (Json | undefined)[], path: PathStep[], keepChanged: boolean) => Json | undefined;

type IdRecord = { id: string } & { [k: string]: Json };

/** The elements by id, or undefined when an element is not an object with an id of its own. */
function byId(arr: readonly Json[]): Map<string, IdRecord> | undefined {
  const m = new Map<string, IdRecord>();
  for (const e of arr) {
    const id = own(e, 'id');
    if (typeof id !== 'string' || m.has(id)) return undefined;
    m.set(id, e as IdRecord);
  }
  return m;
}

/** Fields that date an element, most telling first; the set is sorted by them when all have one. */
const DATE_FIELDS = ['at', 'date', 'createdAt', 'on', 'recordedAt'];

export function dateOf(e: Json | undefined): string | undefined {
  for (const f of DATE_FIELDS) {
    const v = own(e, f);
    if (typeof v === 'string') {
      const key = isoSortKey(v);
      if (key !== undefined) return key;
    }
  }
  return undefined;
}

/**
 * Arrays of records with ids merge element by element, matched by id. An element removed on
 * one side and changed on another is kept, changed, with a conflict (keepChanged). Returns
 * undefined when the arrays are not all arrays of records with unique ids.
 */
export function mergeIdSet(base: Json | undefined, values: Json[][], path: PathStep[], mergeChild: MergeChild): Json[] | undefined {
  const baseMap = byId(Array.isArray(base) ? base : []);
  const sideMaps = values.map(byId);
  if (!baseMap || sideMaps.some((m) => !m)) return undefined;
  const maps = sideMaps as Map<string, IdRecord>[];
  const merged = new Map<string, Json>();
  for (const id of new Set([...baseMap.keys(), ...maps.flatMap((m) => [...m.keys()])])) {
    const v = mergeChild(
      baseMap.get(id),
      maps.map((m) => m.get(id)),
      [...path, { id }],
      true,
    );
    if (v !== undefined) merged.set(id, v);
  }
  const order = mergedOrder(
    [...baseMap.keys()],
    maps.map((m) => [...m.keys()]),
    (id) => merged.has(id),
  );
  return sortByDate(order, (id) => dateOf(merged.get(id))).map((id) => merged.get(id)!);
}

/**
 * Arrays the caller names as sets merge by value: tags added on either side are kept, a tag
 * removed on one side is gone. Elements are compared as JSON, so a log of entries without ids
 * merges too: an entry edited on one side counts as the old one removed and the new one added.
 */
export function mergeValueSet(base: Json | undefined, values: Json[][]): Json[] {
  const found = new Map<string, Json>();
  const keysOf = (arr: readonly Json[]) => {
    const keys = new Set<string>();
    for (const e of arr) {
      const k = canonicalJson(e);
      if (!found.has(k)) found.set(k, e);
      keys.add(k);
    }
    return [...keys];
  };
  const baseKeys = keysOf(Array.isArray(base) ? base : []);
  const sideKeys = values.map(keysOf);
  const sideSets = sideKeys.map((ks) => new Set(ks));
  const inBase = new Set(baseKeys);
  const survives = (k: string) => (inBase.has(k) ? sideSets.every((s) => s.has(k)) : sideSets.some((s) => s.has(k)));
  const order = mergedOrder(baseKeys, sideKeys, survives);
  return sortByDate(order, (k) => (isObject(found.get(k)!) ? dateOf(found.get(k)) : undefined)).map((k) => found.get(k)!);
}
