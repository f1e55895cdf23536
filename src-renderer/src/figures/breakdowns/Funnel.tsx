import type { CommissionerFigures } from '../../../../src-main/domain/figures/commissioner';
import { FUNNEL_LABELS } from '../../../../src-main/domain/figures/funnel';
import { count, FigureTable, maybe } from './FigureTable';

/** Offered RJ → referred → took part → conference or indirect process → agreement → completed. */
export function Funnel({ figures }: { figures: CommissionerFigures }) {
  const steps = figures.funnel;
  return (
    <FigureTable
      id="figures-funnel"
      title="From offer to completion"
      hint="Each step is counted on its own day in the period, so a step can be larger than the one before it."
      columns={['Step', 'Number', 'Counted as']}
      rows={steps.map((s) => [FUNNEL_LABELS[s.step], count(s.count), s.unit])}
      empty={steps.every((s) => s.count === 0)}
    />
  );
}

/** Victims' Code rights 3 and 4: deadlines due in the period, by what became of them. */
export function Timeliness({ figures }: { figures: CommissionerFigures }) {
  const t = figures.timeliness;
  return (
    <FigureTable
      id="figures-timeliness"
      title="Victims’ Code rights 3 and 4"
      hint="Deadlines for the person harmed due in the period. Right 3: information about restorative justice. Right 4: the service’s first contact."
      columns={['Right', 'Due', 'Met on time', 'Met late', 'Not met (case ended)', 'Still open', 'Of those, overdue', 'On time']}
      rows={t.map((r) => [r.right === 3 ? 'Right 3' : 'Right 4', count(r.due), count(r.onTime), count(r.late), count(r.notMet), count(r.open), count(r.overdue), maybe(r.onTimePercent, true)])}
      empty={t.every((r) => r.due === 0)}
    />
  );
}
