import type { Hit } from './find';
import type { IdentifierFinder } from './find';

/**
 * The last look before anything leaves: the text of every part of a finished document (each
 * page of a PDF, each XML part of a DOCX, the file name) searched for identifiers. A known
 * identifier refuses the save; a pattern hit (a postcode or phone number the casebook does not
 * list) needs a named person's waiver with a reason. Findings say where and what kind, never
 * the identifier itself, so they can be shown, logged and put in the audit trail.
 */
export interface LeakFinding {
  /** Where, in words: "page 4", "word/document.xml", "the file name". */
  where: string;
  kind: Hit['kind'];
  count: number;
}

export interface LeakReport {
  /** Known identifiers: the document must not be saved. */
  known: LeakFinding[];
  /** Shapes of identifiers the casebook does not list: saved only with a waiver. */
  patterns: LeakFinding[];
  clean: boolean;
}

export interface TextPart {
  where: string;
  text: string;
}

/** Dates are everywhere in a report (its period, its figures) and are not identifiers on their own; dates of birth are. */
const IGNORED: ReadonlySet<Hit['kind']> = new Set(['date', 'reference']);

/**
 * Text the app wrote itself from its own files (a framework's titles: "Restorative Service
 * Quality Mark"; the service's name; staff names, which a pack may show) is not personal data
 * even where a word of it is someone's name: each such phrase is blanked out first, wherever
 * it stands, across a line break too.
 */
function withoutAllowed(text: string, allowed: readonly RegExp[]): string {
  let out = text;
  for (const re of allowed) out = out.replace(re, (m) => m.replace(/\S/gu, ' '));
  return out;
}

/**
 * Only phrases with a word in them, matched whole: a table cell holding "1" must not blank the
 * 1 of a postcode or a phone number elsewhere on the page.
 */
export function allowedPhrases(phrases: readonly string[]): RegExp[] {
  return [...new Set(phrases.map((p) => p.trim()).filter((p) => p.length >= 3 && /\p{L}{2}/u.test(p)))]
    .sort((a, b) => b.length - a.length)
    .map((p) => new RegExp(`(?<![\\p{L}\\p{N}])${p.split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu'));
}

export function leakCheck(parts: readonly TextPart[], finder: IdentifierFinder, allowed: readonly RegExp[] = []): LeakReport {
  const known = new Map<string, LeakFinding>();
  const patterns = new Map<string, LeakFinding>();
  for (const part of parts) {
    for (const h of finder.find(allowed.length ? withoutAllowed(part.text, allowed) : part.text)) {
      if (!h.known && IGNORED.has(h.kind)) continue;
      const into = h.known ? known : patterns;
      const id = `${part.where}\u0000${h.kind}`;
      const f = into.get(id);
      if (f) f.count++;
      else into.set(id, { where: part.where, kind: h.kind, count: 1 });
    }
  }
  return { known: [...known.values()], patterns: [...patterns.values()], clean: known.size === 0 && patterns.size === 0 };
}

const KIND_WORDS: Record<Hit['kind'], string> = {
  name: 'a name',
  'date-of-birth': 'a date of birth',
  phone: 'a phone number',
  email: 'an e-mail address',
  address: 'an address',
  postcode: 'a postcode',
  'nhs-number': 'an NHS number',
  'ni-number': 'a National Insurance number',
  vehicle: 'a vehicle registration',
  reference: 'a reference number',
  date: 'a date',
};

/** "page 3: a name (2), a postcode" — for errors and the audit trail; never the identifiers themselves. */
export function describeFindings(findings: readonly LeakFinding[]): string {
  const byWhere = new Map<string, string[]>();
  for (const f of findings) byWhere.set(f.where, [...(byWhere.get(f.where) ?? []), `${KIND_WORDS[f.kind]}${f.count > 1 ? ` (${f.count})` : ''}`]);
  return [...byWhere].map(([where, kinds]) => `${where}: ${kinds.join(', ')}`).join('; ');
}
