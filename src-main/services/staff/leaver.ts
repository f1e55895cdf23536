import type { AuditDraft } from '../../domain/casebook/audit';
import { requireCapability } from '../../domain/access/capabilities';
import type { Case } from '../../domain/cases/case';
import { isEndedRow, isMyCase } from '../../domain/cases/caseload';
import { applyCommandMarked } from '../../domain/cases/workflow';
import { handOverCommand } from '../../domain/daily-work/reassign';
import type { MarkLeaverInput, MarkLeaverResult } from '../../domain/staff/leaver';
import { recordOf, type StaffRecord } from '../../domain/staff/record';
import { registerPart, STAFF_REGISTER, StaffRegisterSchema } from '../../domain/staff/register';
import { findStaff, isPractitioner, StaffListSchema, type StaffMember } from '../../domain/staff/staff';
import { formatDate } from '../../domain/time/dates';
import { changedFields } from '../cases/changed-fields';
import { workflowContext, type Casework } from '../cases/context';
import { summaryRow } from '../cases/view';
import { invalidInput } from '../shared/errors';
import { readStaffRegister, staffRecordOf } from './register-file';

/**
 * Someone leaves: the day they left goes on their register record, they are marked inactive
 * on the staff list (they stay on it: old cases and past years' evidence name them), and,
 * when a successor is named, every open case they lead or co-facilitate moves to that person.
 * All of it is one commit, so a leaver is never half-recorded with their cases left behind.
 *
 * Coordinators, quality leads and administrators ('manage-staff'): it changes the staff list and who works
 * on cases, which are theirs to decide ('assign-team'); quality leads keep the register but do
 * not hand out casework.
 */
const invalid = (path: string, message: string) => invalidInput([{ path, message }]);

/** The person taking the cases over: active, a practitioner, and not the leaver. */
function successorOf(staff: readonly StaffMember[], leaver: StaffMember, id: string): StaffMember {
  if (id === leaver.id) throw invalid('reassignTo', `Choose someone other than ${leaver.name} to take over their cases.`);
  const to = findStaff(staff, id);
  if (!to) throw invalid('reassignTo', 'The person to take over the cases is not on the staff list.');
  if (!to.active) throw invalid('reassignTo', `${to.name} is no longer active: choose someone who is still working here to take over the cases.`);
  if (!isPractitioner(to)) throw invalid('reassignTo', `${to.name} is not a practitioner, so cannot lead or co-facilitate cases.`);
  return to;
}

/** The open cases moved to the successor, each with its audit entry; refused as a whole if any one cannot move. */
async function reassigned(cw: Casework, leaver: StaffMember, to: StaffMember): Promise<{ cases: Case[]; drafts: AuditDraft[] }> {
  const s = cw.s;
  const rows = s.summaries.all().filter((r) => !isEndedRow(r) && isMyCase(r, leaver.id));
  const ctx = workflowContext(cw);
  const cases: Case[] = [];
  const drafts: AuditDraft[] = [];
  for (const row of rows) {
    const c = await s.readCase(row.id);
    const d = applyCommandMarked(c, handOverCommand(c, leaver.id, to.id), ctx);
    if (!d.ok) throw invalid('reassignTo', `Case ${row.reference} cannot move to ${to.name}: ${d.reason} Choose someone else, or move that case first.`);
    const next: Case = { ...d.value.case, revision: c.revision + 1 };
    cases.push(next);
    drafts.push(s.draft('case.assign-team', { type: 'case', id: c.id }, [...changedFields(c, next), ...d.value.auditMarks]));
  }
  return { cases, drafts };
}

export async function markLeaver(cw: Casework, input: MarkLeaverInput): Promise<MarkLeaverResult> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-staff');
  if (input.reassignTo !== undefined) requireCapability(s.user.role, 'assign-team');
  const member = await staffRecordOf(s, input.staffId);
  if (!member.active && member.ended) throw invalid('staffId', `${member.name} was already marked as left on ${formatDate(member.ended)}.`);
  if (input.leftOn > cw.today) throw invalid('leftOn', `${formatDate(input.leftOn)} is in the future: mark ${member.name} as left on or after the day they leave.`);
  if (member.started && input.leftOn < member.started) throw invalid('leftOn', `${member.name} started on ${formatDate(member.started)}: the day they left cannot be before that.`);
  const moved = input.reassignTo === undefined ? { cases: [], drafts: [] } : await reassigned(cw, member, successorOf(s.index.staff, member, input.reassignTo));

  const record: StaffRecord = { ...member, ended: input.leftOn, active: false };
  const staff = StaffListSchema.parse(s.index.staff.map((m) => (m.id === member.id ? { ...m, active: false } : m)));
  const register = StaffRegisterSchema.parse({ ...(await readStaffRegister(s)), [member.id]: registerPart(record) });
  const prepared = s.registers.prepare(STAFF_REGISTER, register, { ...s.index, staff });
  const drafts = [s.draft('staff.leaver', { type: 'staff', id: member.id }, ['ended', 'active']), ...moved.drafts];
  await s.saveCasesWith(moved.cases, drafts, { summarise: (c) => summaryRow(c, cw.today, cw.t), index: prepared.index, extra: [prepared.write] });
  prepared.saved();
  return { moved: moved.cases.length, record: recordOf(findStaff(s.index.staff, member.id)!, register) };
}
