/**
 * Renders the document model to PDF with pdf-lib (the maintained @cantoo fork): layout first,
 * then the page count is known and every page gets its header and "Page X of Y" footer, then
 * painting with subsets of the bundled Unicode fonts. Never throws for a character the fonts
 * lack: it is drawn as □ and listed in `missingCharacters`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { degrees, PDFArray, PDFDocument, PDFHexString, PDFName, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { FontChain, fontsFor, type FontSet } from '../fonts';
import { cachingFontkit } from '../parsed-fonts';
import { DEFAULT_LABELS, DETERMINISTIC_DATE, type DocumentModel, type ImageData, modelTexts, pageLabel } from '../model';
import { imageSize as imageDims } from '../image-size';
import { PageLayout, type Op } from './layout';
import type { Style } from './line-break';
import { TextMeasurer } from './measure';
import {
  COLOUR,
  FOOTER_BASELINE,
  FOOTER_RULE,
  HEADER_BASELINE,
  HEADER_RULE,
  LOGO_HEIGHT,
  MARGIN_X,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  type RGB,
  SIZE,
  TEXT_WIDTH,
  typeSizes,
} from './page-style';

export interface PdfOptions {
  /** The bundled fonts (see loadBundledFonts). */
  readonly fonts: FontSet;
  /** Protect the PDF with AES-256: this password is needed to open it. */
  readonly password?: string;
  /** Full-access password; defaults to the user password. */
  readonly ownerPassword?: string;
}

export interface PdfResult {
  readonly bytes: Uint8Array;
  /** Characters no bundled font has, drawn as □. Tell the user. */
  readonly missingCharacters: string[];
  readonly pageCount: number;
}

const colour = (c: RGB) => rgb(c[0], c[1], c[2]);
const PRODUCER = 'RJ Casebook';

export async function renderPdf(model: DocumentModel, options: PdfOptions): Promise<PdfResult> {
  if (options.password === '') throw new Error('A PDF password cannot be empty');
  const chain = new FontChain(await fontsFor(options.fonts, modelTexts(model)));
  const measure = new TextMeasurer(chain);
  const labels = { ...DEFAULT_LABELS, ...model.labels };

  const sizes = typeSizes(model.typeScale);
  const layout = new PageLayout(measure, labels, sizes);
  layout.addAll(model.blocks);
  const pageCount = layout.pages.length;
  layout.pages.forEach((ops, i) => ops.push(...pageFurniture(model, measure, pageLabel(labels.page, i + 1, pageCount), sizes.header)));

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  setMetadata(doc, model);

  const painter = new Painter(doc, measure);
  for (const ops of layout.pages) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    await painter.paint(page, ops);
  }

  if (options.password !== undefined) {
    doc.encrypt({
      userPassword: options.password,
      ownerPassword: options.ownerPassword ?? options.password,
      permissions: { printing: 'highResolution', copying: true, modifying: false, annotating: false, fillingForms: true, contentAccessibility: true, documentAssembly: false },
    });
  } else {
    const id = model.metadata.deterministic
      ? createHash('sha256').update(`rj-casebook:${model.metadata.title}`).digest().subarray(0, 16)
      : randomBytes(16);
    const hex = PDFHexString.of(Buffer.from(id).toString('hex'));
    doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
    (doc.context.trailerInfo.ID as PDFArray).push(hex);
    (doc.context.trailerInfo.ID as PDFArray).push(hex);
  }
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, missingCharacters: chain.missingCharacters(), pageCount };
}

function setMetadata(doc: PDFDocument, model: DocumentModel): void {
  const m = model.metadata;
  const when = m.deterministic ? DETERMINISTIC_DATE : (m.createdAt ?? new Date());
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  if (m.author) doc.setAuthor(m.author);
  if (m.subject) doc.setSubject(m.subject);
  doc.setLanguage(m.language ?? 'en-GB');
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  doc.catalog.set(PDFName.of('ViewerPreferences'), doc.context.obj({ DisplayDocTitle: true }));
}

/** Header (logo, left and right text, rule) and footer (rule, left text, page number). */
function pageFurniture(model: DocumentModel, measure: TextMeasurer, pageText: string, size: number): Op[] {
  const ops: Op[] = [];
  const fit = (text: string, width: number): string => {
    if (measure.width(text, PLAIN, size) <= width) return text;
    let t = text;
    while (t.length > 1 && measure.width(`${t}\u2026`, PLAIN, size) > width) t = t.slice(0, -1);
    return `${t.trimEnd()}\u2026`;
  };
  const h = model.header;
  if (h) {
    let x = MARGIN_X;
    if (h.logo) {
      const dims = logoSize(h.logo);
      ops.push({ op: 'image', x, y: HEADER_RULE + 6, w: dims.w, h: dims.h, image: h.logo });
      x += dims.w + 10;
    }
    const half = (MARGIN_X + TEXT_WIDTH - x) / 2;
    if (h.left) ops.push({ op: 'text', x, y: HEADER_BASELINE, text: fit(h.left, half - 8), style: BOLD, size, colour: COLOUR.accent });
    if (h.right) {
      const t = fit(h.right, half - 8);
      ops.push({ op: 'text', x: MARGIN_X + TEXT_WIDTH - measure.width(t, PLAIN, size), y: HEADER_BASELINE, text: t, style: PLAIN, size, colour: COLOUR.muted });
    }
    ops.push({ op: 'line', x1: MARGIN_X, y1: HEADER_RULE, x2: MARGIN_X + TEXT_WIDTH, y2: HEADER_RULE, width: 0.6, colour: COLOUR.rule });
  }
  const f = model.footer ?? {};
  ops.push({ op: 'line', x1: MARGIN_X, y1: FOOTER_RULE, x2: MARGIN_X + TEXT_WIDTH, y2: FOOTER_RULE, width: 0.6, colour: COLOUR.rule });
  const pw = f.pageNumbers === false ? 0 : measure.width(pageText, PLAIN, size);
  const cw = f.centre ? measure.width(f.centre, PLAIN, size) : 0;
  if (f.left) ops.push({ op: 'text', x: MARGIN_X, y: FOOTER_BASELINE, text: fit(f.left, (f.centre ? (TEXT_WIDTH - cw) / 2 : TEXT_WIDTH - pw) - 16), style: PLAIN, size, colour: COLOUR.muted });
  if (f.centre) ops.push({ op: 'text', x: MARGIN_X + (TEXT_WIDTH - cw) / 2, y: FOOTER_BASELINE, text: f.centre, style: PLAIN, size, colour: COLOUR.text });
  if (f.pageNumbers !== false) ops.push({ op: 'text', x: MARGIN_X + TEXT_WIDTH - pw, y: FOOTER_BASELINE, text: pageText, style: PLAIN, size, colour: COLOUR.muted });
  return ops;
}

function logoSize(img: ImageData): { w: number; h: number } {
  const px = imageDims(img);
  const h = LOGO_HEIGHT;
  const w = px ? Math.min((h * px.width) / px.height, 160) : h;
  return { w, h };
}

const PLAIN: Style = { bold: false, italic: false };
const BOLD: Style = { bold: true, italic: false };

class Painter {
  private readonly fonts = new Map<string, Promise<PDFFont>>();
  private readonly images = new Map<Uint8Array, Promise<PDFImage>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly measure: TextMeasurer,
  ) {}

  private font(face: number, bold: boolean): Promise<PDFFont> {
    const bytes = this.measure.faceBytes(face, bold);
    const weight = bytes === this.measure.faceBytes(face, false) ? 0 : 1;
    const key = `${face}|${weight}`;
    let f = this.fonts.get(key);
    if (!f) {
      // A subset font's name carries a six-letter tag (ISO 32000 9.6.4); a fixed one keeps output stable.
      const family = this.measure.chain.set.faces[face]!.name.replace(/[^A-Za-z0-9-]/g, '');
      const tag = `RJC${String.fromCharCode(65 + (face % 26))}${String.fromCharCode(65 + Math.floor(face / 26) % 26)}${weight ? 'B' : 'R'}`;
      f = this.doc.embedFont(bytes, { subset: true, customName: `${tag}+${family}${weight ? '-Bold' : ''}` });
      this.fonts.set(key, f);
    }
    return f;
  }

  private image(img: ImageData): Promise<PDFImage> {
    let p = this.images.get(img.data);
    if (!p) {
      p = img.format === 'png' ? this.doc.embedPng(img.data) : this.doc.embedJpg(img.data);
      this.images.set(img.data, p);
    }
    return p;
  }

  async paint(page: PDFPage, ops: readonly Op[]): Promise<void> {
    for (const o of ops) {
      switch (o.op) {
        case 'text': {
          let x = o.x;
          for (const seg of this.measure.chain.segment(o.text)) {
            const font = await this.font(seg.face, o.style.bold);
            page.drawText(seg.text, {
              x,
              y: o.y,
              size: o.size,
              font,
              color: colour(o.colour),
              ...(o.style.italic ? { ySkew: degrees(12) } : {}),
            });
            x += this.measure.width(seg.text, o.style, o.size);
          }
          break;
        }
        case 'line':
          page.drawLine({ start: { x: o.x1, y: o.y1 }, end: { x: o.x2, y: o.y2 }, thickness: o.width, color: colour(o.colour) });
          break;
        case 'rect':
          page.drawRectangle({
            x: o.x,
            y: o.y,
            width: o.w,
            height: o.h,
            ...(o.fill ? { color: colour(o.fill) } : {}),
            ...(o.stroke ? { borderColor: colour(o.stroke), borderWidth: o.lineWidth ?? 0.5 } : { borderWidth: 0 }),
          });
          break;
        case 'image':
          page.drawImage(await this.image(o.image), { x: o.x, y: o.y, width: o.w, height: o.h });
          break;
        case 'chart':
          await this.chart(page, o);
          break;
      }
    }
  }

  /** SVG drawn natively; if pdf-lib cannot draw it, the raster fallback; failing that, the alt text in a box. */
  private async chart(page: PDFPage, o: Extract<Op, { op: 'chart' }>): Promise<void> {
    try {
      const font = await this.font(0, false);
      page.drawSvg(o.chart.svg, { x: o.x, y: o.y + o.h, width: o.w, height: o.h, fonts: { [this.measure.chain.set.faces[0]!.name]: font } });
      return;
    } catch {
      // fall through to the raster or the alt text
    }
    if (o.chart.raster) {
      page.drawImage(await this.image(o.chart.raster), { x: o.x, y: o.y, width: o.w, height: o.h });
      return;
    }
    page.drawRectangle({ x: o.x, y: o.y, width: o.w, height: o.h, borderColor: colour(COLOUR.rule), borderWidth: 0.5 });
    await this.paint(page, [{ op: 'text', x: o.x + 6, y: o.y + o.h - 14, text: o.chart.alt, style: PLAIN, size: SIZE.small, colour: COLOUR.muted }]);
  }
}
