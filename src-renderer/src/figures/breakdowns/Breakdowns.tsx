import { SATISFACTION_ROLE_LABELS } from '../../../../src-main/domain/figures/breakdowns';
import type { CommissionerFigures } from '../../../../src-main/domain/figures/commissioner';
import { EQUALITY_QUESTION_LABELS, SMALL_NUMBER_TEXT } from '../../../../src-main/domain/figures/equality';
import { PROCESS_TYPE_LABELS } from '../../../../src-main/domain/figures/process-start';
import { CLOSURE_OUTCOME_LABELS } from '../../../../src-main/domain/outcomes/closure';
import { count, FigureTable, maybe } from './FigureTable';

const outcomeLabel = (o: string) => (Object.hasOwn(CLOSURE_OUTCOME_LABELS, o) ? CLOSURE_OUTCOME_LABELS[o as keyof typeof CLOSURE_OUTCOME_LABELS] : o);

export function OutcomesByProcess({ figures }: { figures: CommissionerFigures }) {
  const types = figures.breakdowns.outcomesByProcess.filter((o) => o.total > 0);
  return (
    <FigureTable
      id="figures-process-outcomes"
      title="Cases closed, by process type"
      hint="Cases closed in the period, by the process chosen."
      columns={['Process', 'Cases closed', 'Outcomes']}
      rows={types.map((o) => [PROCESS_TYPE_LABELS[o.type], count(o.total), o.byOutcome.map((x) => `${outcomeLabel(x.outcome)}: ${count(x.count)}`).join('; ')])}
    />
  );
}

export function SatisfactionByRole({ figures }: { figures: CommissionerFigures }) {
  const roles = figures.breakdowns.satisfactionByRole.filter((r) => r.responses > 0);
  return (
    <FigureTable
      id="figures-satisfaction-role"
      title="Satisfaction by role"
      hint="Feedback given in the period."
      columns={['Feedback from', 'Responses', 'Satisfied with the outcome', 'Mean overall score (0 to 10)']}
      rows={roles.map((r) => [SATISFACTION_ROLE_LABELS[r.role], count(r.responses), maybe(r.satisfiedPercent, true), maybe(r.meanOverall)])}
    />
  );
}

export function OffenceCategories({ figures }: { figures: CommissionerFigures }) {
  const b = figures.breakdowns;
  const referred = b.sensitive.sensitive + b.sensitive.notSensitive;
  return (
    <FigureTable
      id="figures-offences"
      title="Offence categories and sensitive cases"
      hint="Referrals received in the period."
      columns={['Offence category', 'Referrals']}
      rows={[...b.offenceCategories.map((o) => [o.category, count(o.count)]), ['Sensitive cases', `${count(b.sensitive.sensitive)} of ${count(referred)}`]]}
      empty={referred === 0}
    />
  );
}

export function EqualityMonitoring({ figures }: { figures: CommissionerFigures }) {
  const e = figures.equality;
  const rows = e.questions.flatMap((q) => q.answers.map((a) => [`${EQUALITY_QUESTION_LABELS[q.question]}: ${a.answer}`, a.count === null ? SMALL_NUMBER_TEXT : count(a.count)]));
  const hint =
    e.consented === null
      ? `Fewer than ${e.threshold} people agreed to equality monitoring in this period, so no breakdown is shown.`
      : `Feedback given in the period by people who agreed to equality monitoring${e.consented > 0 ? ` (${count(e.consented)})` : ''}. Counts below ${e.threshold} show as “${SMALL_NUMBER_TEXT}”.`;
  return <FigureTable id="figures-equality" title="Equality monitoring" hint={hint} columns={['Answer', 'People']} rows={rows} />;
}

export function FacilitatorActivity({ figures }: { figures: CommissionerFigures }) {
  return (
    <FigureTable
      id="figures-facilitators"
      title="Activity per facilitator"
      hint="Lead facilitators, numbered busiest first and never named: cases they lead that were open in the period, and meetings they led that were held in it."
      columns={['Facilitator', 'Cases led', 'Meetings held']}
      rows={figures.breakdowns.facilitators.map((f) => [f.who, count(f.casesLed), count(f.meetingsHeld)])}
    />
  );
}
