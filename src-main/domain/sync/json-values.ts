import type { Json } from './types';

/**
 * Reading and building JSON records without touching the prototype chain. Records come from
 * other machines, so a key may be `__proto__`, `constructor` or `prototype`: reading
 * `o[k]` for a key that is not there returns Object.prototype or the Object function, and
 * `o[k] = v` with `__proto__` replaces the object's prototype instead of storing a field.
 * Every read here asks for own keys only and every write defines an own property.
 */
export type JsonObject = { [k: string]: Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value of an own key, or undefined when the object has no such key (or is not an object). */
export function own(o: Json | undefined, key: string): Json | undefined {
  return isObject(o) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** Stores `value` under `key` as an own, ordinary property, whatever the key is called. */
export function defineOwn(o: JsonObject, key: string, value: Json): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `o` with `key` set to `value` (undefined removes it); key order kept, new keys last. */
export function withKey(o: JsonObject, key: string, value: Json | undefined): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o)) {
    if (k !== key) defineOwn(out, k, o[k]!);
    else if (value !== undefined) defineOwn(out, k, value);
  }
  if (value !== undefined && !Object.prototype.hasOwnProperty.call(o, key)) defineOwn(out, key, value);
  return out;
}

/** JSON equality: the same values, objects compared key by key whatever the key order. */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
}

/** JSON text with object keys sorted: the same text for equal values, for ordering ties. */
export function canonicalJson(v: Json | undefined): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
