import type { CaseView } from '../../domain/cases/case-view';
import type { AttachmentRequest, ChosenAttachment, LogWithAttachment } from '../../domain/conferences/attachments';
import type { CalendarFileRequest, CalendarMeeting, CalendarQuery } from '../../domain/conferences/calendar-query';
import type { Venue, VenueInput } from '../../domain/conferences/venue';

export interface SaveResult {
  saved: boolean;
  fileName: string;
}

/**
 * The restorative process across cases, reached as `service.conferences`: venues, the
 * calendar and its iCalendar export, and the files of an indirect process. The calendar reads
 * the case list's rows only, so it stays quick at 10,000 cases.
 */
export interface ConferencesApi {
  saveVenue(input: VenueInput): Promise<Venue[]>;
  getCalendar(q: CalendarQuery): CalendarMeeting[];
  saveCalendar(q: CalendarFileRequest): Promise<SaveResult & { meetings: number }>;
  /** Choose a file for the indirect-log form before saving (held in main; the form gets a token, the name and size). */
  chooseAttachment(): Promise<ChosenAttachment>;
  /** Log an indirect-process entry with the file chosen (a token), or choose one now; picked false when cancelled. */
  logWithAttachment(input: LogWithAttachment): Promise<{ picked: boolean; view?: CaseView }>;
  /** Save a copy of an attachment the case's log names, where the user chooses. */
  saveAttachment(input: AttachmentRequest): Promise<SaveResult>;
}
