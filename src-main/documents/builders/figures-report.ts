import type { FiguresWithBreakdowns } from '../../domain/figures/commissioner';
import { SATISFACTION_ROLE_LABELS } from '../../domain/figures/breakdowns';
import { EQUALITY_QUESTION_LABELS, SMALL_NUMBER_TEXT } from '../../domain/figures/equality';
import { FUNNEL_LABELS } from '../../domain/figures/funnel';
import { HOW_COUNTED } from '../../domain/figures/how-counted';
import { PROCESS_TYPE_LABELS } from '../../domain/figures/process-start';
import { COMPARED_LABELS } from '../../domain/figures/trends';
import { formatDate } from '../../domain/time/dates';
import { funnelChart, isEmptyChart, monthByMonthChart, OUTCOME_GROUPS, outcomeGroupOf, outcomesByProcessChart, satisfactionByRoleChart, timelinessCharts, type FiguresChart } from '../../domain/figures/charts';
import { chartBlock } from '../charts/chart-block';
import { heading, paragraph, run, type Block, type DocumentModel, type TableBlock } from '../model';
import { TEXT_WIDTH } from '../pdf/page-style';

/**
 * The figures report for the commissioner's quarterly return. Page 1 is the summary: headlines
 * beside the previous period and the same period last year, the funnel chart, referrals by month
 * beside the periods compared with, and Victims' Code timeliness. After it: month by month with
 * processes and closures charted, each right's timeliness charted, outcomes by process type and
 * satisfaction by role (table and chart), offence categories, equality monitoring, facilitator
 * activity and "how each figure is counted". Counts only: it names nobody (facilitators
 * arrive as "Practitioner 1"…, and the service runs the leak check over the finished file).
 */
export interface FiguresReportContent {
  serviceName: string;
  madeOn: string;
  figures: FiguresWithBreakdowns;
  /** False for tables alone (the leak check's list of the app's own words needs no drawing). Default: with charts. */
  charts?: boolean;
  deterministic?: boolean;
}

export const NO_DATA = 'No data in this period';
const n = (x: number) => x.toLocaleString('en-GB');
const value = (x: number | null, percent = false) => (x === null ? '–' : percent ? `${x}%` : n(x));
const span = (p: { from: string; to: string }) => `${formatDate(p.from)} to ${formatDate(p.to)}`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortMonth = (key: string) => `${MONTHS[Number(key.slice(5, 7)) - 1] ?? key} ${key.slice(2, 4)}`;
const table = (columns: [string, number][], rows: string[][]): TableBlock => ({ kind: 'table', columns: columns.map(([header, width]) => ({ header, width })), rows });
const small = (text: string) => paragraph(text, { size: 'small' });

function comparison(f: FiguresWithBreakdowns): Block[] {
  const c = f.commissioner.comparison;
  return [
    heading(2, 'Headlines and comparisons'),
    table(
      [['Figure', 5], ['This period', 2], ['Previous period', 2], ['Same period last year', 2]],
      c.rows.map((r) => {
        const percent = r.figure.endsWith('Percent');
        return [COMPARED_LABELS[r.figure], value(r.current, percent), value(r.previous, percent), value(r.lastYear, percent)];
      }),
    ),
    small(`Previous period: ${span(c.periods.previous)}. Last year: ${span(c.periods.lastYear)}. “–”: no data.`),
  ];
}

/**
 * A chart under its own heading, as a drawing or its own "nothing here" sentence: a section of
 * page 1 (level 2, lower, no hint: the headlines' note gives the periods) or one of the charts
 * after it (level 3, with the rule that counts it). Nothing at all when charts are off.
 */
type Draw = (c: FiguresChart, o?: { summary?: boolean }) => Block[];
const drawing: Draw = (c, o = {}) => [
  ...(o.summary ? [heading(2, c.spec.title)] : [heading(3, c.spec.title), paragraph(c.hint, { size: 'small', keepWithNext: true })]),
  isEmptyChart(c.spec) ? paragraph(c.spec.empty ?? NO_DATA) : chartBlock(c.spec, TEXT_WIDTH, o.summary ? { plotHeight: 64 } : {}),
];
const noDrawing: Draw = () => [];

function timelinessTable(f: FiguresWithBreakdowns): Block {
  const t = f.commissioner.timeliness;
  return t.every((r) => r.due === 0)
    ? paragraph(NO_DATA)
    : table(
        [['Deadline', 5], ['Due', 2], ['On time', 2], ['Late', 2], ['Not met', 3], ['Open', 2], ['Overdue', 3], ['On time', 2]],
        t.map((r) => [r.right === 3 ? 'Right 3: RJ information' : 'Right 4: first contact', n(r.due), n(r.onTime), n(r.late), n(r.notMet), n(r.open), n(r.overdue), value(r.onTimePercent, true)]),
      );
}

/** Page 1's charts, after the headlines: what a commissioner reads if nothing else. */
function summary(f: FiguresWithBreakdowns, draw: Draw): Block[] {
  const steps = f.commissioner.funnel;
  // Without the drawing the funnel is one line, with each step's unit.
  const unit = (count: number, u: string) => (count !== 1 ? u : u === 'people' ? 'person' : u.replace(/s$/, ''));
  const line = steps.flatMap((s, i) => [...(i > 0 ? [run(' → ')] : []), run(`${FUNNEL_LABELS[s.step]} `), run(`${n(s.count)} ${unit(s.count, s.unit)}`, { bold: true })]);
  const funnel = draw(funnelChart(f.commissioner), { summary: true });
  // The referrals chart is lower than the others, so page 1 holds it; the headlines carry the timeliness shares.
  const referrals = draw(monthByMonthChart(f.commissioner, 'referrals'), { summary: true });
  return funnel.length > 0 ? [...funnel, ...referrals] : [heading(2, 'From offer to completion'), steps.every((s) => s.count === 0) ? paragraph(NO_DATA) : paragraph(line)];
}

function trend(f: FiguresWithBreakdowns, draw: Draw): Block[] {
  const months = f.commissioner.trend;
  const total = (k: 'referrals' | 'processes' | 'outcomes') => n(months.reduce((a, m) => a + m[k], 0));
  // Months across, so a year fits the page's width rather than its length.
  return [
    heading(2, 'Month by month'),
    table(
      [['', 5], ...months.map((m): [string, number] => [shortMonth(m.month), 2]), ['Total', 3]],
      [
        ['Referrals', ...months.map((m) => n(m.referrals)), total('referrals')],
        ['Processes started', ...months.map((m) => n(m.processes)), total('processes')],
        ['Cases closed', ...months.map((m) => n(m.outcomes)), total('outcomes')],
      ],
    ),
    ...draw(monthByMonthChart(f.commissioner, 'processes')),
    ...draw(monthByMonthChart(f.commissioner, 'outcomes')),
  ];
}

function timeliness(f: FiguresWithBreakdowns, draw: Draw): Block[] {
  const charts = timelinessCharts(f.commissioner).filter((c) => !isEmptyChart(c.spec));
  return [heading(2, 'Victims’ Code timeliness'), timelinessTable(f), ...charts.flatMap((c) => draw(c))];
}

function processAndSatisfaction(f: FiguresWithBreakdowns, draw: Draw): Block[] {
  const b = f.commissioner.breakdowns;
  const types = b.outcomesByProcess.filter((o) => o.total > 0);
  const roles = b.satisfactionByRole.filter((r) => r.responses > 0);
  const grouped = (o: (typeof types)[number], g: number) => n(o.byOutcome.filter((x) => outcomeGroupOf(x.outcome) === g).reduce((a, x) => a + x.count, 0));
  return [
    heading(2, 'Cases closed, by process type'),
    types.length === 0
      ? paragraph(NO_DATA)
      : table(
          [['Outcome', 5], ...types.map((o): [string, number] => [PROCESS_TYPE_LABELS[o.type], 3])],
          [...OUTCOME_GROUPS.map(([label], g) => [label, ...types.map((o) => grouped(o, g))]), ['All cases closed', ...types.map((o) => n(o.total))]],
        ),
    ...(types.length === 0 ? [] : draw(outcomesByProcessChart(f.commissioner))),
    heading(2, 'Satisfaction by role'),
    roles.length === 0 ? paragraph(NO_DATA) : table([['Feedback from', 5], ['Responses', 2], ['Satisfied', 2], ['Mean score (0 to 10)', 3]], roles.map((r) => [SATISFACTION_ROLE_LABELS[r.role], n(r.responses), value(r.satisfiedPercent, true), value(r.meanOverall)])),
    ...(roles.length === 0 ? [] : draw(satisfactionByRoleChart(f.commissioner))),
  ];
}

function offences(f: FiguresWithBreakdowns): Block[] {
  const b = f.commissioner.breakdowns;
  const referred = b.sensitive.sensitive + b.sensitive.notSensitive;
  const top = b.offenceCategories.slice(0, 8);
  const rest = b.offenceCategories.slice(8).reduce((a, o) => a + o.count, 0);
  return [
    heading(2, 'Offence categories and sensitive cases'),
    referred === 0
      ? paragraph(NO_DATA)
      : table([['Referrals received, by offence category', 6], ['Referrals', 2]], [...top.map((o) => [o.category, n(o.count)]), ...(rest > 0 ? [['Other categories', n(rest)]] : []), ['Sensitive cases', `${n(b.sensitive.sensitive)} of ${n(referred)}`]]),
  ];
}

function breakdownsAndNotes(f: FiguresWithBreakdowns): Block[] {
  const e = f.commissioner.equality;
  const staff = f.commissioner.breakdowns.facilitators;
  const equality: Block[] =
    e.consented === 0
      ? [paragraph(NO_DATA)]
      : e.consented === null
        ? [paragraph(`Fewer than ${e.threshold} people agreed to equality monitoring in this period, so no breakdown is shown.`)]
        : [
            paragraph(`${n(e.consented)} feedback responses with equality monitoring answers, given with consent. Counts below ${e.threshold} are shown as “${SMALL_NUMBER_TEXT}”.`),
            table([['Question', 3], ['Answer', 5], ['People', 2]], e.questions.flatMap((q) => q.answers.map((a, i) => [i === 0 ? EQUALITY_QUESTION_LABELS[q.question] : '', a.answer, a.count === null ? SMALL_NUMBER_TEXT : n(a.count)]))),
          ];
  return [
    ...offences(f),
    heading(2, 'Equality monitoring'),
    ...equality,
    heading(2, 'Activity per facilitator'),
    staff.length === 0 ? paragraph(NO_DATA) : table([['Facilitator', 4], ['Cases led', 2], ['Meetings held', 2]], staff.map((s) => [s.who, n(s.casesLed), n(s.meetingsHeld)])),
    heading(2, 'How each figure is counted'),
    ...HOW_COUNTED.map(([what, how]) => paragraph([run(`${what}: `, { bold: true }), run(how)], { size: 'small' })),
  ];
}

export function buildFiguresReport(c: FiguresReportContent): DocumentModel {
  const f = c.figures;
  const title = `Restorative justice figures, ${span(f.period)}`;
  const draw = c.charts === false ? noDrawing : drawing;
  return {
    metadata: { title, author: c.serviceName, subject: 'Figures for the commissioner', ...(c.deterministic ? { deterministic: true } : {}) },
    header: { left: c.serviceName, right: 'Figures report' },
    footer: { left: 'Counts only: this report names nobody' },
    blocks: [
      heading(1, 'Restorative justice figures'),
      paragraph([run(span(f.period), { bold: true }), run(` · ${c.serviceName} · made on ${formatDate(c.madeOn)}. Each figure is counted on its own day in the period (see “How each figure is counted”).`)], { size: 'small' }),
      ...comparison(f),
      ...summary(f, draw),
      { kind: 'pageBreak' },
      ...timeliness(f, draw),
      ...trend(f, draw),
      { kind: 'pageBreak' },
      ...processAndSatisfaction(f, draw),
      ...breakdownsAndNotes(f),
    ],
  };
}
