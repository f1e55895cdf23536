import { birthdayAt } from '../../shared/age';
import { formatDate } from '../../time/dates';
import { ruleFor, type RecordKind, type RetentionRule, type RetentionRules } from './rules';

/**
 * When a record falls due for review under the retention schedule, which rule says so, and why
 * in a sentence a reviewer can check against the record ("Adult case closed 3 March 2019: kept
 * 7 years, due 3 March 2026"). Pure: the facts come from the case list and the registers.
 */

/** A case as the review needs it: from its case-list row, never its file. */
export interface CaseRetentionFacts {
  record: 'case';
  /** The day it closed, or ended early. */
  endedOn: string;
  /** True when it ended early (an exit) rather than being closed. */
  exited: boolean;
  /** Still at referral or screening when it ended: it never became a case. */
  atReferral: boolean;
  receivedOn: string;
  /** Dealt with out of court; undefined when the case list does not say (rows saved before it did). */
  outOfCourt: boolean | undefined;
  /** Everyone's date of birth the case records. */
  datesOfBirth: readonly string[];
}

export interface OtherRetentionFacts {
  record: 'staff' | 'complaint' | 'subject-access';
  /** Left, closed, completed. */
  endedOn: string;
}

export type RetentionFacts = CaseRetentionFacts | OtherRetentionFacts;

export interface RetentionDue {
  kind: RecordKind;
  rule: RetentionRule;
  /** The day the period starts. */
  from: string;
  due: string;
  isDue: boolean;
  why: string;
}

/**
 * The day `years` years after `from`: the same day, or 1 March when `from` is 29 February and
 * the year has none (as a birthday is counted), so a record is never due a day early.
 */
export function anniversary(from: string, years: number): string {
  return birthdayAt(from, years);
}

/** Which rule a case falls under. A case whose stage the case list does not record is taken as adult: the longer period. */
export function caseKind(f: CaseRetentionFacts): RecordKind {
  if (f.atReferral) return 'referral';
  if (f.outOfCourt === true && youngestUnder18(f) !== undefined) return 'youth-case';
  return 'adult-case';
}

/** The latest date of birth of anyone under 18 on the day the referral was received. */
function youngestUnder18(f: CaseRetentionFacts): string | undefined {
  let out: string | undefined;
  // Under 18 on the day of referral: their 18th birthday is after it (as age.ts counts birthdays).
  for (const dob of f.datesOfBirth) if (dob <= f.receivedOn && birthdayAt(dob, 18) > f.receivedOn && (out === undefined || dob > out)) out = dob;
  return out;
}

const ENDED: Record<OtherRetentionFacts['record'], string> = {
  staff: 'Staff record: left on',
  complaint: 'Complaint closed',
  'subject-access': 'Subject access request completed',
};

export function retentionDue(f: RetentionFacts, rules: RetentionRules, at: string): RetentionDue {
  const d = dueUnder(f, rules);
  return { ...d, isDue: at >= d.due };
}

/** When the record falls due and why, whatever the day asked about (the review caches it per row). */
export function dueUnder(f: RetentionFacts, rules: RetentionRules): Omit<RetentionDue, 'isDue'> {
  const kind = f.record === 'case' ? caseKind(f) : f.record;
  const rule = ruleFor(rules, kind);
  const kept = anniversary(f.endedOn, rule.keepYears);
  const years = `kept ${rule.keepYears} year${rule.keepYears === 1 ? '' : 's'}`;
  let due = kept;
  let why: string;
  if (f.record !== 'case') {
    why = `${ENDED[f.record]} ${formatDate(f.endedOn)}: ${years}, due ${formatDate(kept)}`;
  } else {
    const ended = `${f.exited ? 'ended' : 'closed'} ${formatDate(f.endedOn)}`;
    const youngest = kind === 'youth-case' ? youngestUnder18(f) : undefined;
    if (youngest !== undefined && rule.untilAge !== undefined) {
      const birthday = anniversary(youngest, rule.untilAge);
      due = birthday > kept ? birthday : kept;
      const later = birthday > kept ? `the young person is ${rule.untilAge} on ${formatDate(birthday)}, which is later` : `that is later than their ${rule.untilAge}th birthday on ${formatDate(birthday)}`;
      why = `Youth out-of-court case ${ended}: ${years} (${formatDate(kept)}) or until ${rule.untilAge}; ${later}: due ${formatDate(due)}`;
    } else {
      const what = kind === 'referral' ? 'Referral that did not go ahead' : kind === 'youth-case' ? 'Youth out-of-court case' : 'Adult case';
      why = `${what} ${ended}: ${years}, due ${formatDate(kept)}`;
    }
  }
  return { kind, rule, from: f.endedOn, due, why };
}
