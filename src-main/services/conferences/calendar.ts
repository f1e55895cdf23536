import { z } from 'zod';
import type { CaseSummary } from '../../domain/cases/case';
import type { BookedSlot } from '../../domain/cases/process-context';
import { dateField, daysBetween } from '../../domain/time/dates';
import { CasebookError } from '../../domain/shared/errors';
import { meetingsBetween } from '../../domain/conferences/calendar-export';
import { MeetingIdSchema } from '../../domain/conferences/ids';
import { CaseIdSchema } from '../../domain/cases/stages';
import { StaffIdSchema } from '../../domain/staff/staff';
import { strictForm } from '../../domain/shared/strict-form';
import type { Casework } from '../cases/context';
import { fromZod } from '../shared/errors';
import { allMeetings } from '../cases/facts';

/** At most a year and a bit on one screen or in one file: a month grid shows six weeks. */
export const MAX_CALENDAR_DAYS = 400;

export const CalendarQuerySchema = strictForm(
  {
    from: dateField('From'),
    to: dateField('To'),
    facilitatorId: StaffIdSchema.optional(),
    caseId: CaseIdSchema.optional(),
    meetingId: MeetingIdSchema.optional(),
    hideInactive: z.boolean().optional(),
  },
  'the calendar query',
);
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;

/** A meeting as the screen and the CLI list it: without who is invited. */
export type ListedMeeting = Omit<CalendarMeeting, 'meeting'> & { meeting: Omit<BookedSlot, 'participantIds' | 'supporterIds' | 'interpreter'> };

/** A meeting as the calendar shows it: the case by reference (no names), the venue and lead by name. */
export interface CalendarMeeting {
  caseId: string;
  reference: string;
  sensitive: boolean;
  meeting: BookedSlot;
  venueName?: string;
  leadName?: string;
  coName?: string;
}

export function parseCalendarQuery(input: unknown): CalendarQuery {
  const parsed = CalendarQuerySchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  if (q.to < q.from) throw new CasebookError('INVALID_INPUT', 'The end date is before the start date: swap them.', { issues: [{ path: 'to', message: 'The end date is before the start date' }] });
  if (daysBetween(q.from, q.to) > MAX_CALENDAR_DAYS) throw new CasebookError('INVALID_INPUT', `Choose at most ${MAX_CALENDAR_DAYS} days at a time.`, { issues: [{ path: 'to', message: `At most ${MAX_CALENDAR_DAYS} days` }] });
  return q;
}

/** Meetings in the period from the case list, in start order; one pass over the rows. */
export function calendarMeetings(cw: Casework, q: CalendarQuery): CalendarMeeting[] {
  const staff = new Map(cw.s.index.staff.map((m) => [m.id, m.name]));
  const venues = new Map(cw.s.index.venues.map((v) => [v.id, v.name]));
  const rows: CaseSummary[] = q.caseId ? [cw.s.summaries.get(q.caseId)].filter((r): r is CaseSummary => r !== undefined) : cw.s.summaries.all();
  const found: (BookedSlot & { row: CaseSummary })[] = [];
  for (const { row, meeting: m } of allMeetings(rows)) {
    if (m.date < q.from || m.date > q.to) continue;
    if (q.meetingId && m.id !== q.meetingId) continue;
    if (q.facilitatorId && m.leadFacilitatorId !== q.facilitatorId && m.coFacilitatorId !== q.facilitatorId) continue;
    if (q.hideInactive && (m.status === 'postponed' || m.status === 'cancelled')) continue;
    found.push({ ...m, row });
  }
  return meetingsBetween(found, q.from, q.to).map(({ row, ...m }) => {
    const venueName = m.venueId ? venues.get(m.venueId) : undefined;
    const leadName = staff.get(m.leadFacilitatorId);
    const coName = m.coFacilitatorId ? staff.get(m.coFacilitatorId) : undefined;
    return { caseId: row.id, reference: row.reference, sensitive: row.sensitive, meeting: m, ...(venueName ? { venueName } : {}), ...(leadName ? { leadName } : {}), ...(coName ? { coName } : {}) };
  });
}
