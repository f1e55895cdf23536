import { formatCount, isEmptyChart, NO_DATA, percentOf, type ChartSpec, type ColumnsChartSpec, type ChartRow } from './spec';
import { CHART_COLOURS as C, CHART_TEXT as T, estimateTextWidth, fitText } from './style';

/**
 * A chart as positioned shapes in points, y downwards (SVG's way): the numbers turned into
 * rectangles, lines and text once, so the SVG for documents and the React drawing on the
 * Figures page are the same picture. Pure arithmetic, tested against the numbers.
 */
export type ChartShape =
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill: string; readonly stroke?: string; readonly strokeWidth?: number }
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly stroke: string; readonly strokeWidth: number }
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly size: number; readonly anchor: 'start' | 'middle' | 'end'; readonly bold?: boolean; readonly fill: string };

/** A drawn bar with the number it stands for, so tests (and readers of the code) can check one against the other. */
export interface PlacedBar {
  readonly label: string;
  readonly value: number;
  /** Which series, for column charts; 0 otherwise. */
  readonly series: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly ChartShape[];
  readonly bars: readonly PlacedBar[];
  /** The length of a bar standing for the whole (100%, the axis maximum or the funnel's first stage). */
  readonly fullLength: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The fills that tell series apart without colour: solid, outlined, and outlined with diagonal
 * hatching. Hatching is drawn as lines (not an SVG pattern), which every renderer draws alike.
 */
export function seriesShapes(series: number, x: number, y: number, w: number, h: number): ChartShape[] {
  if (w <= 0 || h <= 0) return [];
  if (series === 0) return [{ kind: 'rect', x, y, w, h, fill: C.bar }];
  if (series === 1) return [{ kind: 'rect', x, y, w, h, fill: C.background, stroke: C.bar, strokeWidth: 1.5 }];
  const out: ChartShape[] = [{ kind: 'rect', x, y, w, h, fill: C.background, stroke: C.secondary, strokeWidth: 1 }];
  // Lines at 45°, 4 pt apart, clipped to the rectangle by hand: in the rectangle's own
  // coordinates each is v = u + h - k, entering at the left or top edge, leaving at the bottom or right.
  const step = 4;
  for (let k = step; k < w + h; k += step) {
    const start = { u: Math.max(0, k - h), v: Math.max(0, h - k) };
    const end = { u: Math.min(k, w), v: Math.min(h, h - k + w) };
    out.push({ kind: 'line', x1: r2(x + start.u), y1: r2(y + start.v), x2: r2(x + end.u), y2: r2(y + end.v), stroke: C.secondary, strokeWidth: 0.6 });
  }
  return out;
}

/** A round number at or above `max` for an axis, and its tick step (whole numbers: these are counts). */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power));
  const whole = Number.isInteger(step) ? step : Math.ceil(step);
  return { max: Math.ceil(max / whole) * whole, step: whole };
}

function emptyGeometry(width: number, sentence: string): ChartGeometry {
  return { width, height: 24, shapes: [{ kind: 'text', x: 0, y: 15, text: sentence, size: T.empty, anchor: 'start', fill: C.muted }], bars: [], fullLength: 0 };
}

const ROW = 22;
const BAR = 14;

export interface GeometryOptions {
  /**
   * Where a bar's label goes: `beside` it (documents: compact rows, labels in the left 40%) or
   * `above` it (a narrow screen column: the label has the whole width and the track too).
   */
  readonly labels?: 'beside' | 'above';
  /** A column chart's plot height (default 140): lower where a page has less room, as the figures report's first page. */
  readonly plotHeight?: number;
}

/** Horizontal bars, one a row: the label, the bar, and its words at the right. */
function horizontal(rows: readonly ChartRow[], width: number, mode: 'share' | 'counts' | 'funnel', options: GeometryOptions): ChartGeometry {
  const total = rows.reduce((a, r) => a + r.value, 0);
  const largest = rows.reduce((a, r) => Math.max(a, r.value), 0);
  const whole = mode === 'share' ? total : mode === 'funnel' ? (rows[0]?.value ?? 0) : niceScale(largest).max;
  const words = (r: ChartRow) => {
    if (mode === 'counts') return formatCount(r.value);
    const p = percentOf(r.value, whole);
    return p === null ? formatCount(r.value) : `${formatCount(r.value)} (${p}%)`;
  };
  // Fixed columns for the labels and the words, so every chart of one width has the same track:
  // a 50% bar is the same length in each chart of a document, not only within one.
  const valueW = Math.max(estimateTextWidth('9,999 (100%)', T.value), ...rows.map((r) => estimateTextWidth(words(r), T.value))) + 8;
  const above = options.labels === 'above';
  const labelW = above ? width - valueW : width * 0.4;
  const trackX = above ? 0 : labelW;
  const full = Math.max(10, above ? width : width - labelW - valueW);
  const row = above ? T.label + 6 + BAR + 10 : ROW;
  const shapes: ChartShape[] = [];
  const bars: PlacedBar[] = [];
  rows.forEach((r, i) => {
    const top = 4 + i * row;
    const barY = above ? top + T.label + 5 : top + (ROW - BAR) / 2;
    const textY = above ? top + T.label : barY + BAR / 2 + T.label * 0.35;
    const w = whole > 0 ? (full * Math.min(r.value, whole)) / whole : 0;
    shapes.push({ kind: 'text', x: 0, y: r2(textY), text: fitText(r.label, T.label, labelW - 8), size: T.label, anchor: 'start', fill: C.text });
    // Share and funnel bars sit on a track standing for the whole, so a short bar reads as a small share.
    if (mode !== 'counts') shapes.push({ kind: 'rect', x: r2(trackX), y: r2(barY), w: r2(full), h: BAR, fill: C.track });
    if (w > 0) shapes.push({ kind: 'rect', x: r2(trackX), y: r2(barY), w: r2(w), h: BAR, fill: C.bar });
    bars.push({ label: r.label, value: r.value, series: 0, x: trackX, y: barY, w, h: BAR });
    shapes.push({ kind: 'text', x: r2(width - 1), y: r2(textY), text: words(r), size: T.value, anchor: 'end', fill: C.text });
  });
  const bottom = 4 + rows.length * row;
  if (mode === 'counts' && !above) shapes.push({ kind: 'line', x1: r2(trackX), y1: 2, x2: r2(trackX), y2: r2(bottom + 2), stroke: C.axis, strokeWidth: 0.75 });
  return { width, height: r2(bottom + 4), shapes, bars, fullLength: full };
}

/** Split a category label over two lines at its last space when it is wider than its column. */
function categoryLines(label: string, room: number): string[] {
  if (estimateTextWidth(label, T.axis) <= room) return [label];
  const at = label.lastIndexOf(' ');
  return at > 0 ? [label.slice(0, at), label.slice(at + 1)] : [label];
}

/** Columns by category (month), one per series side by side, on a counted axis with a legend for comparisons. */
function columns(spec: ColumnsChartSpec, width: number, plotH = 140): ChartGeometry {
  const shapes: ChartShape[] = [];
  const bars: PlacedBar[] = [];
  const series = spec.series.slice(0, 3);
  // Legend first, wrapping: a swatch drawn as its series is, then the name.
  let legendY = 0;
  if (series.length > 1) {
    let x = 0;
    legendY = 4;
    series.forEach((s, i) => {
      const w = 14 + estimateTextWidth(s.name, T.legend) + 14;
      if (x > 0 && x + w > width) {
        x = 0;
        legendY += 14;
      }
      shapes.push(...seriesShapes(i, x + 1, legendY + 1, 10, 10));
      shapes.push({ kind: 'text', x: r2(x + 15), y: r2(legendY + 9.5), text: s.name, size: T.legend, anchor: 'start', fill: C.text });
      x += w;
    });
    legendY += 18;
  }
  const largest = Math.max(0, ...series.flatMap((s) => s.values));
  const scale = niceScale(largest);
  const axisW = estimateTextWidth(formatCount(scale.max), T.axis) + 6;
  const plotX = axisW + 2;
  const plotW = width - plotX;
  const plotTop = legendY + 6;
  const base = plotTop + plotH;
  for (let v = 0; v <= scale.max; v += scale.step) {
    const y = r2(base - (plotH * v) / scale.max);
    shapes.push({ kind: 'line', x1: r2(plotX), y1: y, x2: r2(width), y2: y, stroke: v === 0 ? C.axis : C.grid, strokeWidth: v === 0 ? 0.75 : 0.4 });
    shapes.push({ kind: 'text', x: r2(axisW), y: r2(y + T.axis * 0.35), text: formatCount(v), size: T.axis, anchor: 'end', fill: C.muted });
  }
  const n = Math.max(1, spec.categories.length);
  const band = plotW / n;
  const group = band * 0.78;
  const colW = group / series.length;
  const lines = spec.categories.map((c) => categoryLines(c, band - 2));
  const widest = Math.max(...lines.map((ls) => Math.max(...ls.map((l) => estimateTextWidth(l, T.axis)))));
  // When even two lines do not fit, label every k-th column (the table beside has them all).
  const every = Math.max(1, Math.ceil((widest + 4) / band));
  const single = series.length === 1;
  spec.categories.forEach((category, ci) => {
    const gx = plotX + ci * band + (band - group) / 2;
    series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const h = (plotH * v) / scale.max;
      const x = gx + si * colW;
      shapes.push(...seriesShapes(si, r2(x + 0.5), r2(base - h), r2(colW - 1), r2(h)));
      bars.push({ label: category, value: v, series: si, x: x + 0.5, y: base - h, w: colW - 1, h });
      if (single && v > 0 && estimateTextWidth(formatCount(v), T.axis) <= band) shapes.push({ kind: 'text', x: r2(x + colW / 2), y: r2(base - h - 3), text: formatCount(v), size: T.axis, anchor: 'middle', fill: C.text });
    });
    if (ci % every === 0) {
      (lines[ci] ?? []).forEach((l, li) => shapes.push({ kind: 'text', x: r2(plotX + ci * band + band / 2), y: r2(base + 11 + li * 10), text: l, size: T.axis, anchor: 'middle', fill: C.muted }));
    }
  });
  const labelLines = Math.max(1, ...lines.map((l) => l.length));
  return { width, height: r2(base + 6 + labelLines * 10), shapes, bars, fullLength: plotH };
}

/** The shapes for a chart `width` points wide; the height follows from the data. */
export function chartGeometry(spec: ChartSpec, width: number, options: GeometryOptions = {}): ChartGeometry {
  if (isEmptyChart(spec)) return emptyGeometry(width, spec.empty ?? NO_DATA);
  switch (spec.kind) {
    case 'share':
    case 'counts':
    case 'funnel':
      return horizontal(spec.rows, width, spec.kind, options);
    case 'columns':
      return columns(spec, width, options.plotHeight);
  }
}
