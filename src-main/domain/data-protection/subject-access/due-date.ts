import type { HolidayCalendar } from '../../time/bank-holidays';
import { addDays, addMonths, dayOfWeek, daysBetween, formatDate } from '../../time/dates';
import { holidayName, nextWorkingDay } from '../../time/working-days';
import type { SubjectAccessRequest } from './request';

/**
 * When a subject access request must be answered (UK GDPR Article 12(3), as the ICO counts it):
 *
 * - one calendar month from the day the clock starts: the same day of the next month, or that
 *   month's last day when it has none (received 31 January → 28 or 29 February);
 * - the clock starts on the day the request is received, or, when proof of identity was asked
 *   for, on the day it was received and checked;
 * - it stops while the service waits for clarification: the days between asking and the
 *   answer are added back (a question asked before the clock started stops nothing);
 * - an extension adds one or two months to that original deadline, by the same month rule;
 * - a deadline on a weekend or bank holiday moves to the next working day. Only the final date
 *   moves: the extension counts from the calendar deadline, not from the working day it moved to.
 *
 * Dates are `YYYY-MM-DD` strings, so clock changes cannot move a deadline.
 */
export type SubjectAccessDates = Pick<
  SubjectAccessRequest,
  'receivedOn' | 'identityAskedOn' | 'identityCheckedOn' | 'clarificationAskedOn' | 'clarificationReceivedOn' | 'earlierClarifications' | 'extension' | 'completedOn' | 'closedWithoutBundleOn'
>;

export interface SubjectAccessDeadline {
  /** The day the month is counted from: received, or identity checked. */
  clockStartsOn: string;
  /** Days the clock stood still waiting for clarification. */
  pausedDays: number;
  /** One month on, plus the days paused, before any extension. */
  originalDue: string;
  /** The original deadline plus the extension (the same as originalDue without one). */
  calendarDue: string;
  /** The day the answer is due: calendarDue, or the next working day after it. */
  due: string;
  /** Why `due` is later than `calendarDue`: "Saturday", "Christmas Day". */
  movedBecause?: string;
}

/** The clock is waiting for something the requester has to send: no deadline runs yet. */
export function waitingFor(r: SubjectAccessDates): 'identity' | 'clarification' | undefined {
  if (r.identityAskedOn && !r.identityCheckedOn) return 'identity';
  if (r.clarificationAskedOn && !r.clarificationReceivedOn) return 'clarification';
  return undefined;
}

/** Where the clock starts: receipt, or the day identity was checked when proof was asked for. */
export function clockStartsOn(r: SubjectAccessDates): string | undefined {
  if (!r.identityAskedOn) return r.receivedOn;
  return r.identityCheckedOn;
}

/** Every clarification asked and answered, the current one last. */
export function clarificationsOf(r: SubjectAccessDates): { askedOn: string; receivedOn: string }[] {
  const done = [...(r.earlierClarifications ?? [])];
  if (r.clarificationAskedOn && r.clarificationReceivedOn) done.push({ askedOn: r.clarificationAskedOn, receivedOn: r.clarificationReceivedOn });
  return done;
}

/** The days the clock stood still after it started: the part of each clarification wait after the start. */
export function pausedDays(r: SubjectAccessDates, start: string): number {
  let days = 0;
  for (const c of clarificationsOf(r)) {
    const from = c.askedOn > start ? c.askedOn : start;
    if (c.receivedOn > from) days += daysBetween(from, c.receivedOn);
  }
  return days;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The deadline, or undefined while the clock has not started (identity asked for, not yet
 * checked) or is stopped (clarification asked for, not yet received). Throws the working-day
 * calculator's RangeError for a date past the bank-holiday data.
 */
export function subjectAccessDeadline(r: SubjectAccessDates, holidays: HolidayCalendar): SubjectAccessDeadline | undefined {
  const start = clockStartsOn(r);
  if (!start || waitingFor(r)) return undefined;
  const paused = pausedDays(r, start);
  const originalDue = addDays(addMonths(start, 1), paused);
  const calendarDue = r.extension ? addMonths(originalDue, r.extension.months) : originalDue;
  const due = nextWorkingDay(calendarDue, holidays);
  const movedBecause = due === calendarDue ? undefined : (holidayName(calendarDue, holidays) ?? WEEKDAYS[dayOfWeek(calendarDue)]);
  return { clockStartsOn: start, pausedDays: paused, originalDue, calendarDue, due, ...(movedBecause ? { movedBecause } : {}) };
}

/** How the due date was reached: "One month from 31 January 2026; 28 February 2026 is a Saturday, so due the next working day." */
export function explainDeadline(d: SubjectAccessDeadline, extensionMonths?: number): string {
  const steps = [`One month from ${formatDate(d.clockStartsOn)}`];
  if (d.pausedDays > 0) steps.push(`${d.pausedDays} ${d.pausedDays === 1 ? 'day' : 'days'} added while waiting for clarification`);
  if (extensionMonths) steps.push(`extended by ${extensionMonths} ${extensionMonths === 1 ? 'month' : 'months'} from ${formatDate(d.originalDue)}`);
  const why = d.movedBecause === undefined ? '' : WEEKDAYS.includes(d.movedBecause) ? `a ${d.movedBecause}` : `${d.movedBecause}, a bank holiday`;
  const moved = why ? `; ${formatDate(d.calendarDue)} is ${why}, so due the next working day` : '';
  return `${steps.join(', ')}${moved}.`;
}

/**
 * An extension is decided, and the requester told with the reason, within the first month
 * (Article 12(3)): on or before the deadline it extends. The problem sits on the decision's date.
 */
export function extensionProblems(r: SubjectAccessDates, holidays: HolidayCalendar): { path: string; message: string }[] {
  if (!r.extension) return [];
  const { extension, ...unextended } = r;
  const original = subjectAccessDeadline(unextended, holidays);
  if (!original || extension.decidedOn <= original.due) return [];
  return [{ path: 'extension.decidedOn', message: `${formatDate(extension.decidedOn)} is after the request was due (${formatDate(original.due)}): an extension is decided, and the requester told, within the first month` }];
}

/** Awaiting identity or clarification, in progress, due within a week, overdue, extended, completed, closed without a bundle. */
export const SUBJECT_ACCESS_STATUSES = ['awaiting-identity', 'awaiting-clarification', 'in-progress', 'due-soon', 'overdue', 'extended', 'completed', 'closed'] as const;
export type SubjectAccessStatus = (typeof SUBJECT_ACCESS_STATUSES)[number];
export const SUBJECT_ACCESS_STATUS_LABELS: Record<SubjectAccessStatus, string> = {
  'awaiting-identity': 'Awaiting proof of identity',
  'awaiting-clarification': 'Awaiting clarification',
  'in-progress': 'In progress',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  extended: 'Extended',
  completed: 'Completed',
  closed: 'Closed without a bundle',
};
/** "Due soon": a week or less left, so the bundle can still be put together and checked. */
export const DUE_SOON_DAYS = 7;

export interface SubjectAccessStanding {
  status: SubjectAccessStatus;
  deadline?: SubjectAccessDeadline;
  /** Calendar days from `at` to the deadline (negative once past), while the request is open. */
  daysLeft?: number;
  /** Answered after the deadline, or still open after it. */
  late: boolean;
}

/**
 * Where a request stands on `at`. A request overdue or due soon says so even when it was
 * extended: the extension is the reason the date is later, the urgency is what to act on.
 */
export function subjectAccessStanding(r: SubjectAccessDates, at: string, holidays: HolidayCalendar): SubjectAccessStanding {
  const deadline = subjectAccessDeadline(r, holidays);
  const d = deadline ? { deadline } : {};
  if (r.completedOn) return { status: 'completed', ...d, late: !!deadline && r.completedOn > deadline.due };
  if (r.closedWithoutBundleOn) return { status: 'closed', ...d, late: false };
  const waiting = waitingFor(r);
  if (waiting === 'identity') return { status: 'awaiting-identity', late: false };
  if (waiting === 'clarification') return { status: 'awaiting-clarification', late: false };
  if (!deadline) return { status: 'in-progress', late: false };
  const daysLeft = daysBetween(at, deadline.due);
  const status: SubjectAccessStatus = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due-soon' : r.extension ? 'extended' : 'in-progress';
  return { status, deadline, daysLeft, late: daysLeft < 0 };
}
