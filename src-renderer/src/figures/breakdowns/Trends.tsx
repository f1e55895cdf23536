import type { CommissionerFigures } from '../../../../src-main/domain/figures/commissioner';
import { monthLabel } from '../../../../src-main/domain/figures/periods';
import { COMPARED_LABELS } from '../../../../src-main/domain/figures/trends';
import { spanTitle } from '../../conferences/calendar/range';
import { count, FigureTable, maybe } from './FigureTable';

/** The headline figures beside the previous period and the same period last year. */
export function Comparison({ figures }: { figures: CommissionerFigures }) {
  const c = figures.comparison;
  return (
    <FigureTable
      id="figures-comparison"
      title="This period, the period before and the same period last year"
      hint={`Previous period: ${spanTitle(c.periods.previous.from, c.periods.previous.to)}. Same period last year: ${spanTitle(c.periods.lastYear.from, c.periods.lastYear.to)}. “–” means no data in that period.`}
      columns={['Figure', 'This period', 'Previous period', 'Same period last year']}
      rows={c.rows.map((r) => {
        const percent = r.figure.endsWith('Percent');
        return [COMPARED_LABELS[r.figure], maybe(r.current, percent), maybe(r.previous, percent), maybe(r.lastYear, percent)];
      })}
    />
  );
}

/** Referrals, processes started and cases closed, month by month. */
export function MonthByMonth({ figures }: { figures: CommissionerFigures }) {
  const months = figures.trend;
  const empty = months.every((m) => m.referrals + m.processes + m.outcomes === 0);
  return (
    <FigureTable
      id="figures-months"
      title="Month by month"
      hint="Referrals by the day received, processes by the day they started, cases by the day closed."
      columns={['Month', 'Referrals', 'Processes started', 'Cases closed']}
      rows={months.map((m) => [monthLabel(m.month), count(m.referrals), count(m.processes), count(m.outcomes)])}
      empty={empty}
    />
  );
}
