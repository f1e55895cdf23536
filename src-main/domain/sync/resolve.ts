import { isObject, own, withKey } from './json-values';
import { dateOf } from './merge-sets';
import { sortByDate } from './set-order';
import type { Conflict, Json, PathStep } from './types';

/**
 * A person's choice in "Changes to resolve": the record with the chosen version's value at the
 * conflict's path. The record passed in is not changed; a new one is returned, sharing what
 * the choice does not touch.
 *
 * Choosing the removal removes the key or the record from its set; choosing the removal of a
 * whole record (a conflict at the empty path) returns undefined: the record is to be deleted.
 * A record brought back into a set goes last, or in date order when the set is a timeline.
 * When the place the conflict was in has since gone (a conflict inside a contact that another
 * choice removed), there is nothing to set and the record comes back as it was.
 */
export function resolveConflict(record: Json, conflict: Conflict, choice: number): Json | undefined {
  const version = Number.isInteger(choice) ? conflict.versions[choice] : undefined;
  if (!version) throw new RangeError(`Choose one of the ${conflict.versions.length} versions (0 to ${conflict.versions.length - 1}); ${String(choice)} is not one of them`);
  const result = setAt(record, conflict.path, version.value);
  return result ? result.value : record;
}

/** The value at a path, or undefined when the path leads nowhere. */
export function valueAtPath(record: Json | undefined, path: readonly PathStep[]): Json | undefined {
  let at = record;
  for (const step of path) {
    if (typeof step === 'string') at = own(at, step);
    else at = Array.isArray(at) ? at.find((e) => own(e, 'id') === step.id) : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/** The record with `value` at `path`, or null when the path's parent is not there. */
function setAt(record: Json | undefined, path: readonly PathStep[], value: Json | undefined): { value: Json | undefined } | null {
  if (path.length === 0) return { value };
  const [step, ...rest] = path as [PathStep, ...PathStep[]];
  if (typeof step === 'string') {
    if (!isObject(record)) return null;
    const inner = setAt(own(record, step), rest, value);
    return inner && { value: withKey(record, step, inner.value) };
  }
  if (!Array.isArray(record)) return null;
  const i = record.findIndex((e) => own(e, 'id') === step.id);
  if (i < 0) {
    if (rest.length > 0 || value === undefined) return rest.length > 0 ? null : { value: record };
    return { value: inDateOrder([...record, value]) };
  }
  const inner = setAt(record[i], rest, value);
  if (!inner) return null;
  const out = inner.value === undefined ? record.filter((_, j) => j !== i) : record.map((e, j) => (j === i ? inner.value! : e));
  return { value: out };
}

function inDateOrder(arr: Json[]): Json[] {
  const keys = arr.map((_, i) => String(i));
  return sortByDate(keys, (k) => dateOf(arr[Number(k)])).map((k) => arr[Number(k)]!);
}
