import type { FiguresCase } from '../../src-main/domain/figures/figures';

export const base = (over: Partial<FiguresCase>): FiguresCase => ({ referral: { receivedOn: '2026-04-01', source: 'Police' }, stage: 'referral', meetings: [], feedback: [], deadlines: [], ...over });
export const Q1 = { from: '2026-04-01', to: '2026-06-30' };

/**
 * A hand-built casebook for the first quarter of 2026/27 (1 April to 30 June 2026). Every
 * expected number in the tests below can be counted from these comments.
 */
export const HAND_CASES: FiguresCase[] = [
  // A: received in the quarter; both people informed (3 and 7 April); conference 12 May with both;
  // agreement signed that day, its last action done 10 June; closed 15 June, completed.
  // Right 3 due 9 April, met on time; right 4 due 6 April, met late.
  base({
    referral: { receivedOn: '2026-04-02', source: 'Police' },
    stage: 'closed',
    offenceCategory: 'Burglary',
    sensitive: false,
    leadFacilitatorId: 's_alex000',
    processKind: 'direct',
    rjInformedOn: ['2026-04-03', '2026-04-07'],
    takingPart: 2,
    meetings: [{ kind: 'conference', date: '2026-05-12', status: 'held', leadFacilitatorId: 's_alex000', participantIds: ['p_a1', 'p_a2'] }],
    agreement: { signedOn: '2026-05-12', actions: [{ status: 'done', resolvedOn: '2026-06-10' }] },
    closure: { outcome: 'agreement-completed', closedOn: '2026-06-15' },
    feedback: [
      { givenOn: '2026-06-20', answers: { satisfiedWithOutcome: 5 }, overall: 9, role: 'harmed' },
      { givenOn: '2026-06-21', answers: { satisfiedWithOutcome: 4 }, overall: 8, role: 'responsible' },
    ],
    deadlines: [
      { due: '2026-04-09', status: 'met', right: 3 },
      { due: '2026-04-06', status: 'met', late: true, right: 4 },
    ],
  }),
  // B: received in March (not a referral of the quarter); one person informed in March, the other
  // on 1 April (the quarter's first day); indirect process from 15 April with two taking part;
  // closed 30 May without an agreement. Its deadlines fell due in March.
  base({
    referral: { receivedOn: '2026-03-20', source: 'Victim services' },
    stage: 'closed',
    offenceCategory: 'Criminal damage',
    leadFacilitatorId: 's_bea0000',
    processKind: 'indirect',
    rjInformedOn: ['2026-03-25', '2026-04-01'],
    takingPart: 2,
    indirectProcess: { startedOn: '2026-04-15' },
    closure: { outcome: 'completed-without-agreement', closedOn: '2026-05-30' },
    feedback: [{ givenOn: '2026-06-01', answers: { satisfiedWithOutcome: 2 }, overall: 4, role: 'harmed' }],
    deadlines: [
      { due: '2026-03-27', status: 'met', right: 3 },
      { due: '2026-03-24', status: 'met', right: 4 },
    ],
  }),
  // C: sensitive assault received 5 May; right 3 due 12 May and not met (overdue); right 4 met on
  // time; a preparation meeting held 20 May led by Alex.
  base({
    referral: { receivedOn: '2026-05-05', source: 'Police' },
    stage: 'preparation',
    offenceCategory: 'Assault',
    sensitive: true,
    leadFacilitatorId: 's_alex000',
    meetings: [{ kind: 'preparation', date: '2026-05-20', status: 'held', leadFacilitatorId: 's_alex000', participantIds: ['p_c1'] }],
    deadlines: [
      { due: '2026-05-12', status: 'overdue', right: 3 },
      { due: '2026-05-07', status: 'met', right: 4 },
    ],
  }),
  // D: received 29 June with no offence category; its deadlines fall due in July.
  base({
    referral: { receivedOn: '2026-06-29', source: 'Police' },
    offenceCategory: '',
    deadlines: [
      { due: '2026-07-06', status: 'open', right: 3 },
      { due: '2026-07-01', status: 'open', right: 4 },
    ],
  }),
  // E: received 20 April, withdrew 1 May: right 3 (due 27 April) never met, right 4 met late.
  base({
    referral: { receivedOn: '2026-04-20', source: 'Police' },
    stage: 'contact',
    offenceCategory: 'Burglary',
    exit: { kind: 'withdrawn', on: '2026-05-01' },
    closure: { outcome: 'withdrawn', closedOn: '2026-05-01' },
    deadlines: [
      { due: '2026-04-27', status: 'lapsed', right: 3 },
      { due: '2026-04-22', status: 'met', late: true, right: 4 },
    ],
  }),
  // F: the same quarter last year: received 10 April 2025, conference 1 May 2025, closed 20 May 2025.
  base({
    referral: { receivedOn: '2025-04-10', source: 'Police' },
    stage: 'closed',
    rjInformedOn: ['2025-04-11'],
    meetings: [{ kind: 'conference', date: '2025-05-01', status: 'held', participantIds: ['p_f1', 'p_f2', 'p_f3'] }],
    closure: { outcome: 'withdrawn', closedOn: '2025-05-20' },
  }),
  // G: the quarter before: received 15 January 2026, indirect process from 10 February.
  base({ referral: { receivedOn: '2026-01-15', source: 'Police' }, stage: 'process', indirectProcess: { startedOn: '2026-02-10' } }),
];
