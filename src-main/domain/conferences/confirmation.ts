import { allow, refuse, type Decision } from '../shared/decision';
import { peopleInvited, type Meeting } from './meeting';

/**
 * A conference may be confirmed only when everyone invited from the case, supporters too, has
 * given the consent the process needs and has a risk assessment that has been signed off.
 * Casework works those facts out (consent.ts, risk.ts); this rule takes them as plain input so
 * it stays independent of how they are recorded.
 */
export interface ParticipantReadiness {
  /** As the person is addressed in messages, like "Siân Williams". */
  name: string;
  consentComplete: boolean;
  riskSignedOff: boolean;
}

/** Participant id → readiness. */
export type Readiness = Readonly<Record<string, ParticipantReadiness>>;

export interface ConfirmationOptions {
  /** Sensitive cases need a co-facilitator at every conference (product.md). */
  coFacilitatorRequired?: boolean;
}

function lookup(readiness: Readiness, id: string): ParticipantReadiness | undefined {
  // Own properties only: an id must never find Object.prototype's members.
  return Object.hasOwn(readiness, id) ? readiness[id] : undefined;
}

/**
 * Ok with the meeting marked confirmed, or every reason it cannot be, in plain English.
 * Preparation and follow-up meetings happen before or after consent, so only conferences are
 * checked; they still need to be proposed (or rescheduled after postponement) to be confirmed.
 */
export function canConfirmConference<M extends Pick<Meeting, 'kind' | 'status' | 'participantIds' | 'supporterIds' | 'coFacilitatorId'>>(
  meeting: M,
  readiness: Readiness,
  options: ConfirmationOptions = {},
): Decision<M & { status: 'confirmed' }> {
  const problems: string[] = [];
  if (meeting.status === 'held') problems.push('This meeting has already been held.');
  if (meeting.status === 'cancelled') problems.push('This meeting was cancelled: schedule a new one instead.');
  if (meeting.kind === 'conference') {
    let unknown = 0;
    for (const id of new Set(peopleInvited(meeting))) {
      const r = lookup(readiness, id);
      if (!r) {
        unknown++;
        continue;
      }
      if (!r.consentComplete) problems.push(`${r.name} has not yet given consent to take part in the conference.`);
      if (!r.riskSignedOff) problems.push(`${r.name}'s risk assessment has not been signed off.`);
    }
    if (unknown > 0) {
      problems.push(`${unknown === 1 ? 'One person' : `${unknown} people`} invited ${unknown === 1 ? 'has' : 'have'} no consent or risk assessment recorded in this case.`);
    }
    if (options.coFacilitatorRequired && meeting.coFacilitatorId === undefined) {
      problems.push('This is a sensitive case: assign a co-facilitator before confirming the conference.');
    }
  }
  if (problems.length > 0) return refuse(...problems);
  return allow({ ...meeting, status: 'confirmed' as const });
}
