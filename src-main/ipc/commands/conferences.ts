import { z } from 'zod';
import { CaseViewSchema } from '../../domain/cases/case-view';
import { AttachmentRequestSchema, ChosenAttachmentSchema, LogWithAttachmentSchema } from '../../domain/conferences/attachments';
import { CalendarFileRequestSchema, CalendarMeetingSchema, CalendarQuerySchema } from '../../domain/conferences/calendar-query';
import { VenueInputSchema, VenueListSchema } from '../../domain/conferences/venue';
import type { CommandGroup } from '../command-spec';

/**
 * The restorative process across cases: venues, the calendar and its iCalendar export, and
 * the files of an indirect process. Changes to one case's process (booking a meeting,
 * recording a conference) are workflow commands carried by applyCaseCommand.
 */
const Saved = z.strictObject({ saved: z.boolean(), fileName: z.string() });

export const conferencesCommands = {
  saveVenue: {
    input: VenueInputSchema,
    output: VenueListSchema,
    access: 'manage-venues',
    summary: 'Add or change a venue where meetings are held',
  },
  getCalendar: {
    input: CalendarQuerySchema,
    output: z.array(CalendarMeetingSchema),
    access: 'read-cases',
    summary: 'Meetings of every case between two dates, optionally for one facilitator',
  },
  saveCalendar: {
    input: CalendarFileRequestSchema,
    output: Saved.extend({ meetings: z.number().int() }),
    access: 'export-calendar',
    summary: 'Save meetings as an iCalendar (.ics) file',
  },
  chooseAttachment: {
    input: z.strictObject({}),
    output: ChosenAttachmentSchema,
    access: 'attach-files',
    summary: 'Choose a file for an indirect-process log entry before saving it (kept in the main process)',
  },
  logWithAttachment: {
    input: LogWithAttachmentSchema,
    output: z.strictObject({ picked: z.boolean(), view: CaseViewSchema.optional() }),
    access: 'attach-files',
    summary: 'Add an entry to the indirect process log with the file chosen (or choose one now)',
  },
  saveAttachment: {
    input: AttachmentRequestSchema,
    output: Saved,
    access: 'save-attachments',
    summary: 'Save a copy of a file from the indirect process log',
  },
} as const satisfies CommandGroup;
