import type { Settings } from '../casebook/settings';
import type { StaffMember } from '../staff/staff';
import type { Venue } from '../conferences/venue';

/**
 * The first-run checklist (issue 14): on an empty casebook, what to set up before the first
 * referral, in order, so no one meets "Assign a lead facilitator from the staff list" without
 * knowing why. Each step is done when the casebook shows it.
 */
export type SetUpStep = 'service' | 'staff' | 'venues' | 'referral';

export interface SetUpItem {
  step: SetUpStep;
  done: boolean;
  /** The service step only: whether a logo is set. Optional, so the step is done without one. */
  logo?: boolean;
}

export interface SetUpFacts {
  settings: Settings;
  staff: readonly StaffMember[];
  venues: readonly Venue[];
  cases: number;
}

/**
 * The service step counts as done once the service's address and a phone number or email
 * address are in the settings (letters print them); staff once someone active can facilitate
 * (a practitioner level); venues once there is one. The logo is optional: the service step
 * says whether one is set, and is done without it.
 */
export function setUpChecklist(f: SetUpFacts): SetUpItem[] {
  const s = f.settings;
  const serviceDetails = !!s.serviceAddress && (!!s.servicePhone || !!s.serviceEmail);
  return [
    { step: 'service', done: serviceDetails, logo: !!s.logo },
    { step: 'staff', done: f.staff.some((s) => s.active && s.level !== undefined) },
    { step: 'venues', done: f.venues.length > 0 },
    { step: 'referral', done: f.cases > 0 },
  ];
}
