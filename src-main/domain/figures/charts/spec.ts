/**
 * What a chart shows, before any drawing: the numbers and their words. The same spec gives the
 * Figures page's SVG, the PDF's vector drawing, the DOCX's picture and the text alternative, so
 * they cannot disagree. Four kinds, each for one kind of question:
 *
 * - `share`: parts of a whole (referrals by source). Every bar is drawn against the same 100%
 *   track, so a bar half as long is half the share; the words say "12 (40%)".
 * - `counts`: numbers that are not parts of one whole (activity per facilitator). Bars are
 *   scaled to a round axis maximum at or above the largest, and each is labelled with its number.
 * - `columns`: a series over time (referrals by month), optionally beside comparison series
 *   (the previous period, the same period last year), told apart by fill pattern as well as colour.
 * - `funnel`: stages in order where each is a subset of the one before (offered → took part →
 *   agreement); each bar is scaled to the first stage and says its share of it.
 */
export interface ChartRow {
  readonly label: string;
  readonly value: number;
}

interface ChartCommon {
  /** The chart's heading, also the first words of its text alternative. */
  readonly title: string;
  /** What each bar is, for the table header and the sentence: "Source", "Month". */
  readonly what: string;
  /** What is counted, plural: "referrals", "cases closed". */
  readonly unit: string;
  /** The same for one, when it is not the plural without its "s": "person" for "people". */
  readonly unitOne?: string;
  /** Said instead of a chart when there is nothing to draw. Default: "No data in this period". */
  readonly empty?: string;
}

export interface ShareChartSpec extends ChartCommon {
  readonly kind: 'share';
  readonly rows: readonly ChartRow[];
}

export interface CountsChartSpec extends ChartCommon {
  readonly kind: 'counts';
  readonly rows: readonly ChartRow[];
}

export interface FunnelChartSpec extends ChartCommon {
  readonly kind: 'funnel';
  /** In order: the first is the 100% every later stage is a share of. */
  readonly rows: readonly ChartRow[];
}

export interface ColumnSeries {
  /** "1 April 2026 to 31 March 2027", "Previous period". */
  readonly name: string;
  /** One value per category, in the categories' order. */
  readonly values: readonly number[];
}

export interface ColumnsChartSpec extends ChartCommon {
  readonly kind: 'columns';
  /** The x-axis labels, e.g. months: "Apr 2026". */
  readonly categories: readonly string[];
  /** The first is the period itself, drawn solid; up to two more beside it for comparison. */
  readonly series: readonly ColumnSeries[];
}

export type ChartSpec = ShareChartSpec | CountsChartSpec | FunnelChartSpec | ColumnsChartSpec;

export const NO_DATA = 'No data in this period';

/** Nothing to draw: no rows, or every number is zero (a chart of zeros says nothing a sentence does not). */
export function isEmptyChart(spec: ChartSpec): boolean {
  if (spec.kind === 'columns') return spec.categories.length === 0 || spec.series.every((s) => s.values.every((v) => v === 0));
  return spec.rows.length === 0 || spec.rows.every((r) => r.value === 0);
}

/** A share to one decimal place, as the figures are ("66.7%", "100%"); null when there is no whole. */
export function percentOf(value: number, whole: number): number | null {
  return whole > 0 ? Math.round((value * 1000) / whole) / 10 : null;
}

export const formatCount = (n: number) => n.toLocaleString('en-GB');

/** "3 referrals", "1 referral", "1 case closed": the unit's first plural word loses its "s" for one. */
export function countOf(n: number, spec: Pick<ChartCommon, 'unit' | 'unitOne'>): string {
  if (n !== 1) return `${formatCount(n)} ${spec.unit}`;
  return `1 ${spec.unitOne ?? spec.unit.replace(/^(.*?\S)s\b/, '$1')}`;
}
