import { BIDI_CONTROL, C0_CONTROL, C1_CONTROL, LINE_SEPARATOR, LONE_SURROGATE } from '../domain/shared/text';
import type { CliIo } from './command';

/**
 * Case data is typed by people and imported from files, so before it reaches a terminal we
 * drop control characters (an ESC could recolour or rewrite the screen), bidirectional
 * controls and marks (which can make text display in a misleading order), line separators and
 * broken characters, as domain/shared/text.ts defines them.
 */
const UNSAFE = new RegExp(`${C0_CONTROL.source}|\\r|${C1_CONTROL.source}|${BIDI_CONTROL.source}|[\\u200E\\u200F]|${LINE_SEPARATOR.source}|${LONE_SURROGATE.source}`, 'gu');

export function printable(s: string): string {
  return s.replace(UNSAFE, '');
}

/** Text for one cell or line: printable, with line breaks and runs of spaces made one space. */
export function oneLine(s: string): string {
  return printable(s).replace(/\s+/gu, ' ').trim();
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Terminal columns are roughly one per code point for the scripts we show; good enough for a list. */
const width = (s: string) => [...s].length;

function clip(s: string, max: number): string {
  const cps = [...s];
  return cps.length <= max ? s : cps.slice(0, max - 1).join('') + '…';
}

/** A plain left-aligned table; the last column is not padded so lines do not end in spaces. */
export function table(headers: string[], rows: string[][], maxWidth = 40): string {
  const cells = rows.map((r) => r.map((c) => clip(printable(c), maxWidth)));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - width(c))))
      .join('  ')
      .trimEnd();
  return [line(headers), ...cells.map(line)].join('\n');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
