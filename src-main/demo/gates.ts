import type { Participant, ParticipantRole } from '../domain/cases/case';
import type { ConsentEntry } from '../domain/consent/consent';
import type { RiskAssessment } from '../domain/risk/risk-record';
import { ASSESSMENT, at, CONSENT, day, isMinor, PREPARATION, PROCESS } from './process-days';
import type { Random } from './prng';

/**
 * What the workflow's gates ask of a demo case before it moves on (domain/cases/workflow-gates.ts):
 * a signed-off risk assessment for everyone taking part before preparation, and their consent
 * before the process. Without them a demo case could sit at "process" with neither, which the
 * app never allows and an import refuses (case-file-rules.ts).
 */

/** The risk factors of templates/casework/risk-factors.yaml, with the roles each applies to (all when left out). */
const RISK_FACTORS: readonly (readonly [string, (readonly ParticipantRole[])?])[] = [
  ['physical-safety'], ['emotional-harm'], ['re-victimisation'], ['power-imbalance'], ['motivation'], ['acknowledgement', ['responsible']], ['mental-health'],
  ['substance-misuse'], ['communication-needs'], ['age-capacity'], ['ongoing-relationship'], ['multi-agency'], ['safeguarding'], ['facilitator-safety'], ['venue-travel'],
];

/** The consent elements of templates/casework/consent-elements.yaml each role must give; "signatures" also needs a parent for an under-18. */
const EVERYONE: readonly ParticipantRole[] = ['harmed', 'responsible', 'supporter', 'parent-guardian', 'other'];
const PARTIES: readonly ParticipantRole[] = ['harmed', 'responsible', 'parent-guardian'];
const CONSENT_ELEMENTS: readonly [string, readonly ParticipantRole[]][] = [
  ['process-explained', EVERYONE], ['voluntary', EVERYONE], ['confidentiality', EVERYONE], ['information-sharing', PARTIES],
  ['supporters', ['harmed', 'responsible', 'supporter', 'parent-guardian']], ['records-and-recordings', EVERYONE], ['outcome-agreement', PARTIES],
  ['data-protection', EVERYONE], ['signatures', EVERYONE],
];

/**
 * Everyone's first risk assessment once the case reached preparation, dated between reaching
 * assessment and preparation; their consent once it reached the process (and half the time
 * while at the consent stage), dated between reaching consent and the process.
 */
export function withGates(
  r: Random,
  c: { si: number; exited: boolean; leadId: string; approverId: string; receivedDay: number; indirectOnly: boolean; stageDay: (i: number) => number },
  participants: Participant[],
): Participant[] {
  let out = withRiskAssessments(r, c, participants, c.stageDay(ASSESSMENT), c.stageDay(PREPARATION));
  if (c.si >= PROCESS || (c.si === CONSENT && !c.exited && r.chance(0.5))) out = withProcessConsent(r, c.leadId, out, c.receivedDay, c.stageDay(CONSENT), c.stageDay(PROCESS));
  return out;
}

/** A first assessment for each participant, on a day in [from, to], signed off by the coordinator the next working hour. */
function withRiskAssessments(r: Random, o: { leadId: string; approverId: string; indirectOnly: boolean }, participants: Participant[], from: number, to: number): Participant[] {
  return participants.map((p) => {
    const on = r.int(from, Math.max(from, to));
    const minutes = r.int(10, 15) * 60;
    const entry: RiskAssessment = {
      version: 1,
      assessedOn: day(on),
      assessedBy: o.leadId,
      factors: RISK_FACTORS.filter(([, roles]) => !roles || roles.includes(p.role)).map(([factorId]) => ({ factorId, rating: r.chance(0.85) ? 'low' : 'medium' })),
      decision: o.indirectOnly ? 'indirect-only' : 'direct',
      reviewOn: day(on + 182),
      signOff: { by: o.approverId, role: 'coordinator', at: at(on, minutes + 60) },
      recordedAt: at(on, minutes),
    };
    return { ...p, risk: [...(p.risk ?? []), entry] };
  });
}

/** Consent to every element their role needs, on one day in [from, to]; an under-18's signature co-signed by their parent. */
function withProcessConsent(r: Random, leadId: string, participants: Participant[], receivedDay: number, from: number, to: number): Participant[] {
  const parent = participants.find((p) => p.role === 'parent-guardian');
  return participants.map((p) => {
    const on = r.int(from, Math.max(from, to));
    const minor = isMinor(p, receivedDay) && parent !== undefined;
    const entries: ConsentEntry[] = CONSENT_ELEMENTS.filter(([, roles]) => roles.includes(p.role)).map(([elementId]) => ({
      elementId,
      version: 1,
      status: 'given',
      on: day(on),
      method: 'signed-form',
      takenBy: leadId,
      ...(elementId === 'signatures' && minor ? { parentGuardianId: parent.id } : {}),
      recordedAt: at(on, 11 * 60),
    }));
    return { ...p, consent: [...(p.consent ?? []), ...entries] };
  });
}
