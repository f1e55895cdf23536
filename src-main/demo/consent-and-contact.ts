import type { Participant } from '../domain/cases/case';
import type { ConsentEntry } from '../domain/consent/consent';
import type { ContactEntry } from '../domain/contacts/contacts';
import { FEEDBACK_CONSENT_ELEMENT } from '../domain/outcomes/outcome-steps';
import { minutesToTime } from '../domain/time/london-time';
import { at, day } from './process-days';
import type { Random } from './prng';

/** A demo case's first contact with each party and the feedback consent everyone is asked for. */

/** The first contact with each of `parties`, on a day in [from, to] during office hours. */
export function withFirstContacts(r: Random, leadId: string, participants: Participant[], parties: readonly Participant[], from: number, to: number): Participant[] {
  const ids = new Set(parties.map((p) => p.id));
  return participants.map((p) => {
    if (!ids.has(p.id)) return p;
    const on = r.int(from, to);
    const minutes = r.int(9 * 2, 17 * 2 - 1) * 30;
    const entry: ContactEntry = {
      kind: 'contact',
      on: day(on),
      time: minutesToTime(minutes),
      method: r.weighted([['phone', 6], ['in-person', 2], ['video', 1], ['via-agency', 1]] as const),
      outcome: r.weighted([['information-given', 3], ['interested', 4], ['needs-time', 1]] as const),
      rjInformationGiven: true,
      by: leadId,
      recordedAt: at(on, minutes + 20),
    };
    return { ...p, contacts: [...(p.contacts ?? []), entry] };
  });
}

/** Consent element 9, asked of everyone: may the service ask them for feedback afterwards? */
export function withFeedbackConsent(r: Random, leadId: string, participants: Participant[], from: number, to: number): Participant[] {
  return participants.map((p) => {
    const on = r.int(from, to);
    const entry: ConsentEntry = {
      elementId: FEEDBACK_CONSENT_ELEMENT,
      version: 1,
      status: r.chance(0.75) ? 'given' : 'declined',
      on: day(on),
      method: 'signed-form',
      takenBy: leadId,
      recordedAt: at(on, r.int(10, 15) * 60),
    };
    return { ...p, consent: [...(p.consent ?? []), entry] };
  });
}

export function mayAskFeedback(p: Participant): boolean {
  return (p.consent ?? []).some((e) => e.elementId === FEEDBACK_CONSENT_ELEMENT && e.status === 'given');
}
