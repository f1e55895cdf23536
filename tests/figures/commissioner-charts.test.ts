/**
 * The commissioner's charts (issue 15) against the hand-counted casebook: each chart carries
 * the numbers its table shows, so the report's drawing and the Figures page cannot disagree.
 */
import { describe, expect, it } from 'vitest';
import { computeCommissionerFigures } from '../../src-main/domain/figures/commissioner';
import { chartText, funnelChart, monthByMonthChart, outcomesByProcessChart, percentOf, satisfactionByRoleChart, timelinessCharts } from '../../src-main/domain/figures/charts';
import { base, HAND_CASES, Q1 } from './hand-casebook';

const f = computeCommissionerFigures(HAND_CASES, Q1, () => 1).commissioner;

describe('the commissioner charts', () => {
  it('month by month: this period, the previous period and last year, matched month for month', () => {
    const spec = monthByMonthChart(f, 'referrals').spec;
    if (spec.kind !== 'columns') throw new Error('columns expected');
    expect(spec.categories).toEqual(['Apr 2026', 'May 2026', 'Jun 2026']);
    expect(spec.series.map((s) => s.name)).toEqual(['This period', 'Previous period', 'Same period last year']);
    expect(spec.series[0]!.values).toEqual(f.trend.map((m) => m.referrals));
    expect(spec.series[1]!.values.reduce((a, v) => a + v, 0)).toBe(f.comparison.rows.find((r) => r.figure === 'referrals')!.previous);
    expect(spec.series[2]!.values.reduce((a, v) => a + v, 0)).toBe(f.comparison.rows.find((r) => r.figure === 'referrals')!.lastYear);
  });

  it('a twelve-month period is compared with last year once, not twice', () => {
    const year = { from: '2026-04-01', to: '2027-03-31' };
    const c = computeCommissionerFigures([base({ referral: { receivedOn: '2026-05-02', source: 'Police' } })], year, () => 1).commissioner;
    const spec = monthByMonthChart(c, 'referrals').spec;
    expect(spec.kind === 'columns' && spec.series.map((s) => s.name)).toEqual(['This period', 'Same period last year']);
  });

  it('the funnel: every step with its unit and its count', () => {
    const spec = funnelChart(f).spec;
    expect(spec.kind === 'funnel' && spec.rows.map((r) => r.value)).toEqual(f.funnel.map((s) => s.count));
    expect(chartText(spec).sentence).toContain('Offered RJ (people)');
  });

  it('timeliness: the share on time is the table’s on-time percentage', () => {
    for (const [i, c] of timelinessCharts(f).entries()) {
      const spec = c.spec;
      if (spec.kind !== 'share') throw new Error('share expected');
      const whole = spec.rows.reduce((a, r) => a + r.value, 0);
      expect(percentOf(spec.rows[0]!.value, whole)).toBe(f.timeliness[i]!.onTimePercent);
    }
  });

  it('outcomes by process type and satisfaction by role add up to their tables', () => {
    const outcomes = outcomesByProcessChart(f).spec;
    if (outcomes.kind !== 'columns') throw new Error('columns expected');
    const types = f.breakdowns.outcomesByProcess.filter((o) => o.total > 0);
    types.forEach((o, i) => expect(outcomes.series.reduce((a, s) => a + s.values[i]!, 0)).toBe(o.total));
    const roles = satisfactionByRoleChart(f).spec;
    if (roles.kind !== 'columns') throw new Error('columns expected');
    f.breakdowns.satisfactionByRole.filter((r) => r.responses > 0).forEach((r, i) => {
      expect(roles.series[0]!.values[i]).toBe(r.satisfied);
      expect(roles.series.reduce((a, s) => a + s.values[i]!, 0)).toBe(r.responses);
    });
  });

  it('an empty period says so in each chart’s own words', () => {
    const empty = computeCommissionerFigures([], Q1, () => 1).commissioner;
    expect(chartText(satisfactionByRoleChart(empty).spec).sentence).toBe('Satisfaction by role: No feedback was given in this period.');
  });
});
