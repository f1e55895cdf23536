import { defaultSettings, type Settings } from '../casebook/settings';
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
}

export interface SetUpFacts {
  settings: Settings;
  staff: readonly StaffMember[];
  venues: readonly Venue[];
  cases: number;
}

/**
 * The service step counts as done once the settings are no longer the ones the casebook was
 * created with (the administrator has been through them); staff once someone active can
 * facilitate (a practitioner level); venues once there is one.
 */
export function setUpChecklist(f: SetUpFacts): SetUpItem[] {
  const first = defaultSettings(f.settings.serviceName);
  const serviceChanged = JSON.stringify({ ...first, ...f.settings }) !== JSON.stringify(first);
  return [
    { step: 'service', done: serviceChanged },
    { step: 'staff', done: f.staff.some((s) => s.active && s.level !== undefined) },
    { step: 'venues', done: f.venues.length > 0 },
    { step: 'referral', done: f.cases > 0 },
  ];
}
