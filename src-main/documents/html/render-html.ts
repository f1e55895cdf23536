/**
 * Renders the document model to HTML for the in-app preview and for printing. The output is
 * a string of plain, semantic HTML with classes only: no inline styles, no scripts, no event
 * attributes, so it passes a strict Content-Security-Policy (style-src 'self'). Every piece of
 * text is escaped; images are data: URLs (the preview's img-src allows data:), and a chart's
 * SVG is shown through <img>, where it cannot run script. The look comes from document.css
 * beside this file, which the renderer bundles.
 */
import { DEFAULT_LABELS, type Block, type DocumentModel, type ImageData, type TableBlock, type TextRun } from '../model';
import { imageSize } from '../image-size';
import { withBidiClosed } from '../bidi';
import { C0_CONTROL, C1_CONTROL, LINE_SEPARATOR, LONE_SURROGATE } from '../../domain/shared/text';

export interface HtmlOptions {
  /**
   * Shift heading levels so the document sits under the page's own headings: with 1, the
   * document's title is an <h2>. Default 0.
   */
  readonly headingOffset?: 0 | 1 | 2;
  /** A whole HTML page (doctype, head, title) instead of a fragment; for printing from a window of its own. */
  readonly page?: { readonly stylesheetHref?: string };
  /** Words for screen readers beside checkboxes and empty lines; English by default. */
  readonly words?: Partial<HtmlWords>;
}

export interface HtmlWords {
  readonly ticked: string;
  readonly notTicked: string;
  readonly blank: string;
}

const DEFAULT_WORDS: HtmlWords = { ticked: 'Ticked:', notTicked: 'Not ticked:', blank: 'left blank to fill in by hand' };

export interface HtmlResult {
  readonly html: string;
}

/** The class names the renderer uses, for the stylesheet and tests. */
export const DOCUMENT_HTML_CLASSES = { root: 'rjdoc', visuallyHidden: 'rjdoc-visually-hidden' } as const;

// Control characters other than tab and newline never belong in text (and some are invalid in
// HTML), nor do line separators and broken characters (domain/shared/text.ts).
const CONTROL = new RegExp(`${C0_CONTROL.source}|${C1_CONTROL.source}|${LINE_SEPARATOR.source}|${LONE_SURROGATE.source}`, 'gu');
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped text with line breaks kept. */
function textHtml(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>');
}

function runsHtml(runs: readonly TextRun[]): string {
  return runs
    .map((r) => {
      let h = textHtml(r.text);
      if (r.italic) h = `<em>${h}</em>`;
      if (r.bold) h = `<strong>${h}</strong>`;
      return h;
    })
    .join('');
}

const hidden = (text: string) => `<span class="rjdoc-visually-hidden">${escapeHtml(text)}</span>`;
const align = (a: 'left' | 'center' | 'right' | undefined) => (a && a !== 'left' ? ` rjdoc-align-${a}` : '');
const px = (pt: number) => Math.max(1, Math.round((pt * 4) / 3));

function dataUrl(img: ImageData): string {
  return `data:image/${img.format};base64,${Buffer.from(img.data).toString('base64')}`;
}

/** Column widths as classes in steps of 5 % (rjdoc-w-5 … rjdoc-w-100), since inline styles are not allowed. */
function widthClasses(b: TableBlock): string[] {
  const total = b.columns.reduce((s, c) => s + Math.max(c.width, 0.0001), 0);
  const steps = b.columns.map((c) => Math.max(1, Math.round((Math.max(c.width, 0.0001) / total) * 20)));
  // Rounding can overshoot or fall short of 100 %: take the difference from the widest column.
  const widest = steps.indexOf(Math.max(...steps));
  if (widest >= 0) steps[widest] = Math.max(1, steps[widest]! + 20 - steps.reduce((s, n) => s + n, 0));
  return steps.map((n) => `rjdoc-w-${Math.min(20, n) * 5}`);
}

class HtmlBuilder {
  constructor(
    private readonly words: HtmlWords,
    private readonly labels: typeof DEFAULT_LABELS,
    private readonly offset: number,
  ) {}

  block(b: Block): string {
    switch (b.kind) {
      case 'heading': {
        const n = Math.min(6, b.level + this.offset);
        return `<h${n} class="rjdoc-h rjdoc-h--${b.level}">${textHtml(b.text)}</h${n}>`;
      }
      case 'paragraph':
        return `<p class="rjdoc-p${b.size === 'small' ? ' rjdoc-p--small' : ''}${b.keepWithNext ? ' rjdoc-keep' : ''}${align(b.align)}">${runsHtml(b.runs)}</p>`;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        return `<${tag} class="rjdoc-list">${b.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</${tag}>`;
      }
      case 'table': {
        const widths = widthClasses(b);
        const cols = widths.map((w) => `<col class="${w}">`).join('');
        const head = b.columns.map((c) => `<th scope="col">${textHtml(c.header)}</th>`).join('');
        const body = b.rows.map((r) => `<tr>${b.columns.map((_, i) => `<td>${textHtml(r[i] ?? '')}</td>`).join('')}</tr>`).join('');
        return `<div class="rjdoc-table-wrap"><table class="rjdoc-table"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
      }
      case 'checkbox': {
        const mark = b.checked ? '\u2611' : '\u2610';
        const title = b.title ? `<strong class="rjdoc-checkbox__title">${textHtml(b.title)}</strong> ` : '';
        return (
          `<div class="rjdoc-checkbox${b.checked ? ' rjdoc-checkbox--checked' : ''}">` +
          `<span class="rjdoc-checkbox__box" aria-hidden="true">${mark}</span>` +
          `<p class="rjdoc-checkbox__text">${hidden(`${b.checked ? this.words.ticked : this.words.notTicked} `)}${title}${runsHtml(b.label)}</p></div>`
        );
      }
      case 'keyValue':
        return `<dl class="rjdoc-kv">${b.items
          .map((kv) => {
            const blank = kv.value.trim() === '';
            return `<div class="rjdoc-kv__row"><dt>${textHtml(kv.key)}</dt>${blank ? `<dd class="rjdoc-kv__blank">${hidden(this.words.blank)}</dd>` : `<dd>${textHtml(kv.value)}</dd>`}</div>`;
          })
          .join('')}</dl>`;
      case 'signature': {
        const field = (kind: string, caption: string, value: string | undefined) =>
          `<span class="rjdoc-signature__field rjdoc-signature__field--${kind}"><span class="rjdoc-signature__caption">${textHtml(caption)}</span>` +
          `<span class="rjdoc-signature__line">${value ? textHtml(value) : hidden(this.words.blank)}</span></span>`;
        return (
          `<div class="rjdoc-signature"><p class="rjdoc-signature__label">${textHtml(b.label)}</p>` +
          `<div class="rjdoc-signature__row">${field('sign', this.labels.signature, undefined)}${field('date', b.dateLabel ?? this.labels.date, b.date || undefined)}</div>` +
          `<div class="rjdoc-signature__row">${field('name', this.labels.name, b.name || undefined)}</div></div>`
        );
      }
      case 'image': {
        const size = imageSize(b);
        const h = b.height ?? (size ? (b.width * size.height) / size.width : b.width);
        return `<figure class="rjdoc-image${align(b.align)}"><img src="${escapeHtml(dataUrl(b))}" alt="${escapeHtml(b.alt)}" width="${px(b.width)}" height="${px(h)}"></figure>`;
      }
      case 'chart': {
        const src = b.raster ? dataUrl(b.raster) : `data:image/svg+xml;base64,${Buffer.from(b.svg, 'utf8').toString('base64')}`;
        return `<figure class="rjdoc-chart"><img src="${escapeHtml(src)}" alt="${escapeHtml(b.alt)}" width="${px(b.width)}" height="${px(b.height)}"></figure>`;
      }
      case 'letterhead':
        return (
          `<div class="rjdoc-letterhead">${b.logo ? `<img class="rjdoc-letterhead__logo" src="${escapeHtml(dataUrl(b.logo))}" alt="${escapeHtml(`${b.name} logo`)}">` : ''}` +
          `<p class="rjdoc-letterhead__from"><strong>${textHtml(b.name)}</strong>${b.lines.map((l) => `<br>${textHtml(l)}`).join('')}</p></div>`
        );
      case 'pageBreak':
        return '<div class="rjdoc-page-break" aria-hidden="true"></div>';
      case 'spacer':
        return `<div class="rjdoc-spacer rjdoc-spacer--${b.height < 10 ? 's' : b.height < 24 ? 'm' : 'l'}" aria-hidden="true"></div>`;
    }
  }
}

export function renderHtml(given: DocumentModel, options: HtmlOptions = {}): HtmlResult {
  // Browsers apply direction controls: each piece of text closes those it opens (bidi.ts).
  const model = withBidiClosed(given);
  const words = { ...DEFAULT_WORDS, ...options.words };
  const labels = { ...DEFAULT_LABELS, ...model.labels };
  const builder = new HtmlBuilder(words, labels, options.headingOffset ?? 0);
  const lang = escapeHtml(model.metadata.language ?? 'en-GB');
  const scale = model.typeScale && model.typeScale !== 'standard' ? ` rjdoc--${model.typeScale}` : '';
  const parts: string[] = [`<article class="rjdoc${scale}" lang="${lang}">`];
  const h = model.header;
  if (h && (h.left || h.right || h.logo)) {
    parts.push('<header class="rjdoc-header">');
    if (h.logo) parts.push(`<img class="rjdoc-header__logo" src="${escapeHtml(dataUrl(h.logo))}" alt="${escapeHtml(h.left ? `${h.left} logo` : 'Logo')}">`);
    if (h.left) parts.push(`<span class="rjdoc-header__left">${textHtml(h.left)}</span>`);
    if (h.right) parts.push(`<span class="rjdoc-header__right">${textHtml(h.right)}</span>`);
    parts.push('</header>');
  }
  parts.push('<div class="rjdoc-body">');
  for (const b of model.blocks) parts.push(builder.block(b));
  parts.push('</div>');
  const f = model.footer;
  if (f?.left || f?.centre) {
    const left = f.left ? `<span class="rjdoc-footer__left">${textHtml(f.left)}</span>` : '';
    const centre = f.centre ? `<span class="rjdoc-footer__centre">${textHtml(f.centre)}</span>` : '';
    parts.push(`<footer class="rjdoc-footer">${left}${centre}</footer>`);
  }
  parts.push('</article>');
  const fragment = parts.join('\n');
  if (!options.page) return { html: fragment };
  const css = options.page.stylesheetHref ? `<link rel="stylesheet" href="${escapeHtml(options.page.stylesheetHref)}">` : '';
  return {
    html: `<!DOCTYPE html>\n<html lang="${lang}">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(model.metadata.title)}</title>${css}</head>\n<body>\n${fragment}\n</body>\n</html>\n`,
  };
}
