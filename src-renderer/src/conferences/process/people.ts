import type { Participant } from '../../../../src-main/domain/cases/case';
import type { Meeting } from '../../../../src-main/domain/conferences/meeting';
import { findVenue, type Venue } from '../../../../src-main/domain/conferences/venue';
import type { Choice } from '../../shared/components/ChoiceFields';
import { nameAndRole, newParticipantId, staffName, who, type CaseContext } from '../../cases/shared';

/**
 * Names and choices the process screens share: who is in a meeting, who may be invited, and
 * where it is. Meetings hold ids only; these turn them into words.
 */

/** "m_" and 16 lower-case letters or digits, from the same generator as participant ids. */
export function newMeetingId(): string {
  return `m_${newParticipantId().slice(2)}${newParticipantId().slice(2, 8)}`;
}

export function personName(ctx: CaseContext, id: string): string {
  const p = ctx.c.participants.find((x) => x.id === id);
  return p ? who(p) : 'Someone no longer in the case';
}

export function names(ctx: CaseContext, ids: readonly string[]): string {
  return ids.map((id) => personName(ctx, id)).join(', ');
}

/** "Siân Evans (lead), Tom Okafor (co-facilitator)". */
export function facilitators(ctx: CaseContext, m: Pick<Meeting, 'leadFacilitatorId' | 'coFacilitatorId'>): string {
  const lead = `${staffName(ctx.reference, m.leadFacilitatorId)} (lead)`;
  return m.coFacilitatorId ? `${lead}, ${staffName(ctx.reference, m.coFacilitatorId)} (co-facilitator)` : lead;
}

export function venueOf(ctx: CaseContext, id: string | undefined): Venue | undefined {
  return findVenue(ctx.reference.venues, id);
}

/**
 * People who can be invited as parties (everyone but supporters) or as supporters, as
 * checkbox choices. Someone no longer taking part is offered only if already chosen.
 */
export function inviteChoices(ctx: CaseContext, supporters: boolean, chosen: readonly string[]): Choice[] {
  return ctx.c.participants
    .filter((p) => (p.role === 'supporter') === supporters)
    .filter((p) => p.takesPart !== false || chosen.includes(p.id))
    .map((p: Participant) => ({ value: p.id, label: nameAndRole(p, ctx.labels) }));
}

/** react-hook-form gives a checkbox group as a list, one ticked box as a string, none as false. */
export function ticked(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((x): x is string => typeof x === 'string');
  return typeof value === 'string' && value ? [value] : [];
}
