/** A letter's letterhead on the PDF page: the logo at the left, the service's name and contact details at the right. */
import { imageSize } from '../image-size';
import type { LetterheadBlock } from '../model';
import type { Op } from './ops';
import type { Line } from './line-break';
import { baselineOffset, COLOUR, lineHeight, MARGIN_X, TEXT_WIDTH, type TypeSizes } from './page-style';

/** The ops drawn from `top` down, and the height they take. `k` scales the logo with the type (large print). */
export function letterheadOps(b: LetterheadBlock, top: number, sizes: TypeSizes, k: number, lines: (text: string, bold: boolean, size: number) => Line[]): { ops: Op[]; height: number } {
  const ops: Op[] = [];
  const right = MARGIN_X + TEXT_WIDTH;
  const rows: { line: Line; size: number; accent: boolean }[] = [
    ...lines(b.name, true, sizes.h3).map((line) => ({ line, size: sizes.h3, accent: true })),
    ...b.lines.flatMap((l) => lines(l, false, sizes.small).map((line) => ({ line, size: sizes.small, accent: false }))),
  ];
  let y = top;
  for (const { line, size, accent } of rows) {
    let x = right - line.width;
    for (const p of line.pieces) {
      ops.push({ op: 'text', x, y: y - baselineOffset(size), text: p.text, style: p, size, colour: accent ? COLOUR.accent : COLOUR.text });
      x += p.width;
    }
    y -= lineHeight(size);
  }
  let height = top - y;
  if (b.logo) {
    const px = imageSize(b.logo);
    const h = 48 * k;
    const w = px ? Math.min((h * px.width) / px.height, TEXT_WIDTH * 0.4) : h;
    ops.push({ op: 'image', x: MARGIN_X, y: top - h, w, h, image: b.logo });
    height = Math.max(height, h);
  }
  return { ops, height };
}
