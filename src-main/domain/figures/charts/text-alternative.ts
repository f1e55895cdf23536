import { countOf, formatCount, isEmptyChart, NO_DATA, percentOf, type ChartSpec } from './spec';

/**
 * A chart in words, for whoever cannot see it: a sentence that names the chart and carries every
 * number (the alt text of the document's image), and the same numbers as a table (the Figures
 * page's "Show the numbers" and the screen reader's way in).
 */
export interface ChartText {
  readonly sentence: string;
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };
}


export function chartText(spec: ChartSpec): ChartText {
  const empty = `${spec.title}: ${(spec.empty ?? NO_DATA).replace(/\.$/, '')}.`;
  if (spec.kind === 'columns') {
    const table = { columns: [spec.what, ...spec.series.map((s) => s.name)], rows: spec.categories.map((c, i) => [c, ...spec.series.map((s) => formatCount(s.values[i] ?? 0))]) };
    if (isEmptyChart(spec)) return { sentence: empty, table };
    // The first series by its own categories; a comparison's months are other months, so its
    // numbers are given in order ("by month: 3, 0, 5") rather than under this period's names.
    const parts = spec.series.map((s, si) => {
      const total = s.values.reduce((a, v) => a + v, 0);
      const each = si === 0 ? spec.categories.map((c, i) => `${c} ${formatCount(s.values[i] ?? 0)}`).join(', ') : `by ${spec.what.toLowerCase()}: ${s.values.map(formatCount).join(', ')}`;
      return `${s.name}: ${countOf(total, spec)} (${each})`;
    });
    return { sentence: `${spec.title}. ${parts.join('. ')}.`, table };
  }
  const total = spec.rows.reduce((a, r) => a + r.value, 0);
  const whole = spec.kind === 'share' ? total : spec.kind === 'funnel' ? (spec.rows[0]?.value ?? 0) : null;
  const shareHeader = spec.kind === 'funnel' ? `Share of ${spec.rows[0]?.label ?? 'the first'}` : 'Share of the total';
  const cell = (v: number) => {
    const p = whole === null ? null : percentOf(v, whole);
    return p === null ? '' : `${p}%`;
  };
  const table = {
    columns: whole === null ? [spec.what, 'Number'] : [spec.what, 'Number', shareHeader],
    rows: spec.rows.map((r) => (whole === null ? [r.label, formatCount(r.value)] : [r.label, formatCount(r.value), cell(r.value)])),
  };
  if (isEmptyChart(spec)) return { sentence: empty, table };
  const items = spec.rows.map((r) => (whole === null ? `${r.label} ${formatCount(r.value)}` : `${r.label} ${formatCount(r.value)} (${cell(r.value)})`)).join('; ');
  const lead = spec.kind === 'share' ? `${countOf(total, spec)} in all` : spec.kind === 'funnel' ? `each stage as a share of ${spec.rows[0]?.label ?? 'the first'}` : `${spec.unit} by ${spec.what.toLowerCase()}`;
  return { sentence: `${spec.title}, ${lead}: ${items}.`, table };
}
