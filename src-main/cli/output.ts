import type { CliIo } from './command';

/**
 * Case data is typed by people and imported from files, so before it reaches a terminal we
 * drop control characters (an ESC could recolour or rewrite the screen) and bidirectional
 * overrides (which can make text display in a misleading order).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

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
