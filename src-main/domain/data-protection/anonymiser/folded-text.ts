/**
 * Text folded for matching, with the way back to the original: every character of `folded`
 * knows which character of the original it came from. Folding is the one the casebook uses for
 * search (shared/fold.ts: lower case, accents and marks dropped, ł → l, ß → ss), done one
 * character at a time so that a match can be reported, highlighted and replaced where it stands
 * in what the person wrote. A word split across a line by a hyphen ("Kowal-\nski") is joined,
 * and soft hyphens and zero-width joiners are dropped, since none of them changes who is named.
 */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', ŧ: 't', ς: 'σ', '’': "'", '‘': "'", 'ʼ': "'" };
const DROPPED = /^(?:\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF)$/u;
const MARK = /\p{M}/gu;
const SPACE = /\s/u;
/** A hyphen at the end of a line, with the line break and any indent after it. */
const LINE_BREAK_HYPHEN = /^[-\u2010\u2011][ \t]*\r?\n[ \t]*/u;

export interface FoldedText {
  readonly original: string;
  readonly folded: string;
  /** For each index of `folded`, the index in `original` of the character it came from. */
  readonly origin: readonly number[];
}

export function foldText(original: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < original.length; ) {
    const hyphen = LINE_BREAK_HYPHEN.exec(original.slice(i, i + 12));
    if (hyphen && i > 0 && /\p{L}/u.test(original[i - 1]!) && /\p{L}/u.test(original[i + hyphen[0].length] ?? '')) {
      i += hyphen[0].length;
      continue;
    }
    const ch = String.fromCodePoint(original.codePointAt(i)!);
    const at = i;
    i += ch.length;
    if (DROPPED.test(ch)) continue;
    if (SPACE.test(ch)) {
      // Runs of white space (line breaks included) fold to one space.
      if (!lastWasSpace) {
        folded += ' ';
        origin.push(at);
      }
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    const lower = ch.normalize('NFD').replace(MARK, '').toLowerCase();
    const out = [...lower].map((c) => LETTERS[c] ?? c).join('');
    for (let k = 0; k < out.length; k++) origin.push(at);
    folded += out;
  }
  return { original, folded, origin };
}

/** Fold a name or phrase the same way, without the offsets (for building what to look for). */
export function foldPhrase(s: string): string {
  return foldText(s).folded.trim();
}

/** The original span [start, end) for a folded span. */
export function originalSpan(t: FoldedText, start: number, end: number): { start: number; end: number } {
  const from = t.origin[start] ?? t.original.length;
  const lastFrom = t.origin[end - 1] ?? from;
  // The end is after the whole original character the last folded one came from.
  const cp = t.original.codePointAt(lastFrom);
  let to = lastFrom + (cp !== undefined && cp > 0xffff ? 2 : 1);
  // Combining marks that followed it belong to it.
  while (to < t.original.length && /\p{M}/u.test(t.original[to]!)) to++;
  return { start: from, end: to };
}
