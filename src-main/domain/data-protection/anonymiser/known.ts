import { toNormalised, POSTCODE_CORPUS_REGEX, isValid } from 'postcode';
import { foldPhrase } from './folded-text';
import { PARTICLES } from './name-words';

/**
 * Everything the casebook itself says identifies someone: each participant's names, date of
 * birth, phone, e-mail and address, and each referrer's name. The anonymiser and the leak
 * check look for these first, in every case in the casebook and not only the one being
 * written about: a case study that names the harmed person of another case leaks just as much.
 */
export type IdentifierKind = 'name' | 'date-of-birth' | 'phone' | 'email' | 'address' | 'postcode';

/** Someone the casebook knows, as the caller found them (services read the cases). */
export interface KnownPerson {
  /** Stable within one run: the caller's way of telling people apart (e.g. case id and participant id). */
  key: string;
  givenName?: string | undefined;
  familyName?: string | undefined;
  preferredName?: string | undefined;
  /** A name written as one string (a referrer, a supporter): split into its parts here. */
  fullName?: string | undefined;
  dateOfBirth?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}

/** A run of words to look for (folded), and whether it may be an ordinary word (name-words.ts decides). */
export interface Phrase {
  words: string[];
  kind: 'name' | 'address';
  key: string;
  /** A whole name ("sian evans"): matched however it is written, even if its parts are words. */
  whole: boolean;
}

export interface KnownIdentifiers {
  phrases: Phrase[];
  /** ISO date of birth → keys of the people born then. */
  birthDates: Map<string, string[]>;
  /** Phone numbers as national digits ("07700900123") → keys. */
  phones: Map<string, string[]>;
  emails: Map<string, string[]>;
  /** Postcodes normalised ("SW1A 1AA") → keys. */
  postcodes: Map<string, string[]>;
}

const WORD = /[\p{L}\p{N}']+/gu;
export const wordsOf = (s: string): string[] => (foldPhrase(s).match(WORD) ?? []).map((w) => w.replace(/^'+|'+$/g, '')).filter(Boolean);

/** A phone number as national digits, or undefined when it is too short to be one. */
export function phoneDigits(s: string): string | undefined {
  let d = s.replace(/\D/g, '');
  if (d.startsWith('0044')) d = `0${d.slice(4)}`;
  else if (d.startsWith('44') && s.trim().startsWith('+')) d = `0${d.slice(2)}`;
  if (d.startsWith('440') && d.length === 13) d = d.slice(2);
  return d.length >= 9 && d.length <= 12 ? d : undefined;
}

const STREET = /\b(road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|gardens|place|terrace|grove|flat|house|cottage|farm|walk|row|square|mews|hill|park|view|rise)\b/u;

function add(map: Map<string, string[]>, k: string, key: string): void {
  const list = map.get(k);
  if (list) {
    if (!list.includes(key)) list.push(key);
  } else map.set(k, [key]);
}

function namePhrases(p: KnownPerson, out: Phrase[]): void {
  const names = [p.givenName, p.familyName, p.preferredName, p.fullName].filter((n): n is string => !!n && n.trim() !== '');
  const family = p.familyName ? wordsOf(p.familyName) : [];
  for (const n of names) {
    const words = wordsOf(n);
    if (words.length > 1) out.push({ words, kind: 'name', key: p.key, whole: true });
    // Each part on its own: "Kowalski", "Siân"; hyphenated names by each half too.
    for (const w of words) if (w.length >= 2 && !PARTICLES.has(w)) out.push({ words: [w], kind: 'name', key: p.key, whole: false });
  }
  for (const first of [p.givenName, p.preferredName]) {
    if (!first || family.length === 0) continue;
    // Given name first, and family name first (as in a list, or in Vietnamese, Chinese, Hungarian).
    out.push({ words: [...wordsOf(first), ...family], kind: 'name', key: p.key, whole: true });
    out.push({ words: [...family, ...wordsOf(first)], kind: 'name', key: p.key, whole: true });
  }
}

function addressParts(p: KnownPerson, ids: KnownIdentifiers): void {
  if (!p.address) return;
  for (const pc of p.address.match(POSTCODE_CORPUS_REGEX) ?? []) if (isValid(pc)) add(ids.postcodes, toNormalised(pc) ?? pc, p.key);
  for (const part of p.address.replace(POSTCODE_CORPUS_REGEX, ' ').split(/[,\n;]+/)) {
    const words = wordsOf(part);
    // A house number and street, or a named house: specific enough to identify. A town alone is not.
    if (words.length >= 2 && (words.some((w) => /\d/.test(w)) || STREET.test(words.join(' ')))) {
      ids.phrases.push({ words, kind: 'address', key: p.key, whole: true });
      const street = words.filter((w) => !/^\d+[a-z]?$/.test(w));
      if (street.length >= 2 && street.length < words.length) ids.phrases.push({ words: street, kind: 'address', key: p.key, whole: true });
    }
  }
}

export function knownIdentifiers(people: readonly KnownPerson[]): KnownIdentifiers {
  const ids: KnownIdentifiers = { phrases: [], birthDates: new Map(), phones: new Map(), emails: new Map(), postcodes: new Map() };
  for (const p of people) {
    namePhrases(p, ids.phrases);
    if (p.dateOfBirth) add(ids.birthDates, p.dateOfBirth, p.key);
    const phone = p.phone && phoneDigits(p.phone);
    if (phone) add(ids.phones, phone, p.key);
    if (p.email) add(ids.emails, p.email.trim().toLowerCase(), p.key);
    addressParts(p, ids);
  }
  return ids;
}
