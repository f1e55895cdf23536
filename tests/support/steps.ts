import { factorsFor } from '../../src-main/domain/risk/risk';
import type { WorkflowCommand } from '../../src-main/domain/cases/workflow';
import type { CaseworkReference } from '../../src-main/domain/cases/case-view';
import type { ParticipantRole } from '../../src-main/domain/cases/case';

/**
 * Workflow commands as the case screens send them, built from the reference data the forms get.
 * None names who did it: who signs is who is signed in (w.as(…) in tests/support/casebook.ts).
 */
export function steps(ref: CaseworkReference) {
  return {
    contact: (participantId: string, on = '2026-03-10'): WorkflowCommand => ({
      type: 'record-contact',
      participantId,
      entry: { kind: 'contact', on, method: 'phone', outcome: 'information-given', rjInformationGiven: true, notes: 'Explained the process; keen to meet.' },
    }),
    assess: (participantId: string, role: ParticipantRole, o: { high?: boolean; decision?: 'direct' | 'indirect-only' } = {}): WorkflowCommand => ({
      type: 'assess-risk',
      participantId,
      assessedOn: '2026-03-11',
      factors: factorsFor(ref.riskFactors, role).map((f, i) => ({
        factorId: f.id,
        rating: i === 0 && o.high ? 'high' : 'low',
        ...(i === 0 && o.high ? { mitigation: 'A support worker attends; separate arrival times.' } : {}),
      })),
      decision: o.decision ?? 'direct',
      reviewOn: '2026-06-11',
    }),
    consentAll: (participantId: string): WorkflowCommand[] =>
      ref.consentElements.map((e) => ({ type: 'record-consent', participantId, elementId: e.id, status: 'given', on: '2026-03-12', method: 'signed-form' })),
    signOff: (participantId: string): WorkflowCommand => ({ type: 'sign-off-risk', participantId, confirmSelfSignOff: true }),
  };
}
