import type { Figures, Median } from '../../../src-main/domain/figures/figures';
import { NO_DATA } from '../../../src-main/domain/figures/charts';

interface Card {
  id: string;
  label: string;
  /** Absent: nothing to count in the period, said in words rather than a "None" that reads like zero. */
  value?: string;
  detail?: string;
}

const n = (x: number) => x.toLocaleString('en-GB');
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;
/** Figures come rounded to one decimal place; show "66.7%" and "100%". */
const pct = (x: number | null) => (x === null ? undefined : `${x}%`);

const optional = (value: string | undefined) => (value === undefined ? {} : { value });

function median(m: Median): { value?: string; detail: string } {
  const uncounted = m.uncounted > 0 ? `; ${plural(m.uncounted, 'case', 'cases')} could not be counted` : '';
  if (m.median === null) return { detail: `No cases in this period${uncounted}` };
  return { value: `${n(m.median)} ${m.median === 1 ? 'day' : 'days'}`, detail: `Median working days, ${plural(m.cases, 'case', 'cases')}${uncounted}` };
}

function cards(f: Figures): Card[] {
  const s = f.satisfaction;
  const toContact = median(f.workingDays.referralToFirstContact);
  const toConference = median(f.workingDays.referralToConference);
  return [
    { id: 'referrals', label: 'Referrals received', value: n(f.referrals.total) },
    { id: 'conferences', label: 'Conferences held', value: n(f.conferencesHeld) },
    { id: 'indirect', label: 'Indirect processes started', value: n(f.indirectProcesses) },
    { id: 'agreements-reached', label: 'Agreements reached', value: n(f.agreementsReached) },
    { id: 'agreements-completed', label: 'Agreements completed', value: n(f.agreementsCompleted) },
    {
      id: 'satisfied',
      label: 'Satisfied with the outcome',
      ...optional(pct(s.satisfiedPercent)),
      detail:
        s.responses === 0
          ? 'No feedback in this period'
          : s.answered === 0
            ? `Not answered in ${plural(s.responses, 'feedback response', 'feedback responses')}`
            : `${n(s.satisfied)} of ${plural(s.answered, 'person', 'people')} who answered`,
    },
    {
      id: 'overall',
      label: 'Overall score',
      ...(s.meanOverall === null ? {} : { value: `${s.meanOverall} out of 10` }),
      detail: s.overallAnswered === 0 ? 'No scores given in this period' : `Mean of ${plural(s.overallAnswered, 'score', 'scores')}`,
    },
    { id: 'to-contact', label: 'Referral to first contact', ...toContact },
    { id: 'to-conference', label: 'Referral to conference', ...toConference },
    {
      id: 'deadlines',
      label: 'Deadlines met on time',
      ...optional(pct(f.deadlines.metPercent)),
      detail: f.deadlines.decided === 0 ? 'No deadlines due in this period' : `${n(f.deadlines.metOnTime)} of ${plural(f.deadlines.decided, 'deadline', 'deadlines')} due`,
    },
    // From the complaints log (Victims' Code right 12), when the service counted it.
    ...(f.complaints ? [{ id: 'complaints', label: 'Complaints received', value: n(f.complaints.received), detail: f.complaints.acknowledgedLate === 0 ? 'None acknowledged late' : `${n(f.complaints.acknowledgedLate)} acknowledged late` }] : []),
  ];
}

/** The headline numbers as summary cards: label first for a screen reader, the number largest on screen; "No data in this period" smaller, where there is nothing to count. */
export function Headlines({ figures }: { figures: Figures }) {
  return (
    <ul className="cb-headlines" data-testid="headlines">
      {cards(figures).map((c) => (
        <li className="cb-headlines__card" key={c.id} data-testid={`figure-${c.id}`}>
          <span className="cb-headlines__label">{c.label}</span>
          {c.value !== undefined ? <span className="cb-headlines__value">{c.value}</span> : <span className="cb-headlines__value cb-headlines__value--none">{NO_DATA}</span>}
          {c.detail && <span className="cb-headlines__detail">{c.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
