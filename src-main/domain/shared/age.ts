import { isCalendarDate, isLeapYear, makeDate, parts } from '../time/dates';

/**
 * The day a person born on `dob` reaches `years` years of age. In England and Wales someone
 * born on 29 February reaches a birthday in a common year on 1 March (the day after 28
 * February has ended), so that is the day used.
 */
export function birthdayAt(dob: string, years: number): string {
  const { y, m, d } = parts(dob);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeapYear(year)) return makeDate(year, 3, 1);
  return makeDate(year, m, d);
}

/** Whole years of age on a date. Undefined when the date of birth is unknown or after `on`. */
export function ageOn(dob: string | undefined, on: string): number | undefined {
  if (!dob || !isCalendarDate(dob) || !isCalendarDate(on) || dob > on) return undefined;
  const years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  return birthdayAt(dob, years) <= on ? years : years - 1;
}

/**
 * Under 18 on the given day. An unknown date of birth is not assumed to be a child: the
 * referral form asks for it, and vulnerability flags cover people whose age is not known.
 */
export function isUnder18(dob: string | undefined, on: string): boolean {
  const age = ageOn(dob, on);
  return age !== undefined && age < 18;
}
