import { describe, expect, it } from 'vitest';
import {
  byMonthChart,
  CHART_COLOURS,
  chartGeometry,
  chartSvg,
  chartText,
  comparisonPeriods,
  countOf,
  countByMonth,
  escapeXml,
  monthLabels,
  niceScale,
  NO_DATA,
  type ChartSpec,
} from '../../src-main/domain/figures/charts';

const share = (rows: [string, number][]): ChartSpec => ({ kind: 'share', title: 'Referrals by source', what: 'Source', unit: 'referrals', rows: rows.map(([label, value]) => ({ label, value })) });
const widthOf = (spec: ChartSpec, label: string) => chartGeometry(spec, 400).bars.find((b) => b.label === label)!.w;
/** Each bar's length as a fraction of the full length, to nine places (floating point). */
const ratios = (g: { bars: readonly { w: number }[]; fullLength: number }) => g.bars.map((b) => Math.round((b.w / g.fullLength) * 1e9) / 1e9);
const texts = (spec: ChartSpec) => chartGeometry(spec, 400).shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));

describe('chart geometry', () => {
  it('scales shares to 100%: a 50% bar is exactly half the full track, and the bars of a whole add up to it', () => {
    const g = chartGeometry(share([['Police', 5], ['Victim Support', 3], ['Self', 2]]), 400);
    expect(ratios(g)).toEqual([0.5, 0.3, 0.2]);
    expect(g.bars.reduce((a, b) => a + b.w, 0)).toBeCloseTo(g.fullLength, 9);
    // Not scaled to the largest row: one source of two at 50% is half, not full, length.
    expect(widthOf(share([['A', 1], ['B', 1]]), 'A')).toBeCloseTo(chartGeometry(share([['A', 1], ['B', 1]]), 400).fullLength / 2, 9);
  });

  it('gives every share chart of one width the same track, so 50% is the same length in each', () => {
    const a = chartGeometry(share([['Police', 1], ['Other', 1]]), 400);
    const b = chartGeometry(share([['A much longer source name', 50], ['Probation', 50]]), 400);
    expect(a.fullLength).toBe(b.fullLength);
    expect(a.bars[0]!.w).toBeCloseTo(b.bars[1]!.w, 9);
  });

  it('puts labels above the bars for a narrow screen, the track then the whole width', () => {
    const g = chartGeometry(share([['Self-referral (person responsible)', 1], ['Police', 1]]), 300, { labels: 'above' });
    expect(g.fullLength).toBe(300);
    expect(ratios(g)).toEqual([0.5, 0.5]);
    expect(g.shapes.flatMap((x) => (x.kind === 'text' ? [x.text] : []))).toContain('Self-referral (person responsible)');
  });

  it('draws a 100% bar exactly twice as long as a 50% bar', () => {
    const spec: ChartSpec = { kind: 'funnel', title: 'Stages', what: 'Stage', unit: 'people', rows: [{ label: 'All', value: 4 }, { label: 'Half', value: 2 }] };
    expect(widthOf(spec, 'All')).toBe(2 * widthOf(spec, 'Half'));
    expect(widthOf(share([['Police', 4]]), 'Police')).toBe(chartGeometry(share([['Police', 4]]), 400).fullLength);
  });

  it('says each share in words beside its bar, to one decimal place', () => {
    expect(texts(share([['Police', 2], ['Other', 1]]))).toEqual(expect.arrayContaining(['Police', '2 (66.7%)', 'Other', '1 (33.3%)']));
  });

  it('scales counts to a round axis at or above the largest, each bar labelled with its number', () => {
    const spec: ChartSpec = { kind: 'counts', title: 'Sessions', what: 'Facilitator', unit: 'sessions', rows: [{ label: 'F1', value: 17 }, { label: 'F2', value: 9 }] };
    const g = chartGeometry(spec, 400);
    expect(niceScale(17)).toEqual({ max: 20, step: 5 });
    expect(ratios(g)).toEqual([0.85, 0.45]);
    expect(texts(spec)).toEqual(expect.arrayContaining(['17', '9']));
  });

  it('scales a funnel to its first stage (250 informed, 86 referred, 55 took part, 30 conferences)', () => {
    const spec: ChartSpec = { kind: 'funnel', title: 'Offer to conference', what: 'Stage', unit: 'people', rows: [['Informed', 250], ['Referred', 86], ['Took part', 55], ['Conference', 30]].map(([label, value]) => ({ label: label as string, value: value as number })) };
    const g = chartGeometry(spec, 400);
    expect(ratios(g)).toEqual([1, 0.344, 0.22, 0.12]);
    expect(texts(spec)).toEqual(expect.arrayContaining(['250 (100%)', '86 (34.4%)', '55 (22%)', '30 (12%)']));
  });

  it('draws columns to the axis: a month with half the axis maximum is half the plot high, series side by side', () => {
    const spec: ChartSpec = { kind: 'columns', title: 'Referrals by month', what: 'Month', unit: 'referrals', categories: ['Apr 2026', 'May 2026'], series: [{ name: 'This period', values: [10, 20] }, { name: 'Last year', values: [5, 0] }] };
    const g = chartGeometry(spec, 400);
    const bar = (series: number, label: string) => g.bars.find((b) => b.series === series && b.label === label)!;
    expect(bar(0, 'May 2026').h).toBeCloseTo(g.fullLength, 9);
    expect(bar(0, 'Apr 2026').h).toBeCloseTo(g.fullLength / 2, 9);
    expect(bar(1, 'Apr 2026').h).toBeCloseTo(g.fullLength / 4, 9);
    expect(bar(1, 'May 2026').h).toBe(0);
    expect(bar(1, 'Apr 2026').x).toBeGreaterThan(bar(0, 'Apr 2026').x);
    // Every column stands on the same baseline.
    expect(new Set(g.bars.map((b) => Math.round((b.y + b.h) * 1000)))).toHaveProperty('size', 1);
    // The legend names each series; the comparison is told apart by its outline, not colour alone.
    expect(texts(spec)).toEqual(expect.arrayContaining(['This period', 'Last year']));
    expect(g.shapes.some((s) => s.kind === 'rect' && s.fill === '#ffffff' && s.stroke)).toBe(true);
  });

  it('keeps every shape inside the chart', () => {
    for (const spec of [share([['A very long source name that goes on and on and on', 3], ['B', 1]]), byMonthChart(['2026-04-03', '2025-05-01'], { from: '2026-04-01', to: '2027-03-31' }, { title: 'Referrals by month', unit: 'referrals' })]) {
      const g = chartGeometry(spec, 300);
      for (const s of g.shapes) {
        if (s.kind === 'rect') expect(s.x >= 0 && s.y >= 0 && s.x + s.w <= g.width + 0.01 && s.y + s.h <= g.height + 0.01).toBe(true);
        if (s.kind === 'text') expect(s.x >= 0 && s.x <= g.width && s.y <= g.height).toBe(true);
      }
    }
  });
});

describe('empty charts', () => {
  it('say "No data in this period" instead of drawing bars of nothing', () => {
    for (const spec of [share([]), share([['Police', 0]]), { kind: 'columns', title: 'By month', what: 'Month', unit: 'referrals', categories: ['Apr 2026'], series: [{ name: 'This period', values: [0] }] } as ChartSpec]) {
      const g = chartGeometry(spec, 400);
      expect(g.bars).toEqual([]);
      expect(texts(spec)).toEqual([NO_DATA]);
      expect(chartText(spec).sentence).toBe(`${spec.title}: No data in this period.`);
    }
  });

  it('can say it in the chart’s own words', () => {
    expect(texts({ ...share([]), empty: 'No referrals were received in this period.' } as ChartSpec)).toEqual(['No referrals were received in this period.']);
  });
});

describe('chart SVG', () => {
  it('escapes labels, so "<script>" and "&" stay words', () => {
    const svg = chartSvg(chartGeometry(share([['<script>alert("x")</script>', 1], ['Tom & Jerry’s', 1]]), 400), { title: 'A <b> & c', description: '"quoted"' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('Tom &amp; Jerry’s');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="400" height="[\d.]+" viewBox="0 0 400 [\d.]+" font-family="&apos;DejaVu Sans&apos;/);
    expect(svg).toContain('<title>A &lt;b&gt; &amp; c</title><desc>&quot;quoted&quot;</desc>');
  });

  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0000b\u001fc')).toBe('abc');
  });
});

describe('text alternative', () => {
  it('carries every number in a sentence and a table', () => {
    const t = chartText(share([['Police', 3], ['Self', 1]]));
    expect(t.sentence).toBe('Referrals by source, 4 referrals in all: Police 3 (75%); Self 1 (25%).');
    expect(t.table).toEqual({ columns: ['Source', 'Number', 'Share of the total'], rows: [['Police', '3', '75%'], ['Self', '1', '25%']] });
  });

  it('names each comparison series with its own months in order', () => {
    const t = chartText({ kind: 'columns', title: 'Referrals by month', what: 'Month', unit: 'referrals', categories: ['Apr 2026', 'May 2026'], series: [{ name: 'This period', values: [2, 1] }, { name: 'Last year', values: [0, 4] }] });
    expect(t.sentence).toBe('Referrals by month. This period: 3 referrals (Apr 2026 2, May 2026 1). Last year: 4 referrals (by month: 0, 4).');
    expect(t.table.rows).toEqual([['Apr 2026', '2', '0'], ['May 2026', '1', '4']]);
  });
});

describe('by month', () => {
  it('counts the dates of the period by calendar month, a part month first when it starts mid-month', () => {
    const period = { from: '2026-04-15', to: '2026-06-30' };
    expect(monthLabels(period)).toEqual(['Apr 2026', 'May 2026', 'Jun 2026']);
    expect(countByMonth(['2026-04-14', '2026-04-15', '2026-05-31', '2026-06-30', '2026-07-01'], period)).toEqual([1, 1, 1]);
  });

  it('compares with the months just before and the same months a year before, month ends kept', () => {
    expect(comparisonPeriods({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ previous: { from: '2026-01-01', to: '2026-03-31' }, lastYear: { from: '2025-04-01', to: '2025-06-30' } });
    expect(comparisonPeriods({ from: '2024-01-01', to: '2024-02-29' }).lastYear).toEqual({ from: '2023-01-01', to: '2023-02-28' });
    // Not whole months: the same number of days just before.
    expect(comparisonPeriods({ from: '2026-04-15', to: '2026-05-20' }).previous).toEqual({ from: '2026-03-10', to: '2026-04-14' });
    // A year not starting on the 1st is still a year: its previous period is last year's.
    expect(comparisonPeriods({ from: '2025-03-17', to: '2026-03-16' }).previous).toEqual({ from: '2024-03-17', to: '2025-03-16' });
  });

  it('gives a year one comparison, as the previous year is the same period last year', () => {
    const spec = byMonthChart(['2026-04-02', '2025-04-09', '2025-04-10'], { from: '2026-04-01', to: '2027-03-31' }, { title: 'Referrals by month', unit: 'referrals' });
    expect(spec.series.map((s) => s.name)).toEqual(['This period (1 April 2026 to 31 March 2027)', 'Same period last year (1 April 2025 to 31 March 2026)']);
    expect(spec.series.map((s) => s.values[0])).toEqual([1, 2]);
  });
});

describe('counts in words', () => {
  it('says one in the singular', () => {
    expect(countOf(1, { unit: 'referrals' })).toBe('1 referral');
    expect(countOf(1, { unit: 'cases closed' })).toBe('1 case closed');
    expect(countOf(1, { unit: 'feedback responses' })).toBe('1 feedback response');
    expect(countOf(1, { unit: 'people', unitOne: 'person' })).toBe('1 person');
    expect(countOf(1200, { unit: 'referrals' })).toBe('1,200 referrals');
  });
});

describe('chart colours', () => {
  /** WCAG 2 contrast ratio of two #rrggbb colours. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it('pass contrast on white: text 4.5:1 (WCAG 1.4.3), bars, outlines and hatching 3:1 (1.4.11)', () => {
    for (const c of [CHART_COLOURS.text, CHART_COLOURS.muted]) expect(contrast(c, CHART_COLOURS.background)).toBeGreaterThanOrEqual(4.5);
    for (const c of [CHART_COLOURS.bar, CHART_COLOURS.secondary, CHART_COLOURS.axis]) expect(contrast(c, CHART_COLOURS.background)).toBeGreaterThanOrEqual(3);
    // A bar on its track is still told from the track.
    expect(contrast(CHART_COLOURS.bar, CHART_COLOURS.track)).toBeGreaterThanOrEqual(3);
  });
});
