import { breakdownsOf, type Breakdowns } from './breakdowns';
import { equalitySummaryOf, type EqualitySummary } from './equality';
import { computeFigures, type Figures, type FiguresCase, type Period, type WorkingDaysBetween } from './figures';
import { funnelOf, timelinessOf, type FunnelStep, type Timeliness } from './funnel';
import { comparisonOf, monthlyTrend, type Comparison, type MonthRow } from './trends';

/**
 * Everything the Figures page and the commissioner's report show for a period: the headline
 * figures (figures.ts) and, beside them, the trend, the comparisons, the funnel, Victims' Code
 * timeliness and the breakdowns. Facilitators are still staff ids here; whoever shows them
 * decides how they are named (the service labels them, naming nobody).
 */
export interface CommissionerFigures {
  trend: MonthRow[];
  /** The same months' figures in the periods compared with (comparison.periods), for the month-by-month charts. */
  trendCompared: { previous: MonthRow[]; lastYear: MonthRow[] };
  comparison: Comparison;
  funnel: FunnelStep[];
  timeliness: Timeliness[];
  breakdowns: Breakdowns;
  equality: EqualitySummary;
}

export type FiguresWithBreakdowns = Figures & { commissioner: CommissionerFigures };

export function commissionerFiguresOf(cases: readonly FiguresCase[], figures: Figures): CommissionerFigures {
  const period: Period = figures.period;
  const comparison = comparisonOf(cases, figures);
  return {
    trend: monthlyTrend(cases, period),
    trendCompared: { previous: monthlyTrend(cases, comparison.periods.previous), lastYear: monthlyTrend(cases, comparison.periods.lastYear) },
    comparison,
    funnel: funnelOf(cases, period, figures),
    timeliness: timelinessOf(cases, period),
    breakdowns: breakdownsOf(cases, period),
    equality: equalitySummaryOf(cases, period),
  };
}

/**
 * Facilitators by number, busiest first, never by name: the casebook has no setting that allows
 * staff names in figures, and a commissioner's return does not need them.
 */
export function withoutStaffNames(c: CommissionerFigures): CommissionerFigures {
  return { ...c, breakdowns: { ...c.breakdowns, facilitators: c.breakdowns.facilitators.map((f, i) => ({ ...f, who: `Practitioner ${i + 1}` })) } };
}

/** The headline figures and all the commissioner's figures, counted from the same cases. */
export function computeCommissionerFigures(cases: readonly FiguresCase[], period: Period, between: WorkingDaysBetween): FiguresWithBreakdowns {
  const figures = computeFigures(cases, period, between);
  return { ...figures, commissioner: withoutStaffNames(commissionerFiguresOf(cases, figures)) };
}
