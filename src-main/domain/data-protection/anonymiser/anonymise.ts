import type { Hit } from './find';
import { IdentifierFinder } from './find';
import type { KnownIdentifiers } from './known';

/**
 * Free text made safe to show outside the service: every identifier found (find.ts) replaced by
 * a label. People become who they are in the story ("the person harmed", "Supporter B"),
 * through the caller's `personLabel`; people the story does not involve become "another
 * person"; dates become times relative to the start of the case when an anchor is given
 * ("in the third week"); everything else becomes its kind in brackets ("[phone number]").
 * Each replacement is returned with its place in the new text, so a reviewer can see it
 * highlighted before saving.
 */
export interface Replacement {
  /** Where the label stands in the anonymised text. */
  start: number;
  end: number;
  kind: Hit['kind'];
  label: string;
}

export interface AnonymiseOptions {
  /** The label for a known person's name (their key from known.ts), or undefined for someone outside the story. */
  personLabel?: (key: string) => string | undefined;
  /** ISO date the story counts from (the referral), for relative dates. */
  anchor?: string | undefined;
  /** Hits left as written: a subject access bundle keeps the requester's own name and details, and plain dates. */
  keep?: (hit: Hit) => boolean;
}

const LABELS: Record<Exclude<Hit['kind'], 'name' | 'date'>, string> = {
  'date-of-birth': '[date of birth]',
  phone: '[phone number]',
  email: '[email address]',
  address: '[address]',
  postcode: '[postcode]',
  'nhs-number': '[NHS number]',
  'ni-number': '[National Insurance number]',
  vehicle: '[vehicle registration]',
  reference: '[reference number]',
};

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** "in the third week", "before the referral", "after about 5 months". */
export function relativeTime(iso: string, anchor: string): string {
  const days = Math.round((Date.parse(`${iso}T12:00:00Z`) - Date.parse(`${anchor}T12:00:00Z`)) / 86_400_000);
  if (Number.isNaN(days)) return '[date]';
  if (days < 0) return 'before the referral';
  const week = Math.floor(days / 7);
  if (week < ORDINALS.length) return `in the ${ORDINALS[week]} week`;
  return `after about ${Math.max(3, Math.round(days / 30.44))} months`;
}

function labelFor(h: Hit, text: string, o: AnonymiseOptions): string {
  if (h.kind === 'name') {
    const labels = h.keys.map((k) => o.personLabel?.(k)).filter((l): l is string => !!l);
    return labels[0] ?? 'another person';
  }
  if (h.kind === 'date') {
    const iso = isoOf(text.slice(h.start, h.end));
    return o.anchor && iso ? relativeTime(iso, o.anchor) : '[date]';
  }
  return LABELS[h.kind];
}

/** The ISO form of a numeric date the way datesInText reads it (day first), for the common forms. */
function isoOf(s: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return s;
  const uk = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : undefined;
}

export function anonymise(text: string, finder: IdentifierFinder, o: AnonymiseOptions = {}): { text: string; replacements: Replacement[] } {
  const hits = finder.find(text);
  let out = '';
  let from = 0;
  const replacements: Replacement[] = [];
  for (const h of hits) {
    if (o.keep?.(h)) continue;
    out += text.slice(from, h.start);
    const label = labelFor(h, text, o);
    // "on 16/03/2026" becomes "in the third week", not "on in the third week".
    if (h.kind === 'date' && /^(in|after|before) /.test(label)) out = out.replace(/\bon (the )?$/i, '');
    replacements.push({ start: out.length, end: out.length + label.length, kind: h.kind, label });
    out += label;
    from = h.end;
  }
  out += text.slice(from);
  return { text: out, replacements };
}

export function anonymiser(known: KnownIdentifiers): IdentifierFinder {
  return new IdentifierFinder(known);
}
