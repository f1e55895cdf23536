import { can, refusalFor, requireCapability } from '../../domain/access/capabilities';
import { checkSupervisor, serviceCompliance } from '../../domain/staff/compliance';
import type { ServiceCompliance } from '../../domain/staff/compliance-schema';
import type { CpdEntry, ObservedPractice, SupervisionEntry } from '../../domain/staff/register';
import type { GetComplianceInput, RecordCpdInput, RecordObservedPracticeInput, RecordSupervisionInput } from '../../domain/staff/register-commands';
import { staffOf } from '../../domain/staff/people';
import { findStaff, StaffListSchema, type StaffMember } from '../../domain/staff/staff';
import { CasebookError } from '../../domain/shared/errors';
import { formatDate } from '../../domain/time/dates';
import type { Casework } from '../cases/context';
import { fromZod, invalidInput } from '../shared/errors';

/**
 * The staff register's entries: CPD, supervision and observed practice, each appended to one
 * staff record and recorded in the audit trail by field name. Quality leads and administrators
 * keep everyone's; anyone may add their own CPD. The entry has been parsed by the contract;
 * what depends on the casebook (the person exists, the date is not in the future, the
 * supervisor is Advanced) is checked here.
 */
type LogField = 'cpd' | 'supervision' | 'observed';
type Entry = { cpd: CpdEntry; supervision: SupervisionEntry; observed: ObservedPractice };

const invalid = (path: string, message: string) => invalidInput([{ path, message }]);

/** The record the entry goes on: the signed-in person's own when `staffId` is theirs or absent. */
function recordFor(cw: Casework, staffId: string | undefined, own: 'record-own-cpd' | undefined): StaffMember {
  const s = cw.s;
  const me = staffOf(s.user, s.index.staff);
  const mine = staffId === undefined || staffId === me?.id;
  if (!(own && mine)) requireCapability(s.user.role, 'manage-register');
  const id = staffId ?? me?.id;
  if (id === undefined) throw new CasebookError('FORBIDDEN', 'You are not on the staff list, so there is no record of yours to add to. Ask an administrator to link your login to your staff record.');
  const member = findStaff(s.index.staff, id);
  if (!member) throw invalid('staffId', 'There is no member of staff with that id.');
  return member;
}

function notInFuture(cw: Casework, date: string): void {
  if (date > cw.today) throw invalid('date', `The date (${formatDate(date)}) is in the future: record it on or after the day it happens.`);
}

async function append<F extends LogField>(cw: Casework, member: StaffMember, field: F, entry: Entry[F], action: string): Promise<StaffMember> {
  const s = cw.s;
  const list = [...((member[field] as Entry[F][] | undefined) ?? []), entry].sort((a, b) => a.date.localeCompare(b.date));
  const updated: StaffMember = { ...member, [field]: list };
  const checked = StaffListSchema.safeParse(s.index.staff.map((m) => (m.id === member.id ? updated : m)));
  if (!checked.success) throw fromZod(checked.error, ['staff']);
  await s.updateIndex({ ...s.index, staff: checked.data }, [s.draft(action, { type: 'staff', id: member.id }, [field])]);
  return updated;
}

export async function recordCpd(cw: Casework, input: RecordCpdInput): Promise<StaffMember> {
  const { staffId, ...entry } = input;
  const member = recordFor(cw, staffId, 'record-own-cpd');
  notInFuture(cw, entry.date);
  return append(cw, member, 'cpd', entry, 'staff.cpd');
}

export async function recordSupervision(cw: Casework, input: RecordSupervisionInput): Promise<StaffMember> {
  const { staffId, ...entry } = input;
  const member = recordFor(cw, staffId, undefined);
  notInFuture(cw, entry.date);
  const ok = checkSupervisor(member, findStaff(cw.s.index.staff, entry.supervisorId), entry.kind, entry.date, cw.t.qualityRules);
  if (!ok.ok) throw invalid('supervisorId', ok.reason);
  return append(cw, member, 'supervision', entry, 'staff.supervision');
}

export async function recordObservedPractice(cw: Casework, input: RecordObservedPracticeInput): Promise<StaffMember> {
  const { staffId, ...entry } = input;
  const member = recordFor(cw, staffId, undefined);
  notInFuture(cw, entry.date);
  if (!findStaff(cw.s.index.staff, entry.observerId)) throw invalid('observerId', 'The observer is not on the staff list.');
  if (entry.observerId === member.id) throw invalid('observerId', `${member.name} cannot observe their own practice.`);
  return append(cw, member, 'observed', entry, 'staff.observed');
}

/**
 * Compliance on a day. Quality leads, coordinators and administrators see every practitioner;
 * anyone else sees only their own record (the service-wide share stays, it names no one).
 */
export function getCompliance(cw: Casework, input: GetComplianceInput): ServiceCompliance {
  const s = cw.s;
  requireCapability(s.user.role, 'read-own-compliance');
  const all = serviceCompliance(s.index.staff, input.at ?? cw.today, cw.t.qualityRules);
  if (can(s.user.role, 'read-all-compliance')) return all;
  const me = staffOf(s.user, s.index.staff);
  if (!me) throw new CasebookError('FORBIDDEN', `${refusalFor('read-all-compliance')} You are not on the staff list, so there is no record of yours to show.`);
  return { ...all, staff: all.staff.filter((c) => c.staffId === me.id) };
}
