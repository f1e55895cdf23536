/**
 * Folding for search and duplicate checks: "SIÂN" finds "Siân", "Lukasz" finds "Łukasz",
 * "sukru" finds "Şükrü". Letters that carry their mark as part of the letter (ł, ø, đ, ß…)
 * do not decompose under NFD, so they are mapped by hand; other scripts (Greek, Cyrillic,
 * Arabic…) are only lower-cased and stripped of combining marks, so "Αλέξανδρος" folds to
 * "αλεξανδροσ" and still matches itself typed without accents.
 */
const LETTERS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  // Greek final sigma lower-cases differently depending on position; make both the same.
  ς: 'σ',
  '’': "'",
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function fold(s: string): string {
  // Most references, offences and many names are plain ASCII: skip the Unicode work, which
  // dominates the first search over 10,000 case rows.
  if (PLAIN_ASCII.test(s)) return s.toLowerCase().replace(/ {2,}/g, ' ').trim();
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // A zero-width joiner or non-joiner changes how a name is drawn, not who it names.
    .replace(/[\u200C\u200D]/g, '')
    // Plain lower-casing: en-GB has no locale-specific rules, and this is several times faster.
    .toLowerCase()
    .replace(SPECIAL, (c) => LETTERS[c] ?? c)
    .replace(/\s+/gu, ' ')
    .trim();
}
