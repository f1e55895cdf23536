/** A table's columns, header and rows broken into lines, and how much of it must start on one page. */
import type { TableBlock } from '../model';
import type { Line } from './line-break';
import { CONTENT_HEIGHT, lineHeight, MARGIN_X, TEXT_WIDTH } from './page-style';

/** A first row up to this tall moves to the next page whole with the header; a taller one is split. */
export const FIRST_ROW_WHOLE = CONTENT_HEIGHT / 3;

export function tableGeometry(b: TableBlock, size: number, lines: (text: string, bold: boolean, width: number) => Line[]) {
  const lh = lineHeight(size);
  const padX = 4;
  const padY = 3;
  const total = b.columns.reduce((s, c) => s + Math.max(c.width, 0.0001), 0);
  const widths = b.columns.map((c) => (TEXT_WIDTH * Math.max(c.width, 0.0001)) / total);
  const xs = widths.map((_, i) => MARGIN_X + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const cellLines = (cells: readonly string[], bold: boolean) => b.columns.map((_, i) => lines(cells[i] ?? '', bold, Math.max(widths[i]! - 2 * padX, 10)));
  const header = cellLines(
    b.columns.map((c) => c.header),
    true,
  );
  const headerHeight = Math.max(...header.map((l) => l.length)) * lh + 2 * padY;
  const rows = b.rows.map((r) => cellLines(r, false));
  const firstHeight = rows[0] ? Math.max(1, ...rows[0].map((l) => l.length)) * lh + 2 * padY : 0;
  // The header never stands alone at the foot of a page: it keeps the whole first row with it,
  // or, for a first row taller than a third of a page (then split), two of its lines, so a
  // long first row does not leave the rest of a page empty.
  const start = headerHeight + (firstHeight <= FIRST_ROW_WHOLE ? firstHeight : 2 * lh + 2 * padY);
  return { size, lh, padX, padY, widths, xs, header, headerHeight, rows, start };
}
