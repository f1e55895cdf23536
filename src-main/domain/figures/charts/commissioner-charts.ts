import { formatDate } from '../../time/dates';
import { SATISFACTION_ROLE_LABELS } from '../breakdowns';
import type { CommissionerFigures } from '../commissioner';
import type { Period } from '../figures';
import type { FunnelStepId } from '../funnel';
import { PROCESS_TYPE_LABELS } from '../process-start';
import { monthLabels } from './by-month';
import type { FiguresChart } from './from-figures';
import type { ColumnSeries } from './spec';

/**
 * The charts of the commissioner's breakdowns (commissioner.ts), for the Figures page and the
 * figures report alike: month by month beside the periods compared with, the funnel, Victims'
 * Code timeliness, outcomes by process type and satisfaction by role.
 */

const span = (p: Period) => `${formatDate(p.from)} to ${formatDate(p.to)}`;

type Monthly = 'referrals' | 'processes' | 'outcomes';
const MONTHLY: Record<Monthly, { id: string; title: string; unit: string; hint: string }> = {
  referrals: { id: 'chart-months-referrals', title: 'Referrals by month', unit: 'referrals', hint: 'Referrals by the day received.' },
  processes: { id: 'chart-months-processes', title: 'Processes started by month', unit: 'processes started', hint: 'Cases by the day their first conference was held or their indirect process began.' },
  outcomes: { id: 'chart-months-closures', title: 'Cases closed by month', unit: 'cases closed', hint: 'Cases by the day closed, whatever the outcome.' },
};

/**
 * One figure month by month, beside the same months of the previous period and of last year.
 * A comparison period can cover a month more or less than this one (a period of days, not whole
 * months), so its months are matched in order and any beyond this period's are left out. The
 * previous period is left out when it is last year's (a 12-month period), so nothing is drawn twice.
 */
export function monthByMonthChart(c: CommissionerFigures, figure: Monthly): FiguresChart {
  const words = MONTHLY[figure];
  const { current, previous, lastYear } = c.comparison.periods;
  const months = c.trend.length;
  const values = (rows: readonly { [k in Monthly]: number }[]) => Array.from({ length: months }, (_, i) => rows[i]?.[figure] ?? 0);
  // Short names keep the legend to one line; the hint says which days each period is.
  const series: ColumnSeries[] = [{ name: 'This period', values: values(c.trend) }];
  const twelve = previous.from === lastYear.from && previous.to === lastYear.to;
  if (!twelve) series.push({ name: 'Previous period', values: values(c.trendCompared.previous) });
  series.push({ name: 'Same period last year', values: values(c.trendCompared.lastYear) });
  return {
    id: words.id,
    hint: `${words.hint} This period: ${span(current)}.${twelve ? '' : ` Previous period: ${span(previous)}.`} Same period last year: ${span(lastYear)}.`,
    spec: { kind: 'columns', title: words.title, what: 'Month', unit: words.unit, categories: monthLabels(current), series, empty: `No ${words.unit} in this period or the periods it is compared with.` },
  };
}

export const monthByMonthCharts = (c: CommissionerFigures): FiguresChart[] => (['referrals', 'processes', 'outcomes'] as const).map((k) => monthByMonthChart(c, k));

/** The steps in few enough words to stand beside their bars with their unit. */
const FUNNEL_SHORT: Record<FunnelStepId, string> = {
  offered: 'Offered RJ',
  referred: 'Referred',
  'took-part': 'Took part',
  process: 'Conference or indirect',
  agreement: 'Agreement reached',
  completed: 'Agreement completed',
};

/** Offered → completed, each step as a share of the first; the unit is in the label, as steps count people, cases or agreements. */
export function funnelChart(c: CommissionerFigures): FiguresChart {
  return {
    id: 'chart-funnel',
    hint: 'Each step counted on its own day in the period, so a step can be larger than the one before it.',
    spec: {
      kind: 'funnel',
      title: 'From offer to completion',
      what: 'Step',
      unit: 'people, cases or agreements',
      rows: c.funnel.map((s) => ({ label: `${FUNNEL_SHORT[s.step]} (${s.unit})`, value: s.count })),
      empty: 'No one was offered restorative justice and no case moved on in this period.',
    },
  };
}

const RIGHT_TITLES = { 3: "Right 3: information about restorative justice", 4: 'Right 4: first contact' } as const;

/**
 * Each right's deadlines whose outcome is known or whose due date has passed, as the share on
 * time is counted (funnel.ts), so the chart's "on time" share is the table's. Still open and not
 * yet due are not drawn: they have no outcome yet.
 */
export function timelinessCharts(c: CommissionerFigures): FiguresChart[] {
  return c.timeliness.map((t) => ({
    id: `chart-right-${t.right}`,
    hint: "Victims' Code deadlines due in the period, by what became of them; open ones not yet due are left out.",
    spec: {
      kind: 'share',
      title: RIGHT_TITLES[t.right],
      what: 'Deadline',
      unit: 'deadlines',
      rows: [
        { label: 'Met on time', value: t.onTime },
        { label: 'Met late', value: t.late },
        { label: 'Not met (case ended)', value: t.notMet },
        { label: 'Overdue', value: t.overdue },
      ],
      empty: 'No deadline for this right fell due in this period.',
    },
  }));
}

/** Outcomes in three groups, so process types can stand side by side; the Figures page's table has every outcome. */
export const OUTCOME_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ['Agreement completed (fully or partly)', ['agreement-completed', 'agreement-partly-completed']],
  ['Completed without an agreement', ['completed-without-agreement']],
  ['Ended early, not suitable or other', []],
];

/** The group an outcome is drawn in: the last group takes every outcome not named in the others. */
export const outcomeGroupOf = (outcome: string) => {
  const i = OUTCOME_GROUPS.findIndex(([, ids]) => ids.includes(outcome));
  return i === -1 ? OUTCOME_GROUPS.length - 1 : i;
};

export function outcomesByProcessChart(c: CommissionerFigures): FiguresChart {
  const types = c.breakdowns.outcomesByProcess.filter((o) => o.total > 0);
  const series = OUTCOME_GROUPS.map(([name], g) => ({ name, values: types.map((o) => o.byOutcome.filter((x) => outcomeGroupOf(x.outcome) === g).reduce((a, x) => a + x.count, 0)) }));
  return {
    id: 'chart-outcomes-by-process',
    hint: 'Cases closed in the period, by the restorative process they had.',
    spec: { kind: 'columns', title: 'Cases closed, by process type', what: 'Process type', unit: 'cases closed', categories: types.map((o) => PROCESS_TYPE_LABELS[o.type]), series, empty: 'No cases were closed in this period.' },
  };
}

/** Feedback by who gave it: satisfied with the outcome, not, or the question not answered. */
export function satisfactionByRoleChart(c: CommissionerFigures): FiguresChart {
  const roles = c.breakdowns.satisfactionByRole.filter((r) => r.responses > 0);
  return {
    id: 'chart-satisfaction-by-role',
    hint: 'Feedback given in the period: "I am satisfied with the outcome", agreed or strongly agreed.',
    spec: {
      kind: 'columns',
      title: 'Satisfaction by role',
      what: 'Feedback from',
      unit: 'feedback responses',
      categories: roles.map((r) => SATISFACTION_ROLE_LABELS[r.role]),
      series: [
        { name: 'Satisfied', values: roles.map((r) => r.satisfied) },
        { name: 'Not satisfied', values: roles.map((r) => r.answered - r.satisfied) },
        { name: 'Did not answer', values: roles.map((r) => r.responses - r.answered) },
      ],
      empty: 'No feedback was given in this period.',
    },
  };
}
