import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { CaseFileAuditRegisterSchema, CASE_FILE_AUDIT_REGISTER } from '../../domain/quality/auditor-review';
import { ComplaintsRegisterSchema, COMPLAINTS_REGISTER } from '../../domain/quality/complaints';
import { HealthCheckRegisterSchema, HEALTH_CHECK_REGISTER } from '../../domain/quality/health-check';
import { PoliciesRegisterSchema, POLICIES_REGISTER } from '../../domain/quality/policies';
import { StaffRegisterSchema, STAFF_REGISTER } from '../../domain/staff/register';
import { RetentionRegisterSchema, RETENTION_REGISTER } from '../../domain/data-protection/retention/register';
import { SubjectAccessRegisterSchema, SUBJECT_ACCESS_REGISTER } from '../../domain/data-protection/subject-access/request';
import { MachinesSchema, TEAM_REGISTER } from '../../domain/sync/team';
import type { Json } from '../../domain/sync/merge';
import { listAttachmentFiles } from '../../store/attachments';
import { AUDIT_SEGMENT_ENTRIES, ATTACHMENT_REL, abs, attachmentFile } from '../../store/layout';
import type { Store } from '../../store/store';

/**
 * The records a casebook is synced as (issue 16), each one document on the server so that one
 * case change moves one document: every case, the settings, the people (logins, staff, rooms),
 * each register, each segment of this computer's audit trail, each attachment, and the keyring.
 * Counters, the summary rows, the sealed root and the `team` register stay on this computer.
 *
 * A marker per record says cheaply whether it changed since it was last sent (a case's or
 * register's revision, a digest of small records), so a sync reads only what changed.
 */
export const MACHINES_REGISTER = 'machines';

/** Registers that travel, with the schema a received one must match before it is kept. */
export const SYNCED_REGISTERS: Record<string, z.ZodType> = {
  [STAFF_REGISTER]: StaffRegisterSchema,
  [COMPLAINTS_REGISTER]: ComplaintsRegisterSchema,
  [POLICIES_REGISTER]: PoliciesRegisterSchema,
  [HEALTH_CHECK_REGISTER]: HealthCheckRegisterSchema,
  [CASE_FILE_AUDIT_REGISTER]: CaseFileAuditRegisterSchema,
  [SUBJECT_ACCESS_REGISTER]: SubjectAccessRegisterSchema,
  [RETENTION_REGISTER]: RetentionRegisterSchema,
  [MACHINES_REGISTER]: MachinesSchema,
};

const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 24);

export const settingsValue = (s: Store) => ({ settings: s.index.settings, casework: s.index.casework });
export const peopleValue = (s: Store) => ({ users: s.index.users, staff: s.index.staff, venues: s.index.venues });
/** The keyring as it travels inside the ciphertext: the wraps keyed by `id` so they merge as a set. */
export const keyringValue = (s: Store) => {
  // Its generation and signature are this computer's own bookkeeping (each bumps and signs its copy).
  const { users, mac: _mac, generation: _generation, previousKeyId: _previous, ...rest } = s.keyring;
  return { ...rest, users: users.map((u) => ({ id: u.userId, ...u })) };
};

/** Every record this computer holds now, with its marker. */
export async function localMarkers(s: Store, machineId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const row of s.summaries.all()) out.set(`case:${row.id}`, `r${row.revision}`);
  out.set('settings', digest(settingsValue(s)));
  out.set('people', digest(peopleValue(s)));
  out.set('keyring', digest(keyringValue(s)));
  for (const [name, revision] of Object.entries(s.index.registers)) if (name !== TEAM_REGISTER && name in SYNCED_REGISTERS) out.set(`register:${name}`, `r${revision}`);
  // Full segments never change; only the newest one grows.
  const count = s.audit.count;
  const segments = Math.ceil(count / AUDIT_SEGMENT_ENTRIES);
  for (let n = 1; n <= segments; n++) out.set(`audit:${machineId}:${n}`, `${n === segments ? count - (n - 1) * AUDIT_SEGMENT_ENTRIES : AUDIT_SEGMENT_ENTRIES}`);
  for (const rel of await listAttachmentFiles(s.dir)) {
    const m = ATTACHMENT_REL.exec(rel);
    if (m) out.set(`attachment:${m[1]}`, 'a');
  }
  return out;
}

/** A record's value as it travels (a case without its local revision counter). */
export async function readRecord(s: Store, key: string): Promise<Json> {
  const [kind, a, b] = key.split(':');
  switch (kind) {
    case 'case': {
      const { revision: _revision, ...rest } = await s.readCase(a ?? '');
      return rest as unknown as Json;
    }
    case 'settings':
      return settingsValue(s) as unknown as Json;
    case 'people':
      return peopleValue(s) as unknown as Json;
    case 'keyring':
      return keyringValue(s) as unknown as Json;
    case 'register': {
      const name = a ?? '';
      const schema = SYNCED_REGISTERS[name];
      if (!schema) throw new Error(`not a synced register: ${name}`);
      return (await s.registers.read(name, schema, {})) as Json;
    }
    case 'audit':
      return ((await s.audit.readSegment(Number(b))) ?? []) as unknown as Json;
    case 'attachment':
      return { sealed: (await fs.readFile(abs(s.dir, attachmentFile(a ?? '')))).toString('base64') };
    default:
      throw new Error(`unknown record ${kind}`);
  }
}
