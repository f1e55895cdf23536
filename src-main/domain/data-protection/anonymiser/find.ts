import { datesInText } from './dates-in-text';
import { foldText, originalSpan, type FoldedText } from './folded-text';
import { phoneDigits, type IdentifierKind, type KnownIdentifiers, type Phrase } from './known';
import { NAME_WORDS, TITLES } from './name-words';
import { patternHits, type PatternKind } from './patterns';

/**
 * Where a text names someone. Known identifiers (known.ts) first, found through a map from
 * each word to the phrases it starts, so the cost grows with the text and not with the number
 * of people in the casebook; then patterns (patterns.ts) for what the record does not list.
 * Hits are in the original text's positions, never overlap, and carry the kind of identifier
 * and whose it is, but are never logged with their text.
 */
export interface Hit {
  start: number;
  end: number;
  kind: IdentifierKind | PatternKind | 'date';
  /** True for something the casebook lists (a participant's name, a date of birth…). */
  known: boolean;
  /** Whose it is, for known identifiers (the caller's person keys; several when shared, like a family name). */
  keys: string[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}']+/gu;
/** Scripts written without spaces between words: a name is looked for anywhere in the text. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function wordsIn(folded: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    let s = m.index;
    let w = m[0];
    while (w.startsWith("'")) {
      w = w.slice(1);
      s++;
    }
    // A possessive is the name: "Siân's", "Jones'".
    w = w.replace(/'s$/, '').replace(/'+$/, '');
    if (w) out.push({ text: w, start: s, end: s + w.length });
  }
  return out;
}

export class IdentifierFinder {
  private readonly byFirst = new Map<string, Phrase[]>();
  private readonly unspaced: Phrase[] = [];

  constructor(private readonly known: KnownIdentifiers) {
    for (const p of known.phrases) {
      if (p.words.some((w) => UNSPACED.test(w))) this.unspaced.push(p);
      const list = this.byFirst.get(p.words[0]!);
      if (list) list.push(p);
      else this.byFirst.set(p.words[0]!, [p]);
    }
  }

  find(original: string): Hit[] {
    const t = foldText(original);
    const named = this.phraseHits(t);
    // An e-mail address or other pattern with a known name inside it is known too ("sian.evans@…").
    const patterns = this.patternHits(original).map((h) => {
      const inside = named.filter((n) => n.start >= h.start && n.end <= h.end);
      return inside.length === 0 || h.known ? h : { ...h, known: true, keys: [...new Set(inside.flatMap((n) => n.keys))] };
    });
    return nonOverlapping([...named, ...this.dateHits(t), ...patterns]);
  }

  private phraseHits(t: FoldedText): Hit[] {
    const words = wordsIn(t.folded);
    const out: Hit[] = [];
    for (let i = 0; i < words.length; i++) {
      for (const p of this.byFirst.get(words[i]!.text) ?? []) {
        if (p.words.length > words.length - i) continue;
        if (!p.words.every((w, k) => words[i + k]!.text === w)) continue;
        const last = words[i + p.words.length - 1]!;
        if (!p.whole && p.kind === 'name' && !this.writtenAsName(t, words, i)) continue;
        // A title before a name goes with it ("Mr Hope" → "another person", not "Mr another person").
        const first = p.kind === 'name' && i > 0 && TITLES.has(words[i - 1]!.text) ? words[i - 1]! : words[i]!;
        out.push({ ...originalSpan(t, first.start, last.end), kind: p.kind, known: true, keys: [p.key] });
      }
    }
    for (const p of this.unspaced) {
      const needle = p.words.join(' ');
      for (let at = t.folded.indexOf(needle); at >= 0; at = t.folded.indexOf(needle, at + 1)) {
        out.push({ ...originalSpan(t, at, at + needle.length), kind: p.kind, known: true, keys: [p.key] });
      }
    }
    return out;
  }

  /** A name that is also a word counts only with a capital, in capitals, or after a title. */
  private writtenAsName(t: FoldedText, words: Word[], i: number): boolean {
    const w = words[i]!;
    if (!NAME_WORDS.has(w.text)) return true;
    const first = t.original[t.origin[w.start]!] ?? '';
    if (first !== first.toLowerCase()) return true;
    return i > 0 && TITLES.has(words[i - 1]!.text);
  }

  private dateHits(t: FoldedText): Hit[] {
    return datesInText(t.folded).map((d) => {
      const keys = d.dates.flatMap((iso) => this.known.birthDates.get(iso) ?? []);
      return { ...originalSpan(t, d.start, d.end), kind: keys.length > 0 ? 'date-of-birth' : 'date', known: keys.length > 0, keys };
    });
  }

  private patternHits(original: string): Hit[] {
    return patternHits(original).map((h) => {
      const keys = this.keysFor(h.kind, h.value);
      return { start: h.start, end: h.end, kind: h.kind, known: keys.length > 0, keys };
    });
  }

  private keysFor(kind: PatternKind, value: string): string[] {
    if (kind === 'email') return this.known.emails.get(value) ?? [];
    if (kind === 'postcode') return this.known.postcodes.get(value) ?? [];
    if (kind === 'phone') return this.known.phones.get(phoneDigits(value) ?? value) ?? [];
    return [];
  }
}

/** Keep the hits that do not overlap: known before patterns, then the longer, then the earlier. */
function nonOverlapping(hits: Hit[]): Hit[] {
  const ranked = [...hits].sort((a, b) => Number(b.known) - Number(a.known) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of ranked) {
    const clash = kept.find((k) => h.start < k.end && k.start < h.end);
    if (!clash) kept.push(h);
    else if (clash.start === h.start && clash.end === h.end && clash.kind === h.kind) for (const key of h.keys) if (!clash.keys.includes(key)) clash.keys.push(key);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function findIdentifiers(text: string, known: KnownIdentifiers): Hit[] {
  return new IdentifierFinder(known).find(text);
}
