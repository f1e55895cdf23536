import { EXIT_LABELS, STAGE_LABELS } from '../../cases/stage-labels';
import { CLOSURE_OUTCOME_LABELS } from '../../outcomes/closure';
import type { Figures, Period } from '../figures';
import { byMonthChart } from './by-month';
import type { ChartSpec } from './spec';

/**
 * The charts of a period's figures, each with the rule that puts a case in it, for the Figures
 * page, the evidence pack and the commissioner's report alike. Stored ids are shown in words;
 * an id this version does not know (an outcome from an older one) is shown as stored.
 */
export interface FiguresChart {
  /** Stable, for the page's test ids and the report's order. */
  readonly id: string;
  /** Which cases it counts, in a sentence. */
  readonly hint: string;
  readonly spec: ChartSpec;
}

const labelOf = (labels: Record<string, string>, id: string) => (Object.hasOwn(labels, id) ? labels[id] : undefined) ?? id;

export function referralsBySourceChart(f: Figures): FiguresChart {
  return {
    id: 'chart-sources',
    hint: 'Referrals received in the period.',
    spec: { kind: 'share', title: 'Referrals by source', what: 'Source', unit: 'referrals', rows: f.referrals.bySource.map((s) => ({ label: s.source, value: s.count })), empty: 'No referrals were received in this period.' },
  };
}

export function casesByStageChart(f: Figures): FiguresChart {
  return {
    id: 'chart-stages',
    hint: 'Cases open at some point in the period, by their stage now.',
    spec: { kind: 'share', title: 'Cases by stage', what: 'Stage', unit: 'cases', rows: f.casesByStage.map((s) => ({ label: labelOf(STAGE_LABELS, s.stage), value: s.count })), empty: 'No cases were open in this period.' },
  };
}

export function casesByExitChart(f: Figures): FiguresChart {
  return {
    id: 'chart-exits',
    hint: 'Cases open at some point in the period that have since ended early, by how they ended.',
    spec: { kind: 'share', title: 'Cases ended early', what: 'How it ended', unit: 'cases', rows: f.casesByExit.map((e) => ({ label: labelOf(EXIT_LABELS, e.exit), value: e.count })), empty: 'No case open in this period has ended early.' },
  };
}

export function closuresByOutcomeChart(f: Figures): FiguresChart {
  return {
    id: 'chart-outcomes',
    hint: 'Cases closed in the period.',
    spec: { kind: 'share', title: 'Cases closed, by outcome', what: 'Outcome', unit: 'cases closed', rows: f.closuresByOutcome.map((o) => ({ label: labelOf(CLOSURE_OUTCOME_LABELS, o.outcome), value: o.count })), empty: 'No cases were closed in this period.' },
  };
}

/** A whole split into named parts, drawn as shares of it. */
function parts(id: string, hint: string, words: { title: string; what: string; unit: string; empty: string }, rows: readonly [string, number][]): FiguresChart {
  return { id, hint, spec: { kind: 'share', ...words, rows: rows.map(([label, value]) => ({ label, value })) } };
}

const SATISFACTION = {
  hint: 'Feedback given in the period: "I am satisfied with the outcome", agreed or strongly agreed.',
  words: { title: 'Satisfied with the outcome', what: 'Answer', unit: 'feedback responses', empty: 'No feedback was given in this period.' },
};

/** Of the feedback given in the period: satisfied with the outcome, not, or the question not answered. */
export function satisfactionChart(f: Figures): FiguresChart {
  const s = f.satisfaction;
  return parts('chart-satisfaction', SATISFACTION.hint, SATISFACTION.words, [['Satisfied', s.satisfied], ['Not satisfied', s.answered - s.satisfied], ['Did not answer', s.responses - s.answered]]);
}

const DEADLINES = {
  hint: "Victims' Code deadlines due in the period whose outcome is known; met means on or before the due date.",
  words: { title: "Victims' Code deadlines met on time", what: 'Deadline', unit: 'deadlines', empty: 'No deadlines fell due in this period.' },
};

/** Victims' Code deadlines due in the period whose outcome is known. */
export function deadlinesChart(f: Figures): FiguresChart {
  const d = f.deadlines;
  return parts('chart-deadlines', DEADLINES.hint, DEADLINES.words, [['Met on time', d.metOnTime], ['Missed or met late', d.decided - d.metOnTime]]);
}

/** Referrals by the month received, beside the previous period and the same period last year. */
export function referralsByMonthChart(receivedOn: readonly string[], period: Period): FiguresChart {
  return {
    id: 'chart-referrals-by-month',
    hint: 'Referrals by the day received, month by month, beside the months before and the same months a year before.',
    spec: byMonthChart(receivedOn, period, { title: 'Referrals by month', unit: 'referrals', empty: 'No referrals were received in this period or the periods it is compared with.' }),
  };
}
