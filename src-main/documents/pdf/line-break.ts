/**
 * Greedy line breaking of styled runs with real text measurement. Breaks at spaces; a word
 * wider than the line is broken between characters; "\n" forces a new line. Pure: the caller
 * supplies the measure function, so this is easy to test and knows nothing of pdf-lib.
 */
import type { TextRun } from '../model';

export interface Style {
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface Piece extends Style {
  readonly text: string;
  readonly width: number;
}

export interface Line {
  readonly pieces: readonly Piece[];
  readonly width: number;
}

export type Measure = (text: string, style: Style) => number;

interface Token extends Style {
  readonly text: string;
  readonly kind: 'word' | 'space' | 'newline';
}

function tokenize(runs: readonly TextRun[]): Token[] {
  const tokens: Token[] = [];
  for (const r of runs) {
    const style = { bold: !!r.bold, italic: !!r.italic };
    const text = r.text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
    for (const part of text.split(/(\n|[ \u00A0\u2000-\u200A\u3000]+)/u)) {
      if (part === '') continue;
      const kind = part === '\n' ? 'newline' : /^\s+$/u.test(part) && !part.includes('\u00A0') ? 'space' : 'word';
      tokens.push({ text: kind === 'space' ? ' ' : part, kind, ...style });
    }
  }
  return tokens;
}

export function breakLines(runs: readonly TextRun[], maxWidth: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  let pieces: Piece[] = [];
  let width = 0;
  let pendingSpace: Piece | null = null;

  const push = (p: Piece) => {
    const last = pieces[pieces.length - 1];
    if (last && last.bold === p.bold && last.italic === p.italic) {
      pieces[pieces.length - 1] = { ...last, text: last.text + p.text, width: last.width + p.width };
    } else pieces.push(p);
    width += p.width;
  };
  const endLine = () => {
    lines.push({ pieces, width });
    pieces = [];
    width = 0;
    pendingSpace = null;
  };

  const tokens = tokenize(runs);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'newline') {
      endLine();
      i++;
      continue;
    }
    if (t.kind === 'space') {
      if (pieces.length > 0) pendingSpace = { text: ' ', bold: t.bold, italic: t.italic, width: measure(' ', t) };
      i++;
      continue;
    }
    // A word may span several runs ("**bold**text"): gather the word tokens that touch.
    const word: Piece[] = [];
    while (i < tokens.length && tokens[i]!.kind === 'word') {
      const w = tokens[i]!;
      word.push({ text: w.text, bold: w.bold, italic: w.italic, width: measure(w.text, w) });
      i++;
    }
    const wordWidth = word.reduce((s, p) => s + p.width, 0);
    const spaceWidth = pendingSpace ? (pendingSpace as Piece).width : 0;
    if (pieces.length > 0 && width + spaceWidth + wordWidth > maxWidth) endLine();
    if (pieces.length > 0 && pendingSpace) push(pendingSpace);
    pendingSpace = null;
    if (wordWidth <= maxWidth - width) {
      for (const p of word) push(p);
      continue;
    }
    // Wider than a whole line: break between characters.
    for (const p of word) {
      for (const ch of p.text) {
        const w = measure(ch, p);
        if (pieces.length > 0 && width + w > maxWidth) endLine();
        push({ text: ch, bold: p.bold, italic: p.italic, width: w });
      }
    }
  }
  if (pieces.length > 0 || lines.length === 0) endLine();
  return lines;
}
