/**
 * Renders the document model to DOCX with `docx`: real Word checkboxes (w14:checkbox content
 * controls), tables whose header row repeats on every page, a header, and a footer with
 * "Page X of Y" as PAGE / NUMPAGES fields, so Word and LibreOffice number the pages themselves.
 */
import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { imageSize } from '../image-size';
import { withBidiClosed } from '../bidi';
import { stabilise } from './stable-zip';
import { typeSizes, type TypeSizes } from '../pdf/page-style';
import { letterheadTable } from './letterhead';
import { footerParagraphs } from './page-footer';
import {
  DEFAULT_LABELS,
  type Block,
  type ChartBlock,
  type DocumentLabels,
  type DocumentModel,
  type ImageData,
  type TextRun as ModelRun,
} from '../model';

export interface DocxOptions {
  /** Turns a chart's SVG into a PNG when the chart carries no raster of its own. */
  readonly rasteriseChart?: (chart: ChartBlock) => Promise<ImageData | undefined>;
}

export interface DocxResult {
  readonly bytes: Uint8Array;
}

/** Word draws with the reader's fonts; Arial is on every Windows and Mac, and LibreOffice maps it to Liberation Sans. */
const FONT = 'Arial';
const ACCENT = '0D406E';
const MUTED = '5C6169';
const RULE = 'B8BFC9';
const FILL = 'EBF0F5';

// A4 in twentieths of a point, with 20 mm side margins as in the PDF.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1320, bottom: 1240, left: 1134, right: 1134, header: 600, footer: 560 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const ptToPx = (pt: number) => Math.round((pt * 96) / 72);

const line = (colour = RULE, size = 4): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color: colour });
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };

function runs(model: readonly ModelRun[], extra: { size?: number; color?: string } = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const r of model) {
    r.text.split(/\r\n?|\n/).forEach((text, i) => {
      out.push(new TextRun({ text, bold: r.bold, italics: r.italic, ...(i > 0 ? { break: 1 } : {}), ...extra }));
    });
  }
  return out;
}

/** Word sizes are in half-points. */
const half = (pt: number) => Math.round(pt * 2);

class DocxBuilder {
  private orderedLists = 0;
  constructor(
    private readonly labels: DocumentLabels,
    private readonly options: DocxOptions,
    private readonly sizes: TypeSizes,
  ) {}

  async block(b: Block): Promise<(Paragraph | Table)[]> {
    switch (b.kind) {
      case 'heading':
        return [
          new Paragraph({
            heading: b.level === 1 ? HeadingLevel.TITLE : b.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            children: [new TextRun(b.text)],
            keepNext: true,
          }),
        ];
      case 'paragraph':
        return [
          new Paragraph({
            children: runs(b.runs, b.size === 'small' ? { size: half(this.sizes.small), ...(this.sizes.small < this.sizes.body ? { color: MUTED } : {}) } : {}),
            alignment: b.align === 'center' ? AlignmentType.CENTER : b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            ...(b.keepWithNext ? { keepNext: true, keepLines: true } : {}),
          }),
        ];
      case 'list': {
        const instance = ++this.orderedLists;
        return b.items.map(
          (item) =>
            new Paragraph({
              children: runs(item),
              ...(b.ordered ? { numbering: { reference: 'rj-ordered', level: 0, instance } } : { bullet: { level: 0 } }),
              spacing: { after: 40 },
            }),
        );
      }
      case 'checkbox':
        return [
          new Paragraph({
            children: [
              new CheckBox({ checked: b.checked, alias: b.title ?? 'Consent' }),
              new TextRun({ text: '\t' }),
              ...(b.title ? [new TextRun({ text: `${b.title}  `, bold: true })] : []),
              ...runs(b.label),
            ],
            indent: { left: 400, hanging: 400 },
            tabStops: [{ type: TabStopType.LEFT, position: 400 }],
            keepLines: true,
            ...(b.keepWithNext ? { keepNext: true } : {}),
            spacing: { after: 140 },
          }),
        ];
      case 'table':
        return [this.table(b.columns.map((c) => c.header), b.columns.map((c) => c.width), b.rows, b.repeatHeader !== false), spacer(160)];
      case 'keyValue':
        return [this.keyValue(b.items), spacer(160)];
      case 'signature':
        return [
          new Paragraph({ children: [new TextRun({ text: b.label, bold: true })], keepNext: true, spacing: { before: 200, after: 0 } }),
          this.signature(b.name, b.date, b.dateLabel),
        ];
      case 'image':
        return [
          new Paragraph({
            alignment: b.align === 'center' ? AlignmentType.CENTER : b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [imageRun(b, b.width, b.height)],
          }),
        ];
      case 'chart':
        return [await this.chart(b)];
      case 'letterhead':
        return [letterheadTable(b, this.sizes, { textWidth: TEXT_WIDTH, rule: line(RULE, 4), accent: ACCENT, logo: (img, w, h) => imageRun(img, w, h) }), spacer(240)];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      case 'spacer':
        return [spacer(Math.round(b.height * 20))];
    }
  }

  private table(headers: readonly string[], weights: readonly number[], rows: readonly (readonly string[])[], repeat: boolean): Table {
    const total = weights.reduce((s, w) => s + Math.max(w, 0.0001), 0);
    const widths = weights.map((w) => Math.round((TEXT_WIDTH * Math.max(w, 0.0001)) / total));
    const borders = { top: line(), bottom: line(), left: line(), right: line() };
    const cell = (text: string, width: number, header: boolean, stripe: boolean) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        borders,
        margins: { top: 50, bottom: 50, left: 90, right: 90 },
        ...(header ? { shading: { type: ShadingType.CLEAR, fill: FILL, color: 'auto' } } : stripe ? { shading: { type: ShadingType.CLEAR, fill: 'F7F8FA', color: 'auto' } } : {}),
        children: [new Paragraph({ children: runs([{ text, bold: header }], { size: half(this.sizes.table) }), spacing: { after: 0 } })],
      });
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: repeat, cantSplit: true, children: headers.map((h, i) => cell(h, widths[i]!, true, false)) }),
        ...rows.map((r, n) => new TableRow({ children: widths.map((w, i) => cell(r[i] ?? '', w, false, n % 2 === 1)) })),
      ],
    });
  }

  private keyValue(items: readonly { key: string; value: string }[]): Table {
    const keyWidth = Math.round(TEXT_WIDTH * 0.32);
    const widths = [keyWidth, TEXT_WIDTH - keyWidth];
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: line('D9DEE5'), bottom: line('D9DEE5'), left: NONE, right: NONE, insideHorizontal: line('D9DEE5'), insideVertical: NONE },
      rows: items.map((kv) => {
        const blank = kv.value.trim() === '';
        return new TableRow({
          cantSplit: true,
          ...(blank ? { height: { value: 520, rule: 'atLeast' as const } } : {}),
          children: [
            new TableCell({
              width: { size: widths[0]!, type: WidthType.DXA },
              margins: { top: 70, bottom: 70, left: 0, right: 120 },
              verticalAlign: VerticalAlignTable.TOP,
              children: [new Paragraph({ children: [new TextRun({ text: kv.key, bold: true, color: MUTED })], spacing: { after: 0 } })],
            }),
            new TableCell({
              width: { size: widths[1]!, type: WidthType.DXA },
              margins: { top: 70, bottom: 70, left: 120, right: 0 },
              verticalAlign: blank ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP,
              children: [
                blank
                  ? new Paragraph({ children: [], border: { bottom: line('5C6169', 6) }, spacing: { after: 0 } })
                  : new Paragraph({ children: runs([{ text: kv.value }]), spacing: { after: 0 } }),
              ],
            }),
          ],
        });
      }),
    });
  }

  /** Signature, date and name, each with a line to write on. */
  private signature(name?: string, date?: string, dateLabel = this.labels.date): Table {
    const labelW = 1300;
    const gapW = 400;
    // Room for a longer label than "Date", such as "Signed on", on one line (with the cell's own margins).
    const dateLabelW = Math.max(700, dateLabel.length * 110 + 240);
    const dateW = 2200;
    const sigW = TEXT_WIDTH - labelW - gapW - dateLabelW - dateW;
    const widths = [labelW, sigW, gapW, dateLabelW, dateW];
    const label = (text: string, w: number) =>
      new TableCell({
        width: { size: w, type: WidthType.DXA },
        borders: noBorders,
        verticalAlign: VerticalAlignTable.BOTTOM,
        children: [new Paragraph({ children: text ? [new TextRun({ text, size: half(this.sizes.small), color: MUTED })] : [], spacing: { after: 0 } })],
      });
    const field = (value: string | undefined, w: number) =>
      new TableCell({
        width: { size: w, type: WidthType.DXA },
        borders: { ...noBorders, bottom: line('1C1C21', 6) },
        verticalAlign: VerticalAlignTable.BOTTOM,
        children: [new Paragraph({ children: value ? [new TextRun(value)] : [], spacing: { after: 0 } })],
      });
    const empty = (w: number) => new TableCell({ width: { size: w, type: WidthType.DXA }, borders: noBorders, children: [new Paragraph({ children: [] })] });
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { ...noBorders, insideHorizontal: NONE, insideVertical: NONE },
      rows: [
        new TableRow({
          cantSplit: true,
          height: { value: 640, rule: 'atLeast' },
          children: [label(this.labels.signature, labelW), field(undefined, sigW), empty(gapW), label(dateLabel, dateLabelW), field(date, dateW)],
        }),
        new TableRow({
          cantSplit: true,
          height: { value: 560, rule: 'atLeast' },
          children: [label(this.labels.name, labelW), field(name, sigW), empty(gapW), label('', dateLabelW), empty(dateW)],
        }),
      ],
    });
  }

  private async chart(b: ChartBlock): Promise<Paragraph> {
    const raster = b.raster ?? (await this.options.rasteriseChart?.(b));
    if (raster) {
      const w = Math.min(b.width, TEXT_WIDTH / 20);
      const h = (b.height * w) / b.width;
      // The SVG itself with the picture as its fallback: Word 2016 and later draw the vectors,
      // older readers the picture; and the chart's words are in the file as text, where the
      // leak check reads them (text/docx-text.ts), not only as pixels.
      return new Paragraph({
        // Line spacing stated as a multiple, so the line grows to the picture's height: LibreOffice
        // reads the document default's bare 1.15 as a fixed height and draws charts over each other.
        spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 160 },
        children: [
          new ImageRun({
            type: 'svg',
            data: new TextEncoder().encode(b.svg),
            fallback: { type: raster.format === 'png' ? 'png' : 'jpg', data: raster.data },
            transformation: { width: ptToPx(w), height: ptToPx(h) },
            altText: { name: 'Chart', description: b.alt, title: b.alt },
          }),
        ],
      });
    }
    return new Paragraph({
      children: [new TextRun({ text: b.alt, italics: true, color: MUTED })],
      border: { top: line(), bottom: line(), left: line(), right: line() },
    });
  }
}

function spacer(twips: number): Paragraph {
  return new Paragraph({ children: [], spacing: { before: 0, after: 0, line: Math.max(twips, 20), lineRule: LineRuleType.EXACT } });
}

function imageRun(img: ImageData & { alt?: string }, widthPt: number, heightPt?: number): ImageRun {
  const px = imageSize(img);
  const w = Math.min(widthPt, TEXT_WIDTH / 20);
  const h = heightPt ?? (px ? (w * px.height) / px.width : w);
  return new ImageRun({
    type: img.format === 'png' ? 'png' : 'jpg',
    data: img.data,
    transformation: { width: ptToPx(w), height: ptToPx(h) },
    ...(img.alt ? { altText: { name: img.alt, description: img.alt, title: img.alt } } : {}),
  });
}

function headerParagraphs(model: DocumentModel, size: number): Paragraph[] {
  const h = model.header;
  if (!h) return [];
  const children: ParagraphChild[] = [];
  if (h.logo) {
    const px = imageSize(h.logo);
    const height = 26;
    const width = px ? Math.min((height * px.width) / px.height, 160) : height;
    children.push(imageRun({ ...h.logo, alt: h.left ? `${h.left} logo` : 'Logo' }, width, height), new TextRun({ text: '  ' }));
  }
  if (h.left) children.push(new TextRun({ text: h.left, bold: true, color: ACCENT, size }));
  if (h.right) children.push(new TextRun({ text: '\t' }), new TextRun({ text: h.right, color: MUTED, size }));
  return [
    new Paragraph({
      children,
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: line(RULE, 4) },
      spacing: { after: 0 },
    }),
  ];
}

export async function renderDocx(given: DocumentModel, options: DocxOptions = {}): Promise<DocxResult> {
  // Word applies direction controls: each piece of text closes those it opens (bidi.ts).
  const model = withBidiClosed(given);
  const labels = { ...DEFAULT_LABELS, ...model.labels };
  const sizes = typeSizes(model.typeScale);
  const builder = new DocxBuilder(labels, options, sizes);
  const children: (Paragraph | Table)[] = [];
  for (const b of model.blocks) children.push(...(await builder.block(b)));
  if (children.length === 0) children.push(new Paragraph({ children: [] }));

  const m = model.metadata;
  const doc = new Document({
    title: m.title,
    creator: m.author ?? 'RJ Casebook',
    lastModifiedBy: 'RJ Casebook',
    ...(m.subject ? { subject: m.subject } : {}),
    description: m.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: half(sizes.body), color: '1C1C21', language: { value: m.language ?? 'en-GB' } }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: FONT, size: half(sizes.h1), bold: true, color: ACCENT }, paragraph: { spacing: { after: 160 } } },
        heading1: { run: { font: FONT, size: half(sizes.h2), bold: true, color: ACCENT }, paragraph: { spacing: { before: 280, after: 120 }, border: { bottom: line(RULE, 4) } } },
        heading2: { run: { font: FONT, size: half(sizes.h3), bold: true, color: '1C1C21' }, paragraph: { spacing: { before: 180, after: 60 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'rj-ordered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 300 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        headers: { default: new Header({ children: headerParagraphs(model, half(sizes.header)) }) },
        footers: { default: new Footer({ children: footerParagraphs(model, labels, half(sizes.header), { textWidth: TEXT_WIDTH, rule: line(RULE, 4), muted: MUTED }) }) },
        children,
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  return { bytes: m.deterministic ? stabilise(new Uint8Array(bytes)) : new Uint8Array(bytes) };
}
