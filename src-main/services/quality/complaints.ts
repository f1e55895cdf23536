import { requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import {
  acknowledgeBy,
  complaintFigures,
  complaintOrderProblems,
  complaintRows,
  COMPLAINTS_REGISTER,
  ComplaintsRegisterSchema,
  EMPTY_COMPLAINTS,
  type Complaint,
  type ComplaintList,
  type ComplaintRow,
  type ComplaintsRegister,
  type ListComplaintsInput,
  type RecordComplaintInput,
  type UpdateComplaintInput,
} from '../../domain/quality/complaints';
import { formatDate } from '../../domain/time/dates';
import { newId } from '../../store/ids';
import type { Store } from '../../store/store';
import type { Casework } from '../cases/context';
import { invalidInput } from '../shared/errors';

/**
 * The complaints log in registers/complaints.cbk. The contract has parsed the input and checked
 * the order of its own dates; here the dates are checked against today, the case reference
 * against the case list, and an update against the complaint as recorded.
 */
const invalid = (path: string, message: string) => invalidInput([{ path, message }]);
const DATE_FIELDS = ['receivedOn', 'acknowledgedOn', 'closedOn'] as const;
const WORDS: Record<(typeof DATE_FIELDS)[number], string> = { receivedOn: 'received', acknowledgedOn: 'acknowledged', closedOn: 'closed' };

export function readComplaints(s: Store): Promise<ComplaintsRegister> {
  return s.registers.read(COMPLAINTS_REGISTER, ComplaintsRegisterSchema, EMPTY_COMPLAINTS);
}

function referenceOf(s: Store): (caseId: string) => string | undefined {
  return (id) => s.summaries.get(id)?.reference;
}

function notInFuture(cw: Casework, c: Partial<Record<(typeof DATE_FIELDS)[number], string | undefined>>): void {
  for (const f of DATE_FIELDS) {
    const d = c[f];
    if (d !== undefined && d > cw.today) throw invalid(f, `${formatDate(d)} is in the future: enter the day the complaint was ${WORDS[f]}.`);
  }
}

function rowOf(cw: Casework, c: Complaint): ComplaintRow {
  return complaintRows({ complaints: [c] }, cw.today, cw.t.holidays, referenceOf(cw.s))[0]!;
}

async function save(cw: Casework, log: ComplaintsRegister, c: Complaint, action: string, fields: string[]): Promise<ComplaintRow> {
  const s = cw.s;
  const checked = ComplaintsRegisterSchema.parse({ complaints: [...log.complaints.filter((x) => x.id !== c.id), c] });
  await s.registers.save(COMPLAINTS_REGISTER, checked, [s.draft(action, { type: 'complaint', id: c.id }, fields)]);
  return rowOf(cw, c);
}

export async function listComplaints(cw: Casework, input: ListComplaintsInput): Promise<ComplaintList> {
  requireCapability(cw.s.user.role, 'manage-complaints');
  const at = input.at ?? cw.today;
  return { at, complaints: complaintRows(await readComplaints(cw.s), at, cw.t.holidays, referenceOf(cw.s)) };
}

export async function recordComplaint(cw: Casework, input: RecordComplaintInput): Promise<ComplaintRow> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-complaints');
  notInFuture(cw, input);
  try {
    acknowledgeBy(input.receivedOn, cw.t.holidays);
  } catch (e) {
    // A date outside the bank-holiday data: the deadline could not be counted, so say which field.
    if (e instanceof RangeError) throw invalid('receivedOn', e.message);
    throw e;
  }
  const { caseReference, ...fields } = input;
  let caseId: string | undefined;
  if (caseReference !== undefined) {
    caseId = s.summaries.all().find((r) => r.reference === caseReference)?.id;
    if (!caseId) throw invalid('caseReference', `There is no case ${caseReference} in this casebook: check the reference, or leave it out.`);
  }
  const c: Complaint = { id: newId('cmp'), ...fields, ...(caseId ? { caseId } : {}) };
  const log = await readComplaints(s);
  return save(cw, log, c, 'complaint.record', Object.keys(input));
}

export async function updateComplaint(cw: Casework, input: UpdateComplaintInput): Promise<ComplaintRow> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-complaints');
  notInFuture(cw, input);
  const log = await readComplaints(s);
  const before = log.complaints.find((c) => c.id === input.id);
  if (!before) throw new CasebookError('NOT_FOUND', 'That complaint is not in the log. Reload the page.');
  const { id: _id, ...patch } = input;
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const after: Complaint = { ...before, ...given };
  const problems = complaintOrderProblems(after);
  if (problems.length > 0) throw invalidInput(problems);
  const changed = Object.keys(given).filter((k) => before[k as keyof Complaint] !== after[k as keyof Complaint]);
  if (changed.length === 0) return rowOf(cw, before);
  return save(cw, log, after, 'complaint.update', changed);
}

/** Complaints received in the period and those acknowledged late, for the figures. */
export async function complaintsCounted(cw: Casework, period: { from: string; to: string }): Promise<{ received: number; acknowledgedLate: number }> {
  return complaintFigures(await readComplaints(cw.s), period, cw.today, cw.t.holidays);
}
