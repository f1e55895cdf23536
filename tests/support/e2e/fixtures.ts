import type { Case, Stage } from '../../../src-main/domain/cases/case';

/**
 * Small, valid cases to seed through the service (the UI cannot create cases yet). Names in
 * several scripts, because the UI must show them as typed.
 */
export function sampleCase(n: number, stage: Stage, harmed: [string, string], responsible: [string, string]): Case {
  const at = '2026-03-14T10:30:00.000Z';
  return {
    id: `c_e2etest${String(n).padStart(4, '0')}`,
    reference: `RJ-2026-${String(40 + n).padStart(4, '0')}`,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    stage,
    referral: {
      source: 'Police',
      referrerName: 'PC Amara Okafor',
      receivedOn: '2026-03-14',
      offenceCategory: n % 2 ? 'Burglary' : 'Criminal damage',
      offenceDescription: 'Entered the garden shed and took tools.',
      offenceDate: '2026-02-20',
      cjsStage: 'out-of-court',
      sensitive: [],
      priority: 'routine',
    },
    leadFacilitator: 'Jo Bloggs',
    participants: [
      { id: `p_h${n}abcdef`, role: 'harmed', person: { givenName: harmed[0], familyName: harmed[1] } },
      { id: `p_r${n}abcdef`, role: 'responsible', person: { givenName: responsible[0], familyName: responsible[1] } },
    ],
    timeline: [{ at, by: 'Jo Bloggs', kind: 'note', text: 'Referral received from the police.' }],
  };
}
