import { conflictId } from './conflict-id';
import { canonicalJson, defineOwn, isObject, jsonEqual, own, type JsonObject } from './json-values';
import { mergeIdSet, mergeValueSet } from './merge-sets';
import type { Conflict, Json, MergeOptions, MergeResult, Origin, PathStep, Side } from './types';

export type { Conflict, Json, MergeOptions, MergeResult, Origin, PathStep, Side } from './types';

/**
 * Three-way merge of one record changed on several machines (issue 16: "Conflicts never lose
 * work"). Each side is compared with the last common revision (the base):
 * - a value changed on one side only, or the same way on every side that changed it, is taken;
 * - objects merge key by key, arrays of records with ids and arrays named as sets merge as
 *   sets (merge-sets.ts);
 * - anything else changed differently is a Conflict at its path: the merged record holds the
 *   preferred side's value (the CouchDB winner) until someone chooses, and every version is
 *   listed with where it came from, so nothing is dropped without a word;
 * - a record or a record in a set removed on one side and changed on another is kept, changed,
 *   with a conflict offering the removal.
 * The sides are first put in a canonical order (by revision), so the result is the same on
 * every machine and whatever order the sides are given in; only `prefer` picks between
 * conflicting values. Pure: no clock, no randomness, nothing but the values passed in.
 */
export function mergeThreeWay(base: Json | undefined, ours: Side, theirs: Side, o: MergeOptions = {}): MergeResult {
  return mergeSides(base, [ours, theirs], o.prefer === 'theirs' ? theirs : ours, o);
}

/**
 * Fold several leaves (CouchDB conflict leaves) over one base, in a deterministic order (by
 * origin.rev), so every machine reaches the same result. The leaf with `winnerRev` is the one
 * kept meanwhile in a conflict; if no leaf has that revision, CouchDB's own choice is made
 * (a leaf not deleted, then the highest revision).
 */
export function mergeMany(base: Json | undefined, sides: Side[], o: MergeOptions & { winnerRev: string }): MergeResult {
  if (sides.length === 0) return { merged: base, conflicts: [] };
  const winner = sides.find((s) => s.origin.rev === o.winnerRev) ?? [...sides].sort(couchWinnerFirst)[0]!;
  return mergeSides(base, sides, winner, o);
}

interface Context {
  origins: Origin[];
  /** Index, in the canonical order, of the side whose value is kept in a conflict. */
  preferred: number;
  isSet: (path: PathStep[]) => boolean;
  isAtomic: (path: PathStep[]) => boolean;
  conflicts: Conflict[];
}

function mergeSides(base: Json | undefined, given: Side[], preferredSide: Side, o: MergeOptions): MergeResult {
  const sides = [...given].sort(canonicalOrder);
  const ctx: Context = {
    origins: sides.map((s) => s.origin),
    preferred: sides.indexOf(preferredSide),
    isSet: o.isSet ?? (() => false),
    isAtomic: o.isAtomic ?? (() => false),
    conflicts: [],
  };
  const merged = mergeNode(
    ctx,
    base,
    sides.map((s) => s.value),
    [],
    true,
  );
  return { merged, conflicts: ctx.conflicts };
}

/**
 * `keepChanged` is set for a whole record and for a record in a set: there, a removal on one
 * side against a change on another keeps the change (and records the conflict), because the
 * change is work someone did after the other decided to remove it.
 */
function mergeNode(ctx: Context, base: Json | undefined, values: (Json | undefined)[], path: PathStep[], keepChanged: boolean): Json | undefined {
  const changed = values.flatMap((v, i) => (jsonEqual(v, base) ? [] : [i]));
  if (changed.length === 0) return base;
  const distinct: { value: Json | undefined; first: number }[] = [];
  for (const i of changed) if (!distinct.some((d) => jsonEqual(d.value, values[i]))) distinct.push({ value: values[i], first: i });
  if (distinct.length === 1) return distinct[0]!.value;
  if (keepChanged && base !== undefined && distinct.some((d) => d.value === undefined)) return removedAndChanged(ctx, base, values, path);
  if (!ctx.isAtomic(path)) {
    const inside = mergeInside(ctx, base, values, path);
    if (inside) return inside.value;
  }
  const preferredChanged = changed.includes(ctx.preferred);
  const kept = preferredChanged ? distinct.findIndex((d) => jsonEqual(d.value, values[ctx.preferred])) : 0;
  const versions = distinct.map((d) => ({ value: d.value, origin: ctx.origins[d.first]! }));
  ctx.conflicts.push(conflict(path, base, versions, kept));
  return versions[kept]!.value;
}

/** Objects key by key, and arrays as sets where they are sets; undefined when neither applies. */
function mergeInside(ctx: Context, base: Json | undefined, values: (Json | undefined)[], path: PathStep[]): { value: Json } | undefined {
  if (values.every(isObject)) return { value: mergeObject(ctx, base, values as JsonObject[], path) };
  if (!values.every(Array.isArray)) return undefined;
  const arrays = values as Json[][];
  const bySet = mergeIdSet(base, arrays, path, (b, vs, p, keep) => mergeNode(ctx, b, vs, p, keep));
  if (bySet) return { value: bySet };
  if (ctx.isSet(path)) return { value: mergeValueSet(base, arrays) };
  return undefined;
}

/** Keys in the base's order, then each side's new keys in its order (sides in canonical order). */
function mergeObject(ctx: Context, base: Json | undefined, values: JsonObject[], path: PathStep[]): JsonObject {
  const keys = new Set(isObject(base) ? Object.keys(base) : []);
  for (const v of values) for (const k of Object.keys(v)) keys.add(k);
  const out: JsonObject = {};
  for (const k of keys) {
    const v = mergeNode(
      ctx,
      own(base, k),
      values.map((x) => own(x, k)),
      [...path, k],
      false,
    );
    if (v !== undefined) defineOwn(out, k, v);
  }
  return out;
}

/**
 * Removed on one side, changed on another: the changes are merged as if nobody had removed it
 * (their own conflicts recorded below this one) and kept, with a conflict offering the removal.
 */
function removedAndChanged(ctx: Context, base: Json, values: (Json | undefined)[], path: PathStep[]): Json | undefined {
  const at = ctx.conflicts.length;
  const kept = mergeNode(
    ctx,
    base,
    values.map((v) => (v === undefined ? base : v)),
    path,
    false,
  );
  const remover = values.indexOf(undefined);
  const changer = values[ctx.preferred] !== undefined && !jsonEqual(values[ctx.preferred], base) ? ctx.preferred : values.findIndex((v) => v !== undefined && !jsonEqual(v, base));
  const removal = { value: undefined, origin: ctx.origins[remover]! };
  const change = { value: kept, origin: ctx.origins[changer]! };
  const versions = remover < changer ? [removal, change] : [change, removal];
  ctx.conflicts.splice(at, 0, conflict(path, base, versions, versions.indexOf(change)));
  return kept;
}

function conflict(path: PathStep[], base: Json | undefined, versions: Conflict['versions'], kept: number): Conflict {
  const copy = path.map((s) => (typeof s === 'string' ? s : { id: s.id }));
  return { id: conflictId(copy), path: copy, base, versions, kept };
}

/** "12-abc" → 12: CouchDB revisions compare by generation first. */
function generation(rev: string): number {
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}

function compareRevs(a: string, b: string): number {
  return generation(a) - generation(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A total order on sides that every machine agrees on: revision, machine, then the value itself. */
function canonicalOrder(a: Side, b: Side): number {
  const byRev = compareRevs(a.origin.rev, b.origin.rev);
  if (byRev !== 0) return byRev;
  if (a.origin.machine !== b.origin.machine) return a.origin.machine < b.origin.machine ? -1 : 1;
  const ja = canonicalJson(a.value);
  const jb = canonicalJson(b.value);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/** CouchDB's winner: a leaf that is not deleted, then the highest revision. */
function couchWinnerFirst(a: Side, b: Side): number {
  const deleted = Number(a.value === undefined) - Number(b.value === undefined);
  return deleted || -compareRevs(a.origin.rev, b.origin.rev);
}
