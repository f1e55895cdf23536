import { requireCapability } from '../../domain/access/capabilities';
import type { SaveRegisterDetailsInput } from '../../domain/staff/register-commands';
import type { StaffRecord } from '../../domain/staff/record';
import { StaffRegisterRecordSchema, registerPart } from '../../domain/staff/register';
import { formatDate } from '../../domain/time/dates';
import type { Casework } from '../cases/context';
import { fromZod, invalidInput, type Issue } from '../shared/errors';
import { saveStaffRecord, staffRecordOf } from './register-file';

/**
 * A person's employment, start and leaving dates, RJC registration and DBS check: what the
 * quality lead keeps beside the logs. Quality leads and administrators only. Dates that record
 * something that has happened (started, registered, certificate issued) cannot be in the
 * future; a renewal or a leaving date may be.
 */
const DETAIL_FIELDS = ['employment', 'started', 'ended', 'registration', 'dbs'] as const;

function futureDates(input: SaveRegisterDetailsInput, today: string): Issue[] {
  const past: [string, string | undefined | null][] = [
    ['started', input.started],
    ['registration.registeredOn', input.registration?.registeredOn],
    ['dbs.certificateDate', input.dbs?.certificateDate],
  ];
  return past.filter(([, d]) => d && d > today).map(([path, d]) => ({ path, message: `${formatDate(d as string)} is in the future: enter the day it happened` }));
}

export async function saveRegisterDetails(cw: Casework, input: SaveRegisterDetailsInput): Promise<StaffRecord> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-register');
  const member = await staffRecordOf(s, input.staffId);
  const future = futureDates(input, cw.today);
  if (future.length > 0) throw invalidInput(future);
  const updated: Record<string, unknown> = { ...member };
  const changed: string[] = [];
  for (const k of DETAIL_FIELDS) {
    const v = input[k];
    if (v === undefined || JSON.stringify(v) === JSON.stringify(member[k] ?? null)) continue;
    if (v === null) delete updated[k];
    else updated[k] = v;
    changed.push(k);
  }
  const next = updated as StaffRecord;
  if (next.started && next.ended && next.ended < next.started) throw invalidInput([{ path: 'ended', message: 'Left on must be on or after Started on' }]);
  if (changed.length === 0) return member;
  const checked = StaffRegisterRecordSchema.safeParse(registerPart(next));
  if (!checked.success) throw fromZod(checked.error, []);
  return saveStaffRecord(s, next, [s.draft('staff.register', { type: 'staff', id: member.id }, changed)]);
}
