import type { Figures, FiguresCase, Period } from './figures';
import { peopleTakingPart, processStartedOn, within } from './process-start';

/**
 * The commissioner's funnel, as in the Warwickshire pilot (250 informed, 86 referrals, 55 took
 * part, 30 conferences). Each step is counted on its own day in the period, like every other
 * figure, so a step can be larger than the one before it (people informed this quarter about
 * referrals from the last one):
 *
 * - offered RJ: people given information about restorative justice in the period, each on the
 *   first day the contact log records it given to them (people, not cases);
 * - referred: referrals received in the period (cases);
 * - took part: the people taking part (not supporters or parents) in the cases of the next step;
 * - conference or indirect process: cases whose process started in the period (first conference
 *   held, or the indirect process's first message, whichever came first);
 * - agreement: outcome agreements signed in the period;
 * - completed: signed agreements whose last action was done in the period.
 */
export const FUNNEL_STEPS = ['offered', 'referred', 'took-part', 'process', 'agreement', 'completed'] as const;
export type FunnelStepId = (typeof FUNNEL_STEPS)[number];

export const FUNNEL_LABELS: Record<FunnelStepId, string> = {
  offered: 'Offered restorative justice',
  referred: 'Referred',
  'took-part': 'Took part',
  process: 'Conference or indirect process',
  agreement: 'Agreement reached',
  completed: 'Agreement completed',
};

export interface FunnelStep {
  step: FunnelStepId;
  count: number;
  unit: 'people' | 'cases' | 'agreements';
}

export function funnelOf(cases: readonly FiguresCase[], period: Period, f: Pick<Figures, 'referrals' | 'agreementsReached' | 'agreementsCompleted'>): FunnelStep[] {
  const inPeriod = within(period);
  let offered = 0;
  let tookPart = 0;
  let processes = 0;
  for (const c of cases) {
    for (const d of c.rjInformedOn ?? []) if (inPeriod(d)) offered++;
    if (inPeriod(processStartedOn(c))) {
      processes++;
      tookPart += peopleTakingPart(c);
    }
  }
  return [
    { step: 'offered', count: offered, unit: 'people' },
    { step: 'referred', count: f.referrals.total, unit: 'cases' },
    { step: 'took-part', count: tookPart, unit: 'people' },
    { step: 'process', count: processes, unit: 'cases' },
    { step: 'agreement', count: f.agreementsReached, unit: 'agreements' },
    { step: 'completed', count: f.agreementsCompleted, unit: 'agreements' },
  ];
}

/**
 * Victims' Code timeliness for one right (deadline-rules.yaml says which deadline is which):
 * the deadlines due in the period, by what became of them. Met on time: on or before the due
 * date; late: met after it; not met: the case ended first; still open: not met yet (overdue
 * once the due date has passed). The share on time is of those whose outcome is known or whose
 * due date has passed (on time, late, not met, overdue), as the headline deadlines figure counts.
 */
export interface Timeliness {
  right: 3 | 4;
  due: number;
  onTime: number;
  late: number;
  notMet: number;
  open: number;
  /** Of `open`, those already past their due date. */
  overdue: number;
  onTimePercent: number | null;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

export function timelinessOf(cases: readonly FiguresCase[], period: Period): Timeliness[] {
  const inPeriod = within(period);
  const out = ([3, 4] as const).map((right): Timeliness => ({ right, due: 0, onTime: 0, late: 0, notMet: 0, open: 0, overdue: 0, onTimePercent: null }));
  for (const c of cases) {
    for (const d of c.deadlines) {
      if (d.right === undefined || !inPeriod(d.due)) continue;
      const t = out[d.right === 3 ? 0 : 1] as Timeliness;
      t.due++;
      if (d.status === 'met') {
        if (d.late) t.late++;
        else t.onTime++;
      } else if (d.status === 'lapsed') t.notMet++;
      else {
        t.open++;
        if (d.status === 'overdue') t.overdue++;
      }
    }
  }
  for (const t of out) {
    const decided = t.onTime + t.late + t.notMet + t.overdue;
    t.onTimePercent = decided === 0 ? null : oneDecimal((t.onTime * 100) / decided);
  }
  return out;
}
