import type { CaseSummary } from '../../domain/cases/case';
import type { BookedSlot } from '../../domain/cases/process-context';
import { meetingsBetween } from '../../domain/conferences/calendar-export';
import type { CalendarMeeting, CalendarQuery } from '../../domain/conferences/calendar-query';
import type { Casework } from '../cases/context';
import { allMeetings } from '../cases/facts';
import { mayOpenRow, visibleRows } from '../cases/case-access';

/** A meeting of the calendar with who is invited: what the iCalendar export needs, never sent to the screen. */
export type CalendarEntry = Omit<CalendarMeeting, 'meeting'> & { meeting: BookedSlot };

/** Meetings in the period from the case list, in start order; one pass over the rows. */
export function calendarMeetings(cw: Casework, q: CalendarQuery): CalendarEntry[] {
  const staff = new Map(cw.s.index.staff.map((m) => [m.id, m.name]));
  const venues = new Map(cw.s.index.venues.map((v) => [v.id, v.name]));
  // Only the cases the person may see (case-access.ts): a meeting names its case.
  const rows: CaseSummary[] = q.caseId ? [cw.s.summaries.get(q.caseId)].filter((r): r is CaseSummary => r !== undefined && mayOpenRow(cw.s, r)) : visibleRows(cw.s);
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
