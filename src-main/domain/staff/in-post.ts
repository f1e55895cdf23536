import { addMonths } from '../time/dates';
import type { QualityRules } from './quality-rules';
import type { StaffRecord } from './record';

/**
 * Who the RJC's rules apply to on a day, and who the Registered Service Provider share counts.
 * Dates compare as YYYY-MM-DD text, which orders them as the calendar does.
 */

/** In post on `at`: started by then (or no start recorded) and not yet left. */
export function inPost(m: StaffRecord, at: string): boolean {
  if (m.started !== undefined && m.started > at) return false;
  if (m.ended !== undefined) return m.ended >= at;
  // Marked inactive before the register recorded leaving dates: treat as gone.
  return m.active;
}

/** The practitioner code applies to staff who hold a practitioner level and are in post. */
export function practisingOn(m: StaffRecord, at: string): boolean {
  return m.level !== undefined && inPost(m, at);
}

/**
 * Counted for the registered share: practitioners in post (staff who only do administration
 * hold no level and are left out), and volunteers only once they have delivered for the
 * rules' months. A volunteer with no start date cannot show those months, so is not counted.
 */
export function countedForShare(m: StaffRecord, at: string, rules: QualityRules): boolean {
  if (!practisingOn(m, at)) return false;
  if (m.employment !== 'volunteer') return true;
  return m.started !== undefined && addMonths(m.started, rules.registeredShare.volunteersCountedAfterMonths) <= at;
}

/** RJC-registered on `at`: registered by then and the renewal not yet passed. */
export function registeredOn(m: StaffRecord, at: string): boolean {
  const r = m.registration;
  return r !== undefined && r.registeredOn <= at && r.renewalDue >= at;
}

/** The registered share among those counted; 0 when no one is counted (no service to speak of yet). */
export function registeredShare(staff: readonly StaffRecord[], at: string, rules: QualityRules): { counted: number; registered: number; share: number; met: boolean } {
  const counted = staff.filter((m) => countedForShare(m, at, rules));
  const registered = counted.filter((m) => registeredOn(m, at)).length;
  const share = counted.length === 0 ? 0 : registered / counted.length;
  return { counted: counted.length, registered, share, met: counted.length > 0 && share >= rules.registeredShare.minimum };
}
