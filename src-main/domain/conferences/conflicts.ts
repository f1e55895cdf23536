import { addDays } from '../time/dates';
import { fold } from '../shared/fold';
import { describeMeeting, isActive, meetingInterval, peopleInvited, staffBooked, type Meeting } from './meeting';
import { findVenue, type Venue } from './venue';

/**
 * Double bookings, caught before a meeting is saved. Two meetings clash when both are active
 * (not postponed or cancelled), their times overlap as half-open intervals (a meeting ending at
 * 11:00 does not clash with one starting at 11:00), and they share a facilitator, a person from
 * the case (as participant or supporter, in either role), the interpreter or the venue.
 * Times are compared as UTC instants, so meetings either side of a clock change compare right.
 */
export type ClashKind = 'facilitator' | 'participant' | 'supporter' | 'interpreter' | 'venue';

export interface Clash {
  kind: ClashKind;
  /** Staff id, participant id, venue id, or the interpreter's name folded for comparison. */
  id: string;
  /** The meeting already booked. */
  meetingId: string;
  /** Plain English for the form's error summary. */
  message: string;
}

export interface ConflictOptions {
  /** Names for staff and participants, so messages can say who; otherwise a role is named. */
  nameOf?: (id: string) => string | undefined;
  /** The reference of the case a booked meeting belongs to, when it is another case's. */
  caseOf?: (meetingId: string) => string | undefined;
}

type Timed = Pick<Meeting, 'id' | 'kind' | 'date' | 'start' | 'durationMinutes' | 'status' | 'venueId' | 'leadFacilitatorId' | 'coFacilitatorId' | 'participantIds' | 'supporterIds' | 'interpreter'>;

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function interpreterKey(m: Pick<Meeting, 'interpreter'>): string | undefined {
  return m.interpreter ? fold(m.interpreter.name) : undefined;
}

const ROLE_WORDS: Record<ClashKind, string> = {
  facilitator: 'A facilitator',
  participant: 'A participant',
  supporter: 'A supporter',
  interpreter: 'The interpreter',
  venue: 'The venue',
};

function message(kind: ClashKind, who: string | undefined, other: Timed, caseRef: string | undefined): string {
  const subject = who ? (kind === 'venue' ? who : `${who} (${kind})`) : ROLE_WORDS[kind];
  return `${subject} is already booked at that time: ${describeMeeting(other)}${caseRef ? ` (case ${caseRef})` : ''}.`;
}

/**
 * Every clash between `candidate` and the meetings already booked, one per shared person or
 * venue per meeting. The candidate's own earlier version (same id) is skipped, so editing a
 * meeting does not clash with itself.
 */
export function findConflicts<M extends Timed>(candidate: Timed, existing: readonly M[], venues: readonly Venue[], options: ConflictOptions = {}): Clash[] {
  if (!isActive(candidate)) return [];
  const span = meetingInterval(candidate);
  if (!span) return [];
  const staff = new Set(staffBooked(candidate));
  const participants = new Set(candidate.participantIds);
  const supporters = new Set(candidate.supporterIds);
  const interpreter = interpreterKey(candidate);
  const out: Clash[] = [];
  // No meeting lasts more than a day, so only those starting the day before, on the day or the
  // day after can overlap: compared as date strings before any time is worked out, which keeps
  // a booking quick against the tens of thousands of meetings of a large service.
  const dayBefore = addDays(candidate.date, -1);
  const dayAfter = addDays(candidate.date, 1);
  for (const other of existing) {
    if (other.date < dayBefore || other.date > dayAfter) continue;
    if (other.id === candidate.id || !isActive(other)) continue;
    const otherSpan = meetingInterval(other);
    if (!otherSpan || !overlaps(span, otherSpan)) continue;
    const ref = options.caseOf?.(other.id);
    const add = (kind: ClashKind, id: string, who: string | undefined) => out.push({ kind, id, meetingId: other.id, message: message(kind, who, other, ref) });
    for (const id of new Set(staffBooked(other))) if (staff.has(id)) add('facilitator', id, options.nameOf?.(id));
    for (const id of new Set(peopleInvited(other))) {
      if (participants.has(id)) add('participant', id, options.nameOf?.(id));
      else if (supporters.has(id)) add('supporter', id, options.nameOf?.(id));
    }
    if (interpreter !== undefined && interpreterKey(other) === interpreter) add('interpreter', interpreter, candidate.interpreter?.name);
    if (candidate.venueId !== undefined && other.venueId === candidate.venueId) add('venue', candidate.venueId, findVenue(venues, candidate.venueId)?.name);
  }
  return out;
}
