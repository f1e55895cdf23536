import { z } from 'zod';
import { BookedSlotSchema } from '../cases/case-facts';
import { CaseIdSchema } from '../cases/stages';
import { strictForm } from '../shared/strict-form';
import { StaffIdSchema } from '../staff/staff';
import { dateField, daysBetween } from '../time/dates';
import { MeetingIdSchema } from './ids';

/** At most a year and a bit on one screen or in one file: a month grid shows six weeks. */
export const MAX_CALENDAR_DAYS = 400;

const queryShape = {
  from: dateField('From'),
  to: dateField('To'),
  facilitatorId: StaffIdSchema.optional(),
  caseId: CaseIdSchema.optional(),
  meetingId: MeetingIdSchema.optional(),
  hideInactive: z.boolean().optional(),
};

function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date is before the start date: swap them' });
  else if (daysBetween(q.from, q.to) > MAX_CALENDAR_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Choose at most ${MAX_CALENDAR_DAYS} days at a time` });
}

/** The meetings asked for: a range of days, optionally one facilitator, one case or one meeting. */
export const CalendarQuerySchema = strictForm(queryShape, 'the calendar query').superRefine(checkRange);
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;

/** The calendar file asked for: the query, and whether to put first names in the event titles. */
export const CalendarFileRequestSchema = strictForm({ ...queryShape, includeFirstNames: z.boolean().optional() }, 'the calendar query').superRefine(checkRange);
export type CalendarFileRequest = z.infer<typeof CalendarFileRequestSchema>;

/** A meeting as the calendar and the CLI list it: the case by reference (no names), venue and lead by name, nobody invited. */
export const CalendarMeetingSchema = z.strictObject({
  caseId: CaseIdSchema,
  reference: z.string(),
  sensitive: z.boolean(),
  meeting: BookedSlotSchema.omit({ participantIds: true, supporterIds: true, interpreter: true }),
  venueName: z.string().optional(),
  leadName: z.string().optional(),
  coName: z.string().optional(),
});
export type CalendarMeeting = z.infer<typeof CalendarMeetingSchema>;
