/** A letter's letterhead in Word: a borderless two-cell table, logo left, name and contact details right, a rule below (as in the PDF). */
import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type IBorderOptions } from 'docx';
import { imageSize } from '../image-size';
import type { ImageData, LetterheadBlock } from '../model';
import type { TypeSizes } from '../pdf/page-style';

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };

export function letterheadTable(
  b: LetterheadBlock,
  sizes: TypeSizes,
  o: { textWidth: number; rule: IBorderOptions; accent: string; logo: (img: ImageData & { alt: string }, widthPt: number, heightPt: number) => ImageRun },
): Table {
  const leftW = Math.round(o.textWidth * 0.4);
  const widths = [leftW, o.textWidth - leftW];
  const half = (pt: number) => Math.round(pt * 2);
  const logo: ImageRun[] = [];
  if (b.logo) {
    const px = imageSize(b.logo);
    const h = 48 * (sizes.body / 10);
    const w = px ? Math.min((h * px.width) / px.height, (leftW / 20) * 0.95) : h;
    logo.push(o.logo({ ...b.logo, alt: `${b.name} logo` }, w, h));
  }
  const right = (text: string, run: { bold?: boolean; color?: string; size: number }) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun({ text, ...run })] });
  const text = [right(b.name, { bold: true, color: o.accent, size: half(sizes.h3) }), ...b.lines.map((l) => right(l, { size: half(sizes.small) }))];
  const borders = { ...noBorders, bottom: o.rule };
  return new Table({
    width: { size: o.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...borders, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, borders, children: [new Paragraph({ children: logo, spacing: { after: 120 } })] }),
          new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, borders, margins: { bottom: 120 }, children: text }),
        ],
      }),
    ],
  });
}
