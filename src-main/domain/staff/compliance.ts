import { addDays, addMonths, daysBetween, formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { levelAtLeast, PRACTITIONER_LEVEL_LABELS } from './ids';
import type { ComplianceCheck, ComplianceStatus, ServiceCompliance, StaffCompliance } from './compliance-schema';
import { practisingOn, registeredShare } from './in-post';
import type { QualityRules } from './quality-rules';
import type { SupervisionKind } from './register';
import type { StaffRecord } from './record';

/**
 * The RJC's practitioner rules for one person on one day, as pure functions of their record and
 * the rules file (templates/quality/rules.yaml). Every check says when it falls due and why,
 * in words a quality lead can paste into a chasing email.
 */

/** Overdue the day after it falls due; due soon within the rules' window; met before that. */
export function statusByDue(due: string, at: string, rules: QualityRules): ComplianceStatus {
  if (at > due) return 'overdue';
  return daysBetween(at, due) <= rules.dueSoonDays ? 'due-soon' : 'met';
}

/** "today", "3 days ago", "14 weeks ago". */
export function ago(date: string, at: string): string {
  const days = daysBetween(date, at);
  if (days === 0) return 'today';
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} ago`;
  return `${Math.floor(days / 7)} weeks ago`;
}

const dueWords = (due: string, at: string) => (at > due ? `was due by ${formatDate(due)}` : `next due by ${formatDate(due)}`);

const latest = (dates: readonly string[], at: string): string | undefined => dates.filter((d) => d <= at).sort().at(-1);

/** A check that repeats: counted from the last time, or from the start date when there has been none. */
function periodic(rule: ComplianceCheck['rule'], what: string, last: string | undefined, m: StaffRecord, at: string, dueAfter: (from: string) => string, rules: QualityRules): ComplianceCheck {
  if (last) {
    const due = dueAfter(last);
    return { rule, status: statusByDue(due, at, rules), due, detail: `last ${what} ${ago(last, at)}, on ${formatDate(last)}; ${dueWords(due, at)}` };
  }
  if (m.started) {
    const due = dueAfter(m.started);
    return { rule, status: statusByDue(due, at, rules), due, detail: `no ${what} recorded since starting on ${formatDate(m.started)}; first ${dueWords(due, at).replace('next ', '')}` };
  }
  return { rule, status: 'not-met', due: null, detail: `no ${what} recorded, and no start date to count from` };
}

export function supervisionCheck(m: StaffRecord, at: string, rules: QualityRules): ComplianceCheck {
  const last = latest((m.supervision ?? []).filter((s) => s.kind === 'case').map((s) => s.date), at);
  return periodic('supervision', 'case supervision', last, m, at, (d) => addDays(d, rules.supervision.everyWeeks * 7), rules);
}

export function observedPracticeCheck(m: StaffRecord, at: string, rules: QualityRules): ComplianceCheck {
  const last = latest((m.observed ?? []).map((o) => o.date), at);
  return periodic('observed-practice', 'observed practice', last, m, at, (d) => addMonths(d, rules.observedPractice.everyMonths), rules);
}

const hoursText = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, '')} hour${h === 1 ? '' : 's'}`;

/**
 * CPD over the rolling 12 months up to and including `at`, against the level held on `at` for
 * the whole year (not pro rata: rules.yaml says so). No due date: the year moves every day.
 */
export function cpdChecks(m: StaffRecord, at: string, rules: QualityRules): ComplianceCheck[] {
  if (!m.level) return [];
  const from = addMonths(at, -12);
  const entries = (m.cpd ?? []).filter((e) => e.date > from && e.date <= at);
  const total = entries.reduce((n, e) => n + e.hours, 0);
  const approved = entries.filter((e) => e.rjcApproved).reduce((n, e) => n + e.hours, 0);
  const required = rules.cpd.hoursByLevel[m.level];
  const approvedRequired = required * rules.cpd.approvedShare;
  const year = `in the 12 months to ${formatDate(at)}`;
  return [
    { rule: 'cpd-hours', status: total >= required ? 'met' : 'not-met', due: null, detail: `${hoursText(total)} of CPD ${year}, of ${hoursText(required)} required at ${PRACTITIONER_LEVEL_LABELS[m.level]}` },
    { rule: 'cpd-approved', status: approved >= approvedRequired ? 'met' : 'not-met', due: null, detail: `${hoursText(approved)} of RJC-approved CPD ${year}, of ${hoursText(approvedRequired)} required` },
  ];
}

export function registrationCheck(m: StaffRecord, at: string, rules: QualityRules): ComplianceCheck {
  const r = m.registration;
  if (!r) return { rule: 'registration', status: 'not-met', due: null, detail: 'not registered with the RJC' };
  if (r.registeredOn > at) return { rule: 'registration', status: 'not-met', due: null, detail: `registered with the RJC only from ${formatDate(r.registeredOn)}` };
  const status = statusByDue(r.renewalDue, at, rules);
  const when = status === 'overdue' ? `renewal was due on ${formatDate(r.renewalDue)}` : `renewal due ${formatDate(r.renewalDue)}`;
  return { rule: 'registration', status, due: r.renewalDue, detail: `${PRACTITIONER_LEVEL_LABELS[r.level]}, number ${r.number}; ${when}` };
}

export function dbsCheck(m: StaffRecord, at: string, rules: QualityRules): ComplianceCheck {
  const d = m.dbs;
  if (!d || d.certificateDate > at) return { rule: 'dbs', status: 'not-met', due: null, detail: 'no DBS check recorded' };
  const what = `certificate of ${formatDate(d.certificateDate)}`;
  // The update service is checked continually, so the certificate does not age.
  if (d.updateService) return { rule: 'dbs', status: 'met', due: null, detail: `${what}, on the update service` };
  const due = addMonths(d.certificateDate, rules.dbs.recheckEveryMonths);
  return { rule: 'dbs', status: statusByDue(due, at, rules), due, detail: `${what}; recheck ${dueWords(due, at).replace('next ', '')}` };
}

export function staffCompliance(m: StaffRecord, at: string, rules: QualityRules): StaffCompliance {
  const checks = [supervisionCheck(m, at, rules), observedPracticeCheck(m, at, rules), ...cpdChecks(m, at, rules), registrationCheck(m, at, rules), dbsCheck(m, at, rules)];
  return { staffId: m.id, name: m.name, level: m.level ?? null, checks };
}

/** Every practitioner in post on `at` (leavers and administration-only staff left out), and the registered share. */
export function serviceCompliance(staff: readonly StaffRecord[], at: string, rules: QualityRules): ServiceCompliance {
  const share = registeredShare(staff, at, rules);
  const practising = staff.filter((m) => practisingOn(m, at)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { at, registeredShare: share.share, registeredShareMet: share.met, counted: share.counted, registered: share.registered, staff: practising.map((m) => staffCompliance(m, at, rules)) };
}

/**
 * Case Supervisor Code: a case supervisor holds the rules' registration level (Advanced),
 * current on the day. Line management has no such rule. The reason names both people.
 */
export function checkSupervisor(supervisee: StaffRecord, supervisor: StaffRecord | undefined, kind: SupervisionKind, date: string, rules: QualityRules): Decision<StaffRecord> {
  if (!supervisor) return refuse('The supervisor is not on the staff list.');
  if (supervisor.id === supervisee.id) return refuse(`${supervisee.name} cannot supervise themselves.`);
  if (kind === 'line') return allow(supervisor);
  const need = PRACTITIONER_LEVEL_LABELS[rules.supervision.supervisorLevel];
  const r = supervisor.registration;
  const code = `the RJC's Case Supervisor Code asks for a supervisor with ${need} registration`;
  if (!r || r.registeredOn > date || r.renewalDue < date) return refuse(`${supervisor.name} cannot be recorded as case supervisor: ${code}, and they held no current RJC registration on ${formatDate(date)}.`);
  if (!levelAtLeast(r.level, rules.supervision.supervisorLevel)) return refuse(`${supervisor.name} cannot be recorded as case supervisor: ${code}, and they are registered at ${PRACTITIONER_LEVEL_LABELS[r.level]}.`);
  return allow(supervisor);
}
