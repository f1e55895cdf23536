/**
 * The one document model. Builders produce it from case data and a template; the PDF and DOCX
 * renderers draw it. It says what a document contains, not how a page looks: fonts, margins
 * and rules belong to the renderers, so a change of wording reaches both formats alike.
 *
 * Sizes that the model does carry (image width, spacer height) are in points (1/72 inch).
 */

/** A stretch of text with one style. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1 = document title, 2 = section, 3 = sub-section. */
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly TextRun[];
  readonly align?: 'left' | 'center' | 'right';
  /** 'small' for notes such as a data-protection statement. */
  readonly size?: 'normal' | 'small';
  /** Keep on the same page as the block after it, e.g. a declaration above the signatures. */
  readonly keepWithNext?: boolean;
}

export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  /** Each item is a paragraph of runs. */
  readonly items: readonly (readonly TextRun[])[];
}

export interface TableColumn {
  readonly header: string;
  /** Relative width: columns share the text width in proportion to these numbers. */
  readonly width: number;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  /** One string per column; a row shorter than the columns is padded with empty cells. */
  readonly rows: readonly (readonly string[])[];
  /** Repeat the header row at the top of every page the table reaches (default true). */
  readonly repeatHeader?: boolean;
}

export interface CheckboxBlock {
  readonly kind: 'checkbox';
  readonly checked: boolean;
  /** A short title shown in bold before the label, e.g. "1. The process". Optional. */
  readonly title?: string;
  readonly label: readonly TextRun[];
  /** Keep on the same page as the block after it, e.g. the consent to sign above the signatures. */
  readonly keepWithNext?: boolean;
}

export interface KeyValueBlock {
  readonly kind: 'keyValue';
  /** An empty value is drawn as a line to write on by hand. */
  readonly items: readonly { readonly key: string; readonly value: string }[];
}

export interface SignatureBlock {
  readonly kind: 'signature';
  /** Who signs, e.g. "Participant" or "Facilitator (countersignature)". */
  readonly label: string;
  /** Printed name; empty or absent → a line to print the name by hand. */
  readonly name?: string;
  /** Date already known (rare: forms are dated when signed); absent → a date line. */
  readonly date?: string;
  /** The words before the date instead of the labels' "Date", e.g. "Signed on" beside a date already known. */
  readonly dateLabel?: string;
}

export interface ImageData {
  readonly data: Uint8Array;
  readonly format: 'png' | 'jpeg';
}

export interface ImageBlock extends ImageData {
  readonly kind: 'image';
  /** Width in points; the height follows the image's aspect ratio unless given. */
  readonly width: number;
  readonly height?: number;
  readonly alt: string;
  readonly align?: 'left' | 'center' | 'right';
}

/**
 * A chart drawn once as SVG. The PDF renderer draws the SVG itself; DOCX needs a raster image,
 * taken from `raster` or from the renderer's `rasteriseChart` hook. Without either, the
 * renderers print the alt text in a box rather than fail.
 */
export interface ChartBlock {
  readonly kind: 'chart';
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly raster?: ImageData;
}

/**
 * A letter's heading on its first page: the logo, the service's name and its contact details,
 * in place of the running header other documents carry (a letter says who it is from, not
 * what kind of document it is).
 */
export interface LetterheadBlock {
  readonly kind: 'letterhead';
  readonly name: string;
  /** Address lines, then phone, email and website. */
  readonly lines: readonly string[];
  readonly logo?: ImageData;
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

export interface SpacerBlock {
  readonly kind: 'spacer';
  /** Points. */
  readonly height: number;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | CheckboxBlock
  | KeyValueBlock
  | SignatureBlock
  | ImageBlock
  | ChartBlock
  | LetterheadBlock
  | PageBreakBlock
  | SpacerBlock;

export interface DocumentMetadata {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  /** BCP 47 language tag; default en-GB. */
  readonly language?: string;
  /**
   * Deterministic output: fixed creation and modification dates and ids, so the same model
   * gives the same bytes (golden tests). A password-protected PDF is never byte-stable: its
   * keys and salts are random by design.
   */
  readonly deterministic?: boolean;
  /** The document's date; ignored in deterministic mode. Default: now. */
  readonly createdAt?: Date;
}

export interface PageHeader {
  /** Left: usually the service's name. */
  readonly left?: string;
  /** Right: usually the document's title and case reference. */
  readonly right?: string;
  readonly logo?: ImageData;
}

export interface PageFooter {
  /** Left: e.g. "OFFICIAL-SENSITIVE" or the case reference. */
  readonly left?: string;
  /** Centre: e.g. "Participant initials ______" on each page of a form. */
  readonly centre?: string;
  /** "Page X of Y" at the right of every page. Default true. */
  readonly pageNumbers?: boolean;
}

/** Words the renderers print themselves; templates may change them. */
export interface DocumentLabels {
  /** With {page} and {pages}; default "Page {page} of {pages}". */
  readonly page: string;
  readonly signature: string;
  readonly name: string;
  readonly date: string;
}

export const DEFAULT_LABELS: DocumentLabels = {
  page: 'Page {page} of {pages}',
  signature: 'Signature',
  name: 'Name',
  date: 'Date',
};

/**
 * How big the type is. Standard documents (records, forms) are set at 10 pt; letters at 12 pt
 * (clear-print guidance for people reading a letter at home); large print at 16 pt, for every
 * document a participant reads. The renderers own the actual sizes (page-style.ts).
 */
export const TYPE_SCALES = ['standard', 'letter', 'large'] as const;
export type TypeScale = (typeof TYPE_SCALES)[number];

export interface DocumentModel {
  readonly metadata: DocumentMetadata;
  /** Default 'standard'. */
  readonly typeScale?: TypeScale;
  readonly header?: PageHeader;
  readonly footer?: PageFooter;
  readonly labels?: Partial<DocumentLabels>;
  readonly blocks: readonly Block[];
}

/** "Page {page} of {pages}" → "Page 2 of 5". */
export function pageLabel(template: string, page: number, pages: number): string {
  return template.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
}

/** The fixed instant used in deterministic mode. */
export const DETERMINISTIC_DATE = new Date('2000-01-01T00:00:00.000Z');

/** Small helpers so builders read like the document they make. */
export const run = (text: string, style: { bold?: boolean; italic?: boolean } = {}): TextRun => ({ text, ...style });
export const paragraph = (text: string | readonly TextRun[], options: Omit<ParagraphBlock, 'kind' | 'runs'> = {}): ParagraphBlock => ({
  kind: 'paragraph',
  runs: typeof text === 'string' ? [run(text)] : text,
  ...options,
});
export const heading = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ kind: 'heading', level, text });
export const pageBreak = (): PageBreakBlock => ({ kind: 'pageBreak' });

/** Every piece of text in a model, for font selection and missing-character checks. */
export function modelTexts(model: DocumentModel): string[] {
  const out: string[] = [model.metadata.title];
  if (model.header?.left) out.push(model.header.left);
  if (model.header?.right) out.push(model.header.right);
  if (model.footer?.left) out.push(model.footer.left);
  if (model.footer?.centre) out.push(model.footer.centre);
  const labels = { ...DEFAULT_LABELS, ...model.labels };
  out.push(pageLabel(labels.page, 1234567890, 1234567890), labels.signature, labels.name, labels.date);
  for (const b of model.blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(b.text);
        break;
      case 'paragraph':
        out.push(...b.runs.map((r) => r.text));
        break;
      case 'list':
        for (const item of b.items) out.push(...item.map((r) => r.text));
        break;
      case 'table':
        out.push(...b.columns.map((c) => c.header));
        for (const row of b.rows) out.push(...row);
        break;
      case 'checkbox':
        if (b.title) out.push(b.title);
        out.push(...b.label.map((r) => r.text));
        break;
      case 'keyValue':
        for (const kv of b.items) out.push(kv.key, kv.value);
        break;
      case 'signature':
        out.push(b.label, b.name ?? '', b.date ?? '', b.dateLabel ?? '');
        break;
      case 'image':
      case 'chart':
        out.push(b.alt);
        break;
      case 'letterhead':
        out.push(b.name, ...b.lines);
        break;
      case 'pageBreak':
      case 'spacer':
        break;
    }
  }
  return out;
}
