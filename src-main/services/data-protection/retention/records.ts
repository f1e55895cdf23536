import { formatDate } from '../../../domain/time/dates';
import { anonymisedCases, caseThings, type ReviewedThing } from '../../../domain/data-protection/retention/review';
import { EMPTY_RETENTION, RETENTION_REGISTER, RetentionRegisterSchema, type RetentionRegister } from '../../../domain/data-protection/retention/register';
import type { Store } from '../../../store/store';
import { readComplaints } from '../../quality/complaints';
import { readStaffRegister } from '../../staff/register-file';
import { readSubjectAccess } from '../subject-access';

/** The retention register (registers/retention.cbk). */
export function readRetention(s: Store): Promise<RetentionRegister> {
  return s.registers.read(RETENTION_REGISTER, RetentionRegisterSchema, EMPTY_RETENTION);
}

/**
 * Every record the schedule covers that has ended: cases from the case list (not their files),
 * leavers from the staff register, closed complaints and finished subject access requests.
 * Labels name a case by reference and a request or complaint by its date, never a participant.
 */
export async function reviewedThings(s: Store, reg: RetentionRegister): Promise<ReviewedThing[]> {
  const things = caseThings(s.summaries.all(), anonymisedCases(reg));
  const register = await readStaffRegister(s);
  for (const m of s.index.staff) {
    const ended = register[m.id]?.ended;
    if (!m.active && ended) things.push({ record: { kind: 'staff', id: m.id }, label: `Staff record: ${m.name}`, facts: { record: 'staff', endedOn: ended } });
  }
  for (const c of (await readComplaints(s)).complaints) {
    if (c.closedOn) things.push({ record: { kind: 'complaint', id: c.id }, label: `Complaint received ${formatDate(c.receivedOn)}`, facts: { record: 'complaint', endedOn: c.closedOn } });
  }
  const sar = await readSubjectAccess(s);
  for (const r of sar.requests) {
    const ended = r.completedOn ?? r.closedWithoutBundleOn;
    if (ended) things.push({ record: { kind: 'subject-access', id: r.id }, label: `Subject access request received ${formatDate(r.receivedOn)}`, facts: { record: 'subject-access', endedOn: ended } });
  }
  return things;
}
