import type { Case } from './case';
import type { CaseworkSettings } from '../casebook/casework-settings';
import type { ConsentElement } from '../consent/consent';
import type { Meeting } from '../conferences/meeting';
import type { Venue } from '../conferences/venue';
import type { StaffMember } from '../staff/staff';
import type { HolidayCalendar } from '../time/bank-holidays';

/**
 * What the process commands decide against, beyond the case itself. The service gathers it:
 * the venue list from settings, and the meetings of every other case (from the case list's
 * rows, so scheduling never has to open 10,000 files) for double-booking checks.
 */
export interface ProcessContext {
  now: string;
  today: string;
  staff: readonly StaffMember[];
  settings: Pick<CaseworkSettings, 'riskApproverRole'>;
  consentElements: readonly ConsentElement[];
  venues?: readonly Venue[];
  /** Meetings of other cases (any status; inactive ones are skipped by the conflict check), with their case's reference. */
  otherMeetings?: readonly (BookedSlot & { caseReference?: string })[];
  /** Bank holidays, so a clash can offer the next free working-day slot (next-free-slot.ts). */
  holidays?: HolidayCalendar;
}

/** A meeting as the case list keeps it for other cases: enough to find a clash, nothing else. */
export type BookedSlot = Pick<
  Meeting,
  'id' | 'kind' | 'format' | 'date' | 'start' | 'durationMinutes' | 'status' | 'venueId' | 'leadFacilitatorId' | 'coFacilitatorId' | 'participantIds' | 'supporterIds' | 'interpreter'
>;

/** One change to a case: the new case, and the timeline event that says what happened. */
export interface CaseChange {
  next: Case;
  kind: string;
  text: string;
  /** Names the audit entry adds to the changed fields ("self-sign-off"): never values. */
  marks?: string[];
}
