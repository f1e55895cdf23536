/**
 * The shapes the three-way merge works on (issue 16, "Conflicts never lose work"). A record is
 * plain JSON as the casebook stores it; `undefined` stands for "not there": a key that is
 * missing, an array element that was removed, or a record deleted on one machine.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A step into a record: an object key, or the element of an array of objects that has this `id`. */
export type PathStep = string | { id: string };

/** Where a version came from: the machine, the CouchDB revision and, when known, who and when. */
export interface Origin {
  machine: string;
  rev: string;
  userName?: string;
  at?: string;
}

/** One machine's copy of the record; `value` undefined means the record is deleted there. */
export interface Side {
  value: Json | undefined;
  origin: Origin;
}

export interface Conflict {
  /** Stable id for the conflict: derived from the path only (same path → same id), [A-Za-z0-9_-]{1,80}. */
  id: string;
  path: PathStep[];
  base: Json | undefined;
  /** Two or more distinct values, each with where it came from (sides in their canonical order). */
  versions: { value: Json | undefined; origin: Origin }[];
  /** Index into versions of the value the merged record holds until someone chooses. */
  kept: number;
}

export interface MergeResult {
  merged: Json | undefined;
  conflicts: Conflict[];
}

export interface MergeOptions {
  /** Which side is kept meanwhile when both changed one field differently (the caller passes the CouchDB winner): default 'ours'. */
  prefer?: 'ours' | 'theirs';
  /** Paths whose arrays of strings/numbers merge as sets (tags); other primitive arrays are one value. */
  isSet?: (path: PathStep[]) => boolean;
  /** Paths merged as one value even if they are objects (e.g. a postal address, a date-time pair). */
  isAtomic?: (path: PathStep[]) => boolean;
}
