import { z } from 'zod';
import { BookedSlotSchema } from '../../domain/cases/case-facts';
import { CaseIdSchema } from '../../domain/cases/stages';
import type { Figures } from '../../domain/figures/figures';
import { VenueListSchema } from '../../domain/conferences/venue';
import type { Role } from '../../domain/access/roles';
import { CalendarQuerySchema } from '../../services/conferences/calendar';
import { PeriodSchema } from '../../services/figures/figures';
import { VenueInputSchema } from '../../services/conferences/venues';
import { AttachmentRequestSchema, LogWithAttachmentSchema } from '../../services/conferences/attachments';
import { CaseViewSchema } from './cases';
import type { CommandSpec } from '../contract';

/**
 * The restorative process across cases (issue 5). Changes to one case's process (booking a
 * meeting, recording a conference, the agreement, closure, feedback) are workflow commands
 * carried by applyCaseCommand; these are the views and exports over every case, and venues.
 */
const ALL: readonly Role[] = ['administrator', 'coordinator', 'facilitator', 'quality-lead'];
const CASEWORK: readonly Role[] = ['administrator', 'coordinator', 'facilitator'];
const MANAGE: readonly Role[] = ['administrator', 'coordinator'];

const computed = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

export const CalendarMeetingSchema = z.strictObject({
  caseId: CaseIdSchema,
  reference: z.string(),
  sensitive: z.boolean(),
  /** What the grid shows: who is invited stays in the main process (the grid names nobody). */
  meeting: BookedSlotSchema.omit({ participantIds: true, supporterIds: true, interpreter: true }),
  venueName: z.string().optional(),
  leadName: z.string().optional(),
  coName: z.string().optional(),
});

const Saved = z.strictObject({ saved: z.boolean(), fileName: z.string() });

export const processCommands = {
  saveVenue: {
    input: VenueInputSchema,
    output: VenueListSchema,
    access: MANAGE,
    summary: 'Add or change a venue where meetings are held',
  },
  getCalendar: {
    input: CalendarQuerySchema,
    output: z.array(CalendarMeetingSchema),
    access: ALL,
    summary: 'Meetings of every case between two dates, optionally for one facilitator',
  },
  saveCalendar: {
    input: CalendarQuerySchema.extend({ includeFirstNames: z.boolean().optional() }),
    output: Saved.extend({ meetings: z.number().int() }),
    access: CASEWORK,
    summary: 'Save meetings as an iCalendar (.ics) file',
  },
  getFigures: {
    input: PeriodSchema,
    output: computed<Figures>(),
    access: ALL,
    summary: 'Figures for a period: referrals, conferences, agreements, satisfaction, timeliness',
  },
  logWithAttachment: {
    input: LogWithAttachmentSchema,
    output: z.strictObject({ picked: z.boolean(), view: CaseViewSchema.optional() }),
    access: CASEWORK,
    summary: 'Choose a file and add it to the indirect process log with an entry',
  },
  saveAttachment: {
    input: AttachmentRequestSchema,
    output: Saved,
    access: CASEWORK,
    summary: 'Save a copy of a file from the indirect process log',
  },
  saveFiguresCsv: {
    input: PeriodSchema,
    output: Saved,
    access: ALL,
    summary: 'Save the figures for a period as CSV',
  },
} as const satisfies Record<string, CommandSpec>;
