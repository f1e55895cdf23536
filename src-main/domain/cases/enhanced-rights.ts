import type { Participant } from './case';
import { isUnder18 } from '../shared/age';

/**
 * Enhanced rights under the Victims' Code, worked out in one place for the deadlines, the
 * case screen and the documents. They are a victim's rights: only a person harmed has them,
 * never the person responsible or a supporter, even when those are under 18 or vulnerable
 * (their own needs are shown as what they are: "Under 18", a vulnerability).
 *
 * The reasons say why, in words a practitioner reads ("under 18", "intimidated victim"):
 * under 18 on the day in question (the Code counts every child as vulnerable), each
 * vulnerability flag, and otherwise the service's own judgement ("marked as entitled").
 */
export const MARKED_AS_ENTITLED = 'marked as entitled';

export function enhancedRightsReasons(p: Pick<Participant, 'role' | 'person'>, on: string): string[] {
  if (p.role !== 'harmed') return [];
  const reasons: string[] = [];
  const under18 = isUnder18(p.person.dateOfBirth, on);
  if (under18) reasons.push('under 18');
  for (const v of p.person.vulnerabilities ?? []) {
    const said = v.toLowerCase();
    // The under-18 flag the referral adds itself says the same as the date of birth.
    if (!reasons.includes(said) && !(said === 'under 18' && under18)) reasons.push(said);
  }
  if (reasons.length === 0 && p.person.enhancedRights === true) reasons.push(MARKED_AS_ENTITLED);
  return reasons;
}

export function hasEnhancedRights(p: Pick<Participant, 'role' | 'person'>, on: string): boolean {
  return enhancedRightsReasons(p, on).length > 0;
}

