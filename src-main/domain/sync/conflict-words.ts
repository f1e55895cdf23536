import { formatDate } from '../time/dates';
import { utcToLondon } from '../time/london-time';
import { readIso } from './iso-dates';
import { isObject, own } from './json-values';
import type { Json, PathStep } from './types';

/**
 * Words for "Changes to resolve": where the conflict is and what each version says, for
 * people who never see field names or JSON. A path names the items of a list by their date,
 * type, title or name, which is what people recognise them by; no other field's value is
 * shown in a path, so the list of conflicts does not spread notes around the screen.
 */
const SEPARATOR = ' › ';
const LABEL_MAX = 60;
const VALUE_MAX = 300;
/** Abbreviations that read as letters, not words ("CPD entries", not "Cpd entries"). */
const ACRONYMS = new Set(['cjs', 'cpd', 'dbs', 'dpia', 'gdpr', 'id', 'ids', 'nhs', 'pdf', 'rj', 'rjc', 'sar', 'uk', 'url']);

/** "Contacts › 3 March 2026 phone call › Notes": where a conflict is, in plain words. */
export function pathWords(path: PathStep[], record: Json | undefined): string {
  if (path.length === 0) return 'The whole record';
  const parts: string[] = [];
  let at = record;
  for (const step of path) {
    if (typeof step === 'string') {
      parts.push(keyWords(step));
      at = own(at, step);
      continue;
    }
    const i = Array.isArray(at) ? at.findIndex((e) => own(e, 'id') === step.id) : -1;
    at = i < 0 ? undefined : (at as Json[])[i];
    parts.push(i < 0 ? 'an item no longer there' : itemWords(at, i));
  }
  return parts.join(SEPARATOR);
}

/** A key as words: camelCase, snake_case and kebab-case split, the first word capitalised. */
export function keyWords(key: string): string {
  const words = wordsOf(key);
  if (words.length === 0) return `“${cut(key, LABEL_MAX)}”`;
  const text = words.join(' ');
  return cut(text.charAt(0).toUpperCase() + text.slice(1), LABEL_MAX);
}

function wordsOf(key: string): string[] {
  return key
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) || (w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w)) ? w.toUpperCase() : w.toLowerCase()));
}

/** An item of a list by its date, type, title and name, or "item N" when it has none of them. */
function itemWords(item: Json | undefined, index: number): string {
  const date = own(item, 'date');
  const type = own(item, 'type');
  const parts = [
    typeof date === 'string' ? dateWords(date) : undefined,
    typeof type === 'string' ? cut(wordsOf(type).join(' '), LABEL_MAX) : undefined,
    ...['title', 'name'].map((f) => own(item, f)).map((v) => (typeof v === 'string' ? cut(oneLine(v), LABEL_MAX) : undefined)),
  ].filter((p): p is string => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(' ') : `item ${index + 1}`;
}

/**
 * One version for side-by-side display: strings as they are, Yes/No, dates as "3 March 2026"
 * (date-times with their time in the UK), lists and objects as "Key: value; …", cut at 300
 * characters. Empty text and null read "(empty)", a removed value "(removed)".
 */
export function valueWords(value: Json | undefined): string {
  if (value === undefined) return '(removed)';
  const out = { text: '', full: false };
  write(out, value, false);
  return cut(out.text, VALUE_MAX);
}

/** Appends the words for `v`, stopping once there is more than can be shown. */
function write(out: { text: string; full: boolean }, v: Json, nested: boolean): void {
  const add = (s: string) => {
    out.text += s;
    if (out.text.length > VALUE_MAX * 2) out.full = true;
  };
  if (out.full) return;
  if (v === null || v === '') return add('(empty)');
  if (typeof v === 'boolean') return add(v ? 'Yes' : 'No');
  if (typeof v === 'number') return add(String(v));
  if (typeof v === 'string') return add(dateWords(v));
  const entries: [string | undefined, Json][] = Array.isArray(v) ? v.map((x) => [undefined, x]) : Object.entries(v);
  if (entries.length === 0) return add(Array.isArray(v) ? '(none)' : '(empty)');
  if (nested) add('(');
  entries.forEach(([k, x], i) => {
    if (out.full) return;
    if (i > 0) add(Array.isArray(v) ? ', ' : '; ');
    if (k !== undefined) add(`${keyWords(k)}: `);
    write(out, x, isObject(x) || (Array.isArray(x) && k === undefined));
  });
  if (nested) add(')');
}

/** An ISO date as "3 March 2026", a date-time as "3 March 2026 at 10:15" (UK time); other text as it is. */
function dateWords(s: string): string {
  const iso = readIso(s);
  if (!iso) return s;
  if (iso.kind === 'date') return formatDate(iso.date);
  const { date, time } = utcToLondon(iso.ms);
  return `${formatDate(date)} at ${time}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters (code points, so no half characters), the last being "…" when cut. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const points = Array.from(s);
  return points.length <= max ? s : `${points.slice(0, max - 1).join('')}…`;
}
