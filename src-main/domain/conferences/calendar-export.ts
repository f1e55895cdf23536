import ical, { ICalEventStatus } from 'ical-generator';
import { isCalendarDate } from '../time/dates';
import { meetingInterval, type Meeting, type MeetingKind, type MeetingStatus } from './meeting';
import { findVenue, type Venue } from './venue';

/**
 * Meetings as an iCalendar file (RFC 5545) for Outlook, Google or Apple calendars, built with
 * ical-generator (folding at 75 octets, escaping, CRLF).
 *
 * Times are written in UTC (DTSTART:20260329T080000Z), converted from Europe/London wall-clock
 * by rule (london-time.ts). UTC is the cleanest correct choice for one-off events: every
 * calendar shows it in the reader's own zone, it needs no VTIMEZONE block, and it does not
 * depend on the host's zone data. (ical-generator's TZID mode formats a plain Date with the
 * host's local clock, which is wrong on any machine not set to London.)
 *
 * Calendars are synced to phones and shared with colleagues, so by default an event says only
 * what kind of meeting it is and the case reference: no names of people harmed or responsible.
 */
export interface IcsOptions {
  /** The instant of export, for DTSTAMP (ISO 8601). Passed in to keep this function pure. */
  now: string;
  venues: readonly Venue[];
  /** Case id → reference, like RJ-2026-0042. */
  caseReferences: Readonly<Record<string, string>>;
  /** Put first names in the title; off by default. */
  includeFirstNames?: boolean;
  /** Participant id → first name, used only with includeFirstNames. */
  firstNames?: Readonly<Record<string, string>>;
  calendarName?: string;
}

const KIND_TITLES: Record<MeetingKind, string> = {
  preparation: 'RJ preparation meeting',
  conference: 'RJ conference',
  'follow-up': 'RJ follow-up meeting',
};

/** Postponed meetings are not happening at that time; calendars hide CANCELLED events. */
const STATUSES: Record<MeetingStatus, ICalEventStatus> = {
  proposed: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
};

function own(map: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** The event title: "RJ conference RJ-2026-0042", with "(Siân, Łukasz)" only if asked. */
export function icsSummary(m: Pick<Meeting, 'kind' | 'caseId' | 'participantIds' | 'supporterIds'>, options: Pick<IcsOptions, 'caseReferences' | 'includeFirstNames' | 'firstNames'>): string {
  const ref = own(options.caseReferences, m.caseId);
  let title = ref ? `${KIND_TITLES[m.kind]} ${ref}` : KIND_TITLES[m.kind];
  if (options.includeFirstNames) {
    const names = [...m.participantIds, ...m.supporterIds].map((id) => own(options.firstNames, id)?.trim().split(/\s+/u)[0]).filter((n): n is string => !!n);
    if (names.length > 0) title += ` (${names.join(', ')})`;
  }
  return title;
}

/** Stable per meeting, so importing again updates the event instead of adding a copy. */
export function icsUid(meetingId: string): string {
  return `${meetingId}@rj-casebook`;
}

export function meetingsToIcs(meetings: readonly Meeting[], options: IcsOptions): string {
  const stamp = new Date(options.now);
  if (Number.isNaN(stamp.getTime())) throw new RangeError('The export time must be a date-time like 2026-03-14T10:00:00Z');
  const cal = ical({
    name: options.calendarName ?? 'RJ Casebook',
    prodId: { company: 'RJ Casebook', product: 'RJ Casebook', language: 'EN' },
  });
  for (const m of meetings) {
    const span = meetingInterval(m);
    if (!span) continue; // a start time that does not exist; the schema refuses these
    const venue = findVenue(options.venues, m.venueId);
    cal.createEvent({
      id: icsUid(m.id),
      stamp,
      start: new Date(span.start),
      end: new Date(span.end),
      summary: icsSummary(m, options),
      ...(venue ? { location: venue.name } : m.format === 'video' ? { location: 'Video call' } : m.format === 'phone' ? { location: 'Phone' } : {}),
      description: 'Details are in RJ Casebook.',
      status: STATUSES[m.status],
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one included.
  return `${cal.toString()}\r\n`;
}

export function meetingToIcs(meeting: Meeting, options: IcsOptions): string {
  return meetingsToIcs([meeting], options);
}

/** Meetings whose local date falls in [from, to], both inclusive, in start order. */
export function meetingsBetween<M extends Pick<Meeting, 'date' | 'start' | 'id'>>(meetings: readonly M[], from: string, to: string): M[] {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError('Enter the dates as YYYY-MM-DD, for example 2026-03-14.');
  if (to < from) throw new RangeError('The end date is before the start date: swap them.');
  return meetings
    .filter((m) => m.date >= from && m.date <= to)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
