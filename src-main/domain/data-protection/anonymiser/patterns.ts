import { isValid, POSTCODE_CORPUS_REGEX, toNormalised } from 'postcode';

/**
 * Identifiers the record does not list but a note may hold, found by their shape in the
 * original text: UK postcodes, phone numbers, e-mail addresses, NHS and National Insurance
 * numbers, vehicle registrations and reference numbers introduced by words like "crime ref".
 */
export type PatternKind = 'postcode' | 'phone' | 'email' | 'nhs-number' | 'ni-number' | 'vehicle' | 'reference';

export interface PatternHit {
  kind: PatternKind;
  start: number;
  end: number;
  /** The hit as the known identifiers are keyed (postcode normalised, phone digits, e-mail lower case). */
  value: string;
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A UK number: +44 or 0044 (with an optional (0)) or 0, then 9 or 10 more digits in groups.
const PHONE = /(?<![\d+])(?:(?:\+|00)44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s.-]?\(?\)?\d){8,9}(?!\d)/g;
const NHS = /(?<!\d)(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)/g;
// Prefix letters D, F, I, Q, U and V are never used, nor O second; BG, GB, NK, KN, TN, NT and ZZ are not issued.
const NI = /(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![A-Za-z0-9])/gi;
// Current (AB12 CDE) and prefix (A123 BCD) registrations, in capitals as they are written.
const VEHICLE = /(?<![A-Za-z0-9])(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3})(?![A-Za-z0-9])/g;
const REFERENCE = /\b(?:crime\s+ref(?:erence)?(?:\s+(?:no|number))?|crime\s+(?:no|number)|ref(?:erence)?\s+(?:no|number)|urn|crn|pnc(?:\s+id)?|incident\s+(?:no|number|ref)|log\s+(?:no|number)|occurrence\s+(?:no|number))\.?\s*[:#]?\s*([A-Z0-9][A-Z0-9/-]{3,})/gi;

/** NHS numbers carry a modulus 11 check digit: ten digits that fail it are something else. */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(digits[9]);
}

function each(re: RegExp, text: string, f: (m: RegExpExecArray) => PatternHit | undefined, out: PatternHit[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const hit = f(m);
    if (hit) out.push(hit);
  }
}

export function patternHits(text: string): PatternHit[] {
  const out: PatternHit[] = [];
  const span = (m: RegExpExecArray) => ({ start: m.index, end: m.index + m[0].length });
  each(EMAIL, text, (m) => ({ kind: 'email', ...span(m), value: m[0].toLowerCase() }), out);
  each(new RegExp(POSTCODE_CORPUS_REGEX.source, 'gi'), text, (m) => {
    // Not inside a longer run of letters and digits (a word that happens to look like one).
    const before = text[m.index - 1] ?? ' ';
    const after = text[m.index + m[0].length] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after) || !isValid(m[0])) return undefined;
    return { kind: 'postcode', ...span(m), value: toNormalised(m[0]) ?? m[0].toUpperCase() };
  }, out);
  each(PHONE, text, (m) => {
    let d = m[0].replace(/\D/g, '');
    if (d.startsWith('0044')) d = d.slice(4);
    else if (d.startsWith('44') && !m[0].startsWith('0')) d = d.slice(2);
    if (d.startsWith('0')) d = d.slice(1);
    return d.length === 10 || d.length === 9 ? { kind: 'phone', ...span(m), value: `0${d}` } : undefined;
  }, out);
  each(NHS, text, (m) => {
    const digits = `${m[1]}${m[2]}${m[3]}`;
    return isNhsNumber(digits) ? { kind: 'nhs-number', ...span(m), value: digits } : undefined;
  }, out);
  each(NI, text, (m) => ({ kind: 'ni-number', ...span(m), value: m[0].replace(/\s/g, '').toUpperCase() }), out);
  each(VEHICLE, text, (m) => ({ kind: 'vehicle', ...span(m), value: m[0].replace(/\s/g, '') }), out);
  each(REFERENCE, text, (m) => {
    const ref = m[1]!;
    // A reference has a digit in it; "crime ref unknown" is prose.
    if (!/\d/.test(ref)) return undefined;
    const start = m.index + m[0].length - ref.length;
    return { kind: 'reference', start, end: start + ref.length, value: ref.toUpperCase() };
  }, out);
  return out;
}
