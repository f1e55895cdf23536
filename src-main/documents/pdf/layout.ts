/**
 * Lays the document model out on A4 pages as a display list (text, lines, boxes, images).
 * Painting is a separate pass (paint.ts), so the page count is known before headers and
 * footers are drawn and fonts are embedded only for the faces actually used.
 */
import type {
  Block,
  CheckboxBlock,
  ChartBlock,
  DocumentLabels,
  HeadingBlock,
  ImageBlock,
  KeyValueBlock,
  LetterheadBlock,
  ListBlock,
  ParagraphBlock,
  SignatureBlock,
  TableBlock,
  TextRun,
} from '../model';
import { imageSize } from '../image-size';
import { breakLines, type Line, type Style } from './line-break';
import { letterheadOps } from './letterhead';
import { FIRST_ROW_WHOLE, tableGeometry } from './table-geometry';
import type { Op } from './ops';
import type { TextMeasurer } from './measure';
import {
  baselineOffset,
  COLOUR,
  CONTENT_BOTTOM,
  CONTENT_HEIGHT,
  CONTENT_TOP,
  lineHeight,
  MARGIN_X,
  type RGB,
  SIZE,
  TEXT_WIDTH,
  type TypeSizes,
} from './page-style';

export type { Op } from './ops';

const PLAIN: Style = { bold: false, italic: false };

export class PageLayout {
  readonly pages: Op[][] = [[]];
  private y = CONTENT_TOP;

  constructor(
    private readonly measure: TextMeasurer,
    private readonly labels: DocumentLabels,
    private readonly size: TypeSizes = SIZE,
  ) {}

  /** Fixed distances (box sizes, signature lines) grow with the type, for large print. */
  private get k(): number { return this.size.body / SIZE.body; } // prettier-ignore
  private get ops(): Op[] {
    return this.pages[this.pages.length - 1]!;
  }
  private get atTop(): boolean {
    return this.y >= CONTENT_TOP - 0.01;
  }
  private get remaining(): number {
    return this.y - CONTENT_BOTTOM;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = CONTENT_TOP;
  }

  /** Starts a new page unless `height` fits below (or the page is still empty). */
  private ensure(height: number): void {
    if (height > this.remaining + 0.01 && !this.atTop) this.newPage();
  }

  private gap(height: number): void {
    if (this.atTop) return;
    if (height >= this.remaining) this.newPage();
    else this.y -= height;
  }

  private lines(runs: readonly TextRun[], width: number, size: number): Line[] {
    return breakLines(runs, width, (text, style) => this.measure.width(text, style, size));
  }

  /** Draws one line whose box starts at `top`. */
  private drawLine(line: Line, x: number, top: number, size: number, colour: RGB, align: 'left' | 'center' | 'right' = 'left', width = TEXT_WIDTH): void {
    let cx = x + (align === 'center' ? (width - line.width) / 2 : align === 'right' ? width - line.width : 0);
    const baseline = top - baselineOffset(size);
    for (const p of line.pieces) {
      this.ops.push({ op: 'text', x: cx, y: baseline, text: p.text, style: p, size, colour });
      cx += p.width;
    }
  }

  /** Flowing text: each line goes where there is room, so long text crosses pages. */
  private flow(lines: readonly Line[], x: number, size: number, colour: RGB, align: 'left' | 'center' | 'right' = 'left', width = TEXT_WIDTH): void {
    const lh = lineHeight(size);
    for (const line of lines) {
      this.ensure(lh);
      this.drawLine(line, x, this.y, size, colour, align, width);
      this.y -= lh;
    }
  }

  /**
   * Lays out blocks in order; a heading is kept with the start of the block after it, and a
   * paragraph marked keepWithNext (whole) with the start of the block after it.
   */
  addAll(blocks: readonly Block[]): void {
    blocks.forEach((b, i) => {
      if (b.kind === 'heading') this.heading(b, this.keepHeight(blocks, i + 1));
      else {
        if ((b.kind === 'paragraph' || b.kind === 'checkbox') && b.keepWithNext) this.ensure(this.keepHeight(blocks, i));
        this.add(b);
      }
    });
    // The space after the last block can start a page that nothing is drawn on: no blank last page.
    if (this.pages.length > 1 && this.pages[this.pages.length - 1]!.length === 0) this.pages.pop();
  }

  /** How much must fit from blocks[i] on: a paragraph kept with the next block whole, plus what that needs. */
  private keepHeight(blocks: readonly Block[], i: number): number {
    const b = blocks[i];
    if (!b) return 0;
    // Signatures one after another stay together (and with what is kept with them).
    if (b.kind === 'signature') return Math.min(this.minHeight(b) + (blocks[i + 1]?.kind === 'signature' ? this.keepHeight(blocks, i + 1) : 0), CONTENT_HEIGHT);
    if (b.kind === 'checkbox' && b.keepWithNext) return Math.min(this.minHeight(b) + this.keepHeight(blocks, i + 1), CONTENT_HEIGHT);
    if (b.kind !== 'paragraph' || !b.keepWithNext) return this.minHeight(b);
    const size = b.size === 'small' ? this.size.small : this.size.body;
    const own = this.lines(b.runs, TEXT_WIDTH, size).length * lineHeight(size) + size * 0.7;
    return Math.min(own + this.keepHeight(blocks, i + 1), CONTENT_HEIGHT);
  }

  /** How much of a block must fit beside a heading: the whole of a small, indivisible block, or a few lines. */
  private minHeight(b: Block): number {
    const lh = lineHeight(this.size.body);
    switch (b.kind) {
      case 'signature':
        return this.lines([{ text: b.label, bold: true }], TEXT_WIDTH, this.size.body).length * lh + 66 * this.k;
      case 'checkbox': {
        const runs: TextRun[] = b.title ? [{ text: `${b.title}  `, bold: true }, ...b.label] : [...b.label];
        return Math.min(this.lines(runs, TEXT_WIDTH - 20 * this.k, this.size.body).length * lh, CONTENT_HEIGHT / 2);
      }
      case 'table':
        return Math.min(this.tableGeometry(b).start, CONTENT_HEIGHT / 2);
      case 'keyValue':
        return 3 * lh + 12;
      case 'image':
      case 'chart':
        return Math.min(b.height ?? b.width, CONTENT_HEIGHT / 2);
      default:
        return 3 * lh;
    }
  }

  add(block: Block): void {
    switch (block.kind) {
      case 'heading':
        return this.heading(block, 3 * lineHeight(this.size.body));
      case 'paragraph':
        return this.paragraph(block);
      case 'list':
        return this.list(block);
      case 'table':
        return this.table(block);
      case 'checkbox':
        return this.checkbox(block);
      case 'keyValue':
        return this.keyValue(block);
      case 'signature':
        return this.signature(block);
      case 'image':
        return this.image(block);
      case 'chart':
        return this.chart(block);
      case 'letterhead':
        return this.letterhead(block);
      case 'pageBreak':
        if (!this.atTop) this.newPage();
        return;
      case 'spacer':
        return this.gap(block.height);
    }
  }

  private heading(b: HeadingBlock, keepWithNext: number): void {
    const size = b.level === 1 ? this.size.h1 : b.level === 2 ? this.size.h2 : this.size.h3;
    const before = b.level === 1 ? 0 : b.level === 2 ? 14 : 9;
    const after = b.level === 1 ? 8 : b.level === 2 ? 7 : 3;
    const lines = this.lines([{ text: b.text, bold: true }], TEXT_WIDTH, size);
    const height = lines.length * lineHeight(size) + after;
    const keep = height + keepWithNext;
    if (!this.atTop && before + keep > this.remaining) this.newPage();
    else this.gap(before);
    this.flow(lines, MARGIN_X, size, b.level === 3 ? COLOUR.text : COLOUR.accent);
    if (b.level === 2) {
      const y = this.y + 1;
      this.ops.push({ op: 'line', x1: MARGIN_X, y1: y, x2: MARGIN_X + TEXT_WIDTH, y2: y, width: 0.6, colour: COLOUR.rule });
    }
    this.y -= after;
  }

  private paragraph(b: ParagraphBlock): void {
    const size = b.size === 'small' ? this.size.small : this.size.body;
    this.flow(this.lines(b.runs, TEXT_WIDTH, size), MARGIN_X, size, b.size === 'small' ? COLOUR.muted : COLOUR.text, b.align);
    this.gap(size * 0.7);
  }

  private list(b: ListBlock): void {
    const size = this.size.body;
    const lh = lineHeight(size);
    const indent = b.ordered ? 20 : 14;
    b.items.forEach((item, i) => {
      const lines = this.lines(item, TEXT_WIDTH - indent, size);
      this.ensure(lh);
      const marker = b.ordered ? `${i + 1}.` : '\u2022';
      const mw = this.measure.width(marker, PLAIN, size);
      this.ops.push({ op: 'text', x: MARGIN_X + indent - 6 - mw, y: this.y - baselineOffset(size), text: marker, style: PLAIN, size, colour: COLOUR.text });
      this.flow(lines, MARGIN_X + indent, size, COLOUR.text, 'left', TEXT_WIDTH - indent);
      this.y -= 2;
    });
    this.gap(size * 0.6);
  }

  private checkbox(b: CheckboxBlock): void {
    const size = this.size.body;
    const lh = lineHeight(size);
    const box = 10 * this.k;
    const indent = 20 * this.k;
    const runs: TextRun[] = b.title ? [{ text: `${b.title}  `, bold: true }, ...b.label] : [...b.label];
    const lines = this.lines(runs, TEXT_WIDTH - indent, size);
    const height = lines.length * lh;
    if (height <= CONTENT_HEIGHT) this.ensure(height);
    else this.ensure(lh * 2);
    const top = this.y;
    const boxTop = top - (lh - box) / 2 - 0.5;
    this.ops.push({ op: 'rect', x: MARGIN_X, y: boxTop - box, w: box, h: box, stroke: COLOUR.text, lineWidth: 0.9, fill: COLOUR.white });
    if (b.checked) {
      const x = MARGIN_X;
      const y = boxTop - box;
      const k = this.k;
      this.ops.push({ op: 'line', x1: x + 2 * k, y1: y + 5.2 * k, x2: x + 4.2 * k, y2: y + 2.4 * k, width: 1.4 * k, colour: COLOUR.text });
      this.ops.push({ op: 'line', x1: x + 4.2 * k, y1: y + 2.4 * k, x2: x + 8.3 * k, y2: y + 8 * k, width: 1.4 * k, colour: COLOUR.text });
    }
    this.flow(lines, MARGIN_X + indent, size, COLOUR.text, 'left', TEXT_WIDTH - indent);
    this.gap(7);
  }

  private keyValue(b: KeyValueBlock): void {
    const size = this.size.body;
    const lh = lineHeight(size);
    const keyWidth = Math.round(TEXT_WIDTH * 0.32);
    const valueX = MARGIN_X + keyWidth + 8;
    const valueWidth = TEXT_WIDTH - keyWidth - 8;
    const pad = 4;
    this.ops.push({ op: 'line', x1: MARGIN_X, y1: this.y, x2: MARGIN_X + TEXT_WIDTH, y2: this.y, width: 0.5, colour: COLOUR.faint });
    for (const item of b.items) {
      const keyLines = this.lines([{ text: item.key, bold: true }], keyWidth - 4, size);
      const blank = item.value.trim() === '';
      const valueLines = blank ? [] : this.lines([{ text: item.value }], valueWidth, size);
      const rows = Math.max(keyLines.length, valueLines.length, 1);
      const height = blank ? Math.max(rows * lh, 22 * this.k) + 2 * pad : rows * lh + 2 * pad;
      if (height <= CONTENT_HEIGHT) this.ensure(height);
      if (height > CONTENT_HEIGHT) {
        // A very long value flows over pages instead of being kept with its key.
        this.ensure(lh + 2 * pad);
        const top = this.y - pad;
        keyLines.forEach((l, i) => this.drawLine(l, MARGIN_X, top - i * lh, size, COLOUR.muted, 'left', keyWidth));
        this.y -= pad;
        this.flow(valueLines, valueX, size, COLOUR.text, 'left', valueWidth);
        this.y -= pad;
      } else {
        const top = this.y - pad;
        keyLines.forEach((l, i) => this.drawLine(l, MARGIN_X, top - i * lh, size, COLOUR.muted, 'left', keyWidth));
        valueLines.forEach((l, i) => this.drawLine(l, valueX, top - i * lh, size, COLOUR.text, 'left', valueWidth));
        if (blank) {
          const y = this.y - height + pad + 3;
          this.ops.push({ op: 'line', x1: valueX, y1: y, x2: MARGIN_X + TEXT_WIDTH, y2: y, width: 0.6, colour: COLOUR.muted });
        }
        this.y -= height;
      }
      this.ops.push({ op: 'line', x1: MARGIN_X, y1: this.y, x2: MARGIN_X + TEXT_WIDTH, y2: this.y, width: 0.5, colour: COLOUR.faint });
    }
    this.gap(10);
  }

  private signature(b: SignatureBlock): void {
    const size = this.size.body;
    const small = this.size.small;
    const lh = lineHeight(size);
    const labelLines = this.lines([{ text: b.label, bold: true }], TEXT_WIDTH, size);
    const height = labelLines.length * lh + (30 + 28 + 8) * this.k;
    this.ensure(height);
    this.flow(labelLines, MARGIN_X, size, COLOUR.text);
    const x0 = MARGIN_X;
    const x1 = MARGIN_X + TEXT_WIDTH;
    const dateLabel = b.dateLabel ?? this.labels.date;
    // Wide enough for the date's label and the date itself ("Signed on 30 September 2026").
    const dateWidth = this.measure.width(dateLabel, PLAIN, small) + 10 + (b.date ? this.measure.width(b.date, PLAIN, size) + 8 : 0);
    const dateX = x1 - Math.max(150, dateWidth);
    const field = (label: string, x: number, xEnd: number, baseline: number, value?: string, labelWidth?: number) => {
      const lw = labelWidth ?? this.measure.width(label, PLAIN, small);
      this.ops.push({ op: 'text', x, y: baseline, text: label, style: PLAIN, size: small, colour: COLOUR.muted });
      const lineStart = x + lw + 6;
      this.ops.push({ op: 'line', x1: lineStart, y1: baseline - 2, x2: xEnd, y2: baseline - 2, width: 0.7, colour: COLOUR.text });
      if (value) this.ops.push({ op: 'text', x: lineStart + 4, y: baseline + 1, text: value, style: PLAIN, size, colour: COLOUR.text });
    };
    // Signature and name lines start at the same x, whatever the labels' lengths.
    const labelWidth = Math.max(this.measure.width(this.labels.signature, PLAIN, small), this.measure.width(this.labels.name, PLAIN, small));
    let baseline = this.y - 30 * this.k;
    field(this.labels.signature, x0, dateX - 16, baseline, undefined, labelWidth);
    field(dateLabel, dateX, x1, baseline, b.date);
    baseline -= 26 * this.k;
    field(this.labels.name, x0, dateX - 16, baseline, b.name, labelWidth);
    this.y = baseline - 10;
    this.gap(8);
  }

  private tableGeometry(b: TableBlock): ReturnType<typeof tableGeometry> {
    return tableGeometry(b, this.size.table, (text, bold, width) => this.lines([{ text, bold }], width, this.size.table));
  }
  private table(b: TableBlock): void {
    const { size, lh, padX, padY, widths, xs, header, headerHeight, rows, start } = this.tableGeometry(b);
    const repeat = b.repeatHeader !== false;
    const drawRow = (cells: Line[][], first: number, count: number, height: number, fill: RGB | undefined, colour: RGB) => {
      const top = this.y;
      if (fill) this.ops.push({ op: 'rect', x: MARGIN_X, y: top - height, w: TEXT_WIDTH, h: height, fill });
      cells.forEach((lines, c) => {
        lines.slice(first, first + count).forEach((l, i) => this.drawLine(l, xs[c]! + padX, top - padY - i * lh, size, colour, 'left', widths[c]! - 2 * padX));
      });
      this.ops.push({ op: 'rect', x: MARGIN_X, y: top - height, w: TEXT_WIDTH, h: height, stroke: COLOUR.rule, lineWidth: 0.5 });
      for (let c = 1; c < xs.length; c++) this.ops.push({ op: 'line', x1: xs[c]!, y1: top, x2: xs[c]!, y2: top - height, width: 0.5, colour: COLOUR.rule });
      this.y -= height;
    };
    const drawHeader = () => drawRow(header, 0, Infinity, headerHeight, COLOUR.fill, COLOUR.text);

    this.ensure(start);
    drawHeader();
    rows.forEach((cells, r) => {
      const n = Math.max(1, ...cells.map((l) => l.length));
      const height = n * lh + 2 * padY;
      const stripe = r % 2 === 1 ? COLOUR.stripe : undefined;
      const fresh = () => {
        this.newPage();
        if (repeat) drawHeader();
      };
      if (height <= this.remaining) return drawRow(cells, 0, n, height, stripe, COLOUR.text);
      if (height <= CONTENT_HEIGHT - headerHeight && (r > 0 || height <= FIRST_ROW_WHOLE)) {
        fresh();
        return drawRow(cells, 0, n, height, stripe, COLOUR.text);
      }
      // Taller than a page: split the row between pages, line by line.
      let done = 0;
      while (done < n) {
        let fit = Math.floor((this.remaining - 2 * padY) / lh);
        if (fit < 2) {
          fresh();
          fit = Math.floor((this.remaining - 2 * padY) / lh);
        }
        const count = Math.min(fit, n - done);
        drawRow(cells, done, count, count * lh + 2 * padY, stripe, COLOUR.text);
        done += count;
      }
    });
    this.gap(10);
  }

  private letterhead(b: LetterheadBlock): void {
    const lh = lineHeight(this.size.small);
    const { ops, height } = letterheadOps(b, this.y, this.size, this.k, (text, bold, size) => this.lines([{ text, bold }], TEXT_WIDTH * 0.55, size));
    this.ops.push(...ops);
    this.y -= height + lh / 2;
    this.ops.push({ op: 'line', x1: MARGIN_X, y1: this.y, x2: MARGIN_X + TEXT_WIDTH, y2: this.y, width: 0.6, colour: COLOUR.rule });
    this.gap(lh);
  }

  private image(b: ImageBlock): void {
    const size = imageSize(b);
    const w = Math.min(b.width, TEXT_WIDTH);
    const h = Math.min(b.height ?? (size ? (w * size.height) / size.width : w), CONTENT_HEIGHT);
    this.ensure(h);
    const x = MARGIN_X + (b.align === 'center' ? (TEXT_WIDTH - w) / 2 : b.align === 'right' ? TEXT_WIDTH - w : 0);
    this.ops.push({ op: 'image', x, y: this.y - h, w, h, image: b });
    this.y -= h;
    this.gap(8);
  }

  private chart(b: ChartBlock): void {
    const w = Math.min(b.width, TEXT_WIDTH);
    const h = Math.min((b.height * w) / b.width, CONTENT_HEIGHT);
    this.ensure(h);
    this.ops.push({ op: 'chart', x: MARGIN_X, y: this.y - h, w, h, chart: b });
    this.y -= h;
    this.gap(8);
  }
}
