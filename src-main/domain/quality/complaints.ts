import { z } from 'zod';
import { ReferenceSchema } from '../cases/case';
import { strictForm } from '../shared/strict-form';
import { requiredText, text } from '../shared/text';
import type { HolidayCalendar } from '../time/bank-holidays';
import { dateField } from '../time/dates';
import { addWorkingDays } from '../time/working-days';

/**
 * The complaints log (Victims' Code right 12: a complaint is acknowledged within 10 working
 * days). Lists show who complained by their part in the case (person harmed, person
 * responsible, supporter), never a name: the log is read by people who need to see whether
 * complaints were answered in time, not who made them.
 */
export const COMPLAINTS_REGISTER = 'complaints';
/** Victims' Code right 12. */
export const ACKNOWLEDGE_WITHIN_WORKING_DAYS = 10;

export const ComplaintIdSchema = z.string({ error: 'Choose a complaint' }).regex(/^cmp_[a-z0-9]{10,40}$/, { error: 'Choose a complaint from the log' });

export const COMPLAINANT_ROLES = ['harmed', 'responsible', 'supporter', 'other'] as const;
export type ComplainantRole = (typeof COMPLAINANT_ROLES)[number];
export const COMPLAINANT_ROLE_LABELS: Record<ComplainantRole, string> = { harmed: 'Person harmed', responsible: 'Person responsible', supporter: 'Supporter', other: 'Someone else' };

const complaintFields = {
  receivedOn: dateField('Received on'),
  from: z.enum(COMPLAINANT_ROLES, { error: 'From: choose person harmed, person responsible, supporter or someone else' }),
  about: requiredText('What the complaint is about', 2000),
  acknowledgedOn: dateField('Acknowledged on').optional(),
  outcome: text('Outcome', 4000).optional(),
  lessons: text('Lessons learned', 4000).optional(),
  closedOn: dateField('Closed on').optional(),
};

export const ComplaintSchema = z.strictObject({
  id: ComplaintIdSchema,
  ...complaintFields,
  /** The case it is about, when there is one (by id: a reference is looked up when it is recorded). */
  caseId: z.string().regex(/^c_[a-z0-9]{10,40}$/).optional(),
});
export type Complaint = z.infer<typeof ComplaintSchema>;

export const ComplaintsRegisterSchema = z.strictObject({ complaints: z.array(ComplaintSchema).max(10000) });
export type ComplaintsRegister = z.infer<typeof ComplaintsRegisterSchema>;
export const EMPTY_COMPLAINTS: ComplaintsRegister = { complaints: [] };

type Dated = { receivedOn?: string | undefined; acknowledgedOn?: string | undefined; closedOn?: string | undefined; outcome?: string | undefined };

/** The order the dates must come in, each problem on the later field, so the error sits on the field to fix. */
export function complaintOrderProblems(c: Dated): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  if (c.receivedOn && c.acknowledgedOn && c.acknowledgedOn < c.receivedOn) found.push({ path: 'acknowledgedOn', message: 'Acknowledged on must be on or after the day the complaint was received' });
  if (c.closedOn && !c.acknowledgedOn) found.push({ path: 'acknowledgedOn', message: 'Enter the day the complaint was acknowledged before closing it' });
  if (c.closedOn && c.acknowledgedOn && c.closedOn < c.acknowledgedOn) found.push({ path: 'closedOn', message: 'Closed on must be on or after the day the complaint was acknowledged' });
  if (c.closedOn && !c.outcome) found.push({ path: 'outcome', message: 'Enter the outcome before closing the complaint' });
  return found;
}

const inOrder = (c: Dated, ctx: z.RefinementCtx) => {
  for (const p of complaintOrderProblems(c)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
};

/** A complaint as it arrives; the case reference (optional) is checked against the case list by the service. */
export const RecordComplaintInputSchema = strictForm({ ...complaintFields, caseReference: ReferenceSchema.optional() }, 'the complaint').superRefine(inOrder);
export type RecordComplaintInput = z.infer<typeof RecordComplaintInputSchema>;

/** Acknowledge, add the outcome and lessons, close: a field left out stays as it is. */
export const UpdateComplaintInputSchema = strictForm(
  { id: ComplaintIdSchema, acknowledgedOn: complaintFields.acknowledgedOn, outcome: complaintFields.outcome, lessons: complaintFields.lessons, closedOn: complaintFields.closedOn },
  'the complaint',
);
export type UpdateComplaintInput = z.infer<typeof UpdateComplaintInputSchema>;

export const ListComplaintsInputSchema = strictForm({ at: dateField('The day to check').optional() }, 'the complaints query');
export type ListComplaintsInput = z.infer<typeof ListComplaintsInputSchema>;

/** Awaiting acknowledgement (due, or overdue from the day after the deadline), acknowledged, closed. */
export const COMPLAINT_STATUSES = ['due', 'overdue', 'acknowledged', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { due: 'Acknowledgement due', overdue: 'Acknowledgement overdue', acknowledged: 'Acknowledged', closed: 'Closed' };

/** The acknowledgement deadline: 10 working days after receipt (England and Wales bank holidays). */
export function acknowledgeBy(receivedOn: string, holidays: HolidayCalendar): string {
  return addWorkingDays(receivedOn, ACKNOWLEDGE_WITHIN_WORKING_DAYS, holidays);
}

/**
 * Where a complaint stands on `at`. `late`: acknowledged after the deadline, or still not
 * acknowledged once it has passed; a late acknowledgement stays late after it is closed.
 */
export function complaintStatus(c: Pick<Complaint, 'acknowledgedOn' | 'closedOn'>, due: string, at: string): { status: ComplaintStatus; late: boolean } {
  if (c.acknowledgedOn) return { status: c.closedOn ? 'closed' : 'acknowledged', late: c.acknowledgedOn > due };
  return at > due ? { status: 'overdue', late: true } : { status: 'due', late: false };
}

export const ComplaintRowSchema = ComplaintSchema.extend({
  caseReference: z.string().optional(),
  acknowledgeBy: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  late: z.boolean(),
});
export type ComplaintRow = z.infer<typeof ComplaintRowSchema>;
export const ComplaintListSchema = z.strictObject({ at: z.string(), complaints: z.array(ComplaintRowSchema) });
export type ComplaintList = z.infer<typeof ComplaintListSchema>;

/** Every complaint with its deadline and status: awaiting acknowledgement first (soonest due), then the newest. */
export function complaintRows(log: ComplaintsRegister, at: string, holidays: HolidayCalendar, referenceOf: (caseId: string) => string | undefined): ComplaintRow[] {
  const order: Record<ComplaintStatus, number> = { overdue: 0, due: 1, acknowledged: 2, closed: 3 };
  return log.complaints
    .map((c): ComplaintRow => {
      const due = acknowledgeBy(c.receivedOn, holidays);
      const ref = c.caseId ? referenceOf(c.caseId) : undefined;
      return { ...c, ...(ref ? { caseReference: ref } : {}), acknowledgeBy: due, ...complaintStatus(c, due, at) };
    })
    .sort((a, b) => order[a.status] - order[b.status] || (a.status === 'due' || a.status === 'overdue' ? a.acknowledgeBy.localeCompare(b.acknowledgeBy) : b.receivedOn.localeCompare(a.receivedOn)));
}

/**
 * For the figures: complaints received in the period (by the day received), and how many of
 * those were acknowledged late or are still not acknowledged after their deadline on `today`.
 */
export function complaintFigures(log: ComplaintsRegister, period: { from: string; to: string }, today: string, holidays: HolidayCalendar): { received: number; acknowledgedLate: number } {
  let received = 0;
  let acknowledgedLate = 0;
  for (const c of log.complaints) {
    if (c.receivedOn < period.from || c.receivedOn > period.to) continue;
    received++;
    if (complaintStatus(c, acknowledgeBy(c.receivedOn, holidays), today).late) acknowledgedLate++;
  }
  return { received, acknowledgedLate };
}
