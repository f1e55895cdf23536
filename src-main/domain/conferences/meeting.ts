import { z } from 'zod';
import { CaseIdSchema } from '../cases/stages';
import { dateField, formatDate } from '../time/dates';
import { ParticipantIdSchema } from '../cases/participant-role';
import { StaffIdSchema } from '../staff/staff';
import { strictForm } from '../shared/strict-form';
import { personName, requiredText, text } from '../shared/text';
import { MeetingIdSchema, repeated, TimeSchema, VenueIdSchema } from './ids';
import { FIRST_MEETING_YEAR, LAST_MEETING_YEAR, londonToUtc, minutesToTime, utcToLondon } from '../time/london-time';

/**
 * Any meeting in a case: a preparation meeting with one party, the conference itself, or a
 * follow-up. Stored as the local date and start time people agreed (Europe/London) plus a
 * duration; instants are derived (london-time.ts) when meetings are compared or exported.
 */
export const MEETING_KINDS = ['preparation', 'conference', 'follow-up'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  preparation: 'Preparation meeting',
  conference: 'Conference',
  'follow-up': 'Follow-up meeting',
};

export const MEETING_STATUSES = ['proposed', 'confirmed', 'held', 'postponed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  proposed: 'Proposed',
  confirmed: 'Confirmed',
  held: 'Held',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
};

/** Postponed and cancelled meetings no longer hold anyone's time or a room. */
export const INACTIVE_STATUSES: readonly MeetingStatus[] = ['postponed', 'cancelled'];

export const MEETING_FORMATS = ['in-person', 'video', 'phone'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** Twelve hours: longer than any real conference, short enough to catch a typing slip. */
export const MAX_DURATION_MINUTES = 720;

/** Interpreters are usually booked through an agency, not kept as participants. */
export const InterpreterSchema = strictForm(
  {
    name: personName('Interpreter name'),
    language: requiredText('Interpreter language', 60),
    agency: text('Interpreting agency', 200).optional(),
  },
  'the interpreter',
);
export type Interpreter = z.infer<typeof InterpreterSchema>;

const ids = (label: string) => z.array(ParticipantIdSchema, { error: `${label} must be a list` }).max(50, { error: `At most 50 ${label.toLowerCase()}` });

export const MeetingFieldsSchema = strictForm(
  {
    id: MeetingIdSchema,
    caseId: CaseIdSchema,
    kind: z.enum(MEETING_KINDS, { error: `Choose the kind of meeting: ${MEETING_KINDS.join(', ')}` }),
    format: z.enum(MEETING_FORMATS, { error: `Choose how the meeting is held: ${MEETING_FORMATS.join(', ')}` }),
    date: dateField('Meeting date').refine((d) => d >= `${FIRST_MEETING_YEAR}-01-01` && d <= `${LAST_MEETING_YEAR}-12-31`, {
      error: `Meeting date must be between ${FIRST_MEETING_YEAR} and ${LAST_MEETING_YEAR}`,
    }),
    /** Local time in England and Wales, whatever the season. */
    start: TimeSchema,
    durationMinutes: z
      .number({ error: 'Enter the length of the meeting in minutes, like 90' })
      .int({ error: 'Enter the length in whole minutes' })
      .min(5, { error: 'A meeting lasts at least 5 minutes' })
      .max(MAX_DURATION_MINUTES, { error: `A meeting lasts at most ${MAX_DURATION_MINUTES / 60} hours; split a longer day into several meetings` }),
    /** Required in person; optional for video or phone (a facilitator may use a room). */
    venueId: VenueIdSchema.optional(),
    leadFacilitatorId: StaffIdSchema,
    coFacilitatorId: StaffIdSchema.optional(),
    participantIds: ids('Participants').min(1, { error: 'Choose at least one participant for the meeting' }),
    supporterIds: ids('Supporters'),
    interpreter: InterpreterSchema.optional(),
    status: z.enum(MEETING_STATUSES, { error: `Choose a status: ${MEETING_STATUSES.join(', ')}` }),
    /** Why it was postponed or cancelled; required for those statuses. */
    statusReason: text('Reason', 2_000).optional(),
    notes: text('Notes', 20_000).optional(),
  },
  'the meeting',
);

type MeetingFields = z.infer<typeof MeetingFieldsSchema>;

/** Every rule that spans fields; a list of (path, message) so forms can place each one. */
export function meetingProblems(m: MeetingFields): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const when = londonToUtc(m.date, m.start);
  // Malformed dates and times are reported by their own fields; only the skipped hour is new here.
  if (!when.ok && when.problem === 'skipped-hour') out.push({ path: 'start', message: when.reason });
  if (m.format === 'in-person' && m.venueId === undefined) out.push({ path: 'venueId', message: 'Choose a venue for a meeting in person' });
  if (m.coFacilitatorId !== undefined && m.coFacilitatorId === m.leadFacilitatorId) {
    out.push({ path: 'coFacilitatorId', message: 'The co-facilitator must be someone other than the lead facilitator' });
  }
  if (repeated(m.participantIds).length > 0) out.push({ path: 'participantIds', message: 'A participant is chosen twice: remove the repeat' });
  if (repeated(m.supporterIds).length > 0) out.push({ path: 'supporterIds', message: 'A supporter is chosen twice: remove the repeat' });
  if (m.supporterIds.some((id) => m.participantIds.includes(id))) {
    out.push({ path: 'supporterIds', message: 'Someone is chosen both as a participant and as a supporter: choose one' });
  }
  if ((m.status === 'postponed' || m.status === 'cancelled') && !m.statusReason) {
    out.push({ path: 'statusReason', message: `Say why the meeting was ${m.status}` });
  }
  return out;
}

export const MeetingSchema = MeetingFieldsSchema.superRefine((m, ctx) => {
  for (const p of meetingProblems(m)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
});
export type Meeting = z.infer<typeof MeetingSchema>;

export function isActive(m: Pick<Meeting, 'status'>): boolean {
  return !INACTIVE_STATUSES.includes(m.status);
}

/** Everyone from the case invited: participants and supporters. */
export function peopleInvited(m: Pick<Meeting, 'participantIds' | 'supporterIds'>): string[] {
  return [...m.participantIds, ...m.supporterIds];
}

export function staffBooked(m: Pick<Meeting, 'leadFacilitatorId' | 'coFacilitatorId'>): string[] {
  return m.coFacilitatorId === undefined ? [m.leadFacilitatorId] : [m.leadFacilitatorId, m.coFacilitatorId];
}

/**
 * The meeting as a half-open interval of UTC milliseconds [start, end), or undefined for a
 * start time that does not exist (the schema refuses those, so only unchecked data has one).
 */
export function meetingInterval(m: Pick<Meeting, 'date' | 'start' | 'durationMinutes'>): { start: number; end: number } | undefined {
  const r = londonToUtc(m.date, m.start);
  return r.ok ? { start: r.utcMs, end: r.utcMs + m.durationMinutes * 60_000 } : undefined;
}

/** Local end date and time. On the day the clocks change a 2-hour meeting may end at 10:00 or 12:00 by the clock. */
export function meetingEnd(m: Pick<Meeting, 'date' | 'start' | 'durationMinutes'>): { date: string; time: string } {
  const i = meetingInterval(m);
  if (!i) {
    const [h, mi] = m.start.split(':').map(Number);
    return { date: m.date, time: minutesToTime((h ?? 0) * 60 + (mi ?? 0) + m.durationMinutes) };
  }
  return utcToLondon(i.end);
}

/** "Conference on 29 March 2026, 09:00–11:00", for messages and lists; no names. */
export function describeMeeting(m: Pick<Meeting, 'kind' | 'date' | 'start' | 'durationMinutes'>): string {
  const end = meetingEnd(m);
  const endText = end.date === m.date ? end.time : `${end.time} on ${formatDate(end.date)}`;
  return `${MEETING_KIND_LABELS[m.kind]} on ${formatDate(m.date)}, ${m.start}–${endText}`;
}
