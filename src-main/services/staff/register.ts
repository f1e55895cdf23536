import { can, refusalFor, requireCapability } from '../../domain/access/capabilities';
import { checkSupervisor, serviceCompliance } from '../../domain/staff/compliance';
import type { ServiceCompliance } from '../../domain/staff/compliance-schema';
import type { CpdEntry, ObservedPractice, SupervisionEntry } from '../../domain/staff/register';
import type { GetComplianceInput, GetStaffRecordsInput, RecordCpdInput, RecordObservedPracticeInput, RecordSupervisionInput } from '../../domain/staff/register-commands';
import { staffOf } from '../../domain/staff/people';
import type { StaffRecord } from '../../domain/staff/record';
import { StaffRegisterRecordSchema } from '../../domain/staff/register';
import { CasebookError } from '../../domain/shared/errors';
import { formatDate } from '../../domain/time/dates';
import type { Casework } from '../cases/context';
import { fromZod, invalidInput } from '../shared/errors';
import { saveStaffRecord, staffRecordOf, staffRecords } from './register-file';

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
async function recordFor(cw: Casework, staffId: string | undefined, own: 'record-own-cpd' | undefined): Promise<StaffRecord> {
  const s = cw.s;
  const me = staffOf(s.user, s.index.staff);
  const mine = staffId === undefined || staffId === me?.id;
  if (!(own && mine)) requireCapability(s.user.role, 'manage-register');
  const id = staffId ?? me?.id;
  if (id === undefined) throw new CasebookError('FORBIDDEN', 'You are not on the staff list, so there is no record of yours to add to. Ask an administrator to link your login to your staff record.');
  return staffRecordOf(s, id);
}

function notInFuture(cw: Casework, date: string): void {
  if (date > cw.today) throw invalid('date', `The date (${formatDate(date)}) is in the future: record it on or after the day it happens.`);
}

async function append<F extends LogField>(cw: Casework, member: StaffRecord, field: F, entry: Entry[F], action: string): Promise<StaffRecord> {
  const s = cw.s;
  const list = [...((member[field] as Entry[F][] | undefined) ?? []), entry].sort((a, b) => a.date.localeCompare(b.date));
  const updated: StaffRecord = { ...member, [field]: list };
  // The whole record is checked again: a log that has reached its limit refuses the entry by name.
  const checked = StaffRegisterRecordSchema.safeParse({ [field]: list });
  if (!checked.success) throw fromZod(checked.error, []);
  return saveStaffRecord(s, updated, [s.draft(action, { type: 'staff', id: member.id }, [field])]);
}

export async function recordCpd(cw: Casework, input: RecordCpdInput): Promise<StaffRecord> {
  const { staffId, ...entry } = input;
  const member = await recordFor(cw, staffId, 'record-own-cpd');
  notInFuture(cw, entry.date);
  return append(cw, member, 'cpd', entry, 'staff.cpd');
}

export async function recordSupervision(cw: Casework, input: RecordSupervisionInput): Promise<StaffRecord> {
  const { staffId, ...entry } = input;
  const member = await recordFor(cw, staffId, undefined);
  notInFuture(cw, entry.date);
  const supervisor = (await staffRecords(cw.s)).find((m) => m.id === entry.supervisorId);
  const ok = checkSupervisor(member, supervisor, entry.kind, entry.date, cw.t.qualityRules);
  if (!ok.ok) throw invalid('supervisorId', ok.reason);
  return append(cw, member, 'supervision', entry, 'staff.supervision');
}

export async function recordObservedPractice(cw: Casework, input: RecordObservedPracticeInput): Promise<StaffRecord> {
  const { staffId, ...entry } = input;
  const member = await recordFor(cw, staffId, undefined);
  notInFuture(cw, entry.date);
  if (!cw.s.index.staff.some((m) => m.id === entry.observerId)) throw invalid('observerId', 'The observer is not on the staff list.');
  if (entry.observerId === member.id) throw invalid('observerId', `${member.name} cannot observe their own practice.`);
  return append(cw, member, 'observed', entry, 'staff.observed');
}

/**
 * Compliance on a day. Quality leads, coordinators and administrators see every practitioner;
 * anyone else sees only their own record (the service-wide share stays, it names no one).
 */
export async function getCompliance(cw: Casework, input: GetComplianceInput): Promise<ServiceCompliance> {
  const s = cw.s;
  requireCapability(s.user.role, 'read-own-compliance');
  const all = serviceCompliance(await staffRecords(s), input.at ?? cw.today, cw.t.qualityRules);
  if (can(s.user.role, 'read-all-compliance')) return all;
  const me = staffOf(s.user, s.index.staff);
  if (!me) throw new CasebookError('FORBIDDEN', `${refusalFor('read-all-compliance')} You are not on the staff list, so there is no record of yours to show.`);
  return { ...all, staff: all.staff.filter((c) => c.staffId === me.id) };
}

/** Register records: one's own for anyone on the staff list; anyone else's needs 'read-all-compliance'. */
export async function getStaffRecords(cw: Casework, input: GetStaffRecordsInput): Promise<StaffRecord[]> {
  const s = cw.s;
  requireCapability(s.user.role, 'read-own-compliance');
  const me = staffOf(s.user, s.index.staff);
  const own = !input.everyone && (input.staffId === undefined || input.staffId === me?.id);
  if (!own) requireCapability(s.user.role, 'read-all-compliance');
  if (input.everyone) return staffRecords(s);
  const id = input.staffId ?? me?.id;
  if (id === undefined) throw new CasebookError('FORBIDDEN', 'You are not on the staff list, so there is no record of yours to show. Ask an administrator to link your login to your staff record.');
  return [await staffRecordOf(s, id)];
}
