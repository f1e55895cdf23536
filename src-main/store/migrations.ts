import { CasebookError } from '../domain/shared/errors';
import type { Role } from '../domain/access/roles';
import { linkUsersToStaff } from '../domain/staff/people';
import { StaffMemberSchema, type StaffMember } from '../domain/staff/staff';
import { STAFF_REGISTER } from '../domain/staff/register';
import { newId } from './ids';
import { CURRENT_SCHEMA } from './index-db';
import { INDEX } from './layout';

/**
 * Versioned migrations of the index (and, through it, the rest of the store). Each step takes
 * the raw data of version N and returns version N+1. The store takes a backup before running
 * any step, and validates the result with the current schema before writing it.
 */
export type Migration = {
  from: number;
  describe: string;
  up: (raw: Record<string, unknown>) => Record<string, unknown>;
  /** What the step moves out of the index into register files (registers.ts), by register name. */
  carry?: (raw: Record<string, unknown>) => Record<string, unknown>;
};
/** The index brought up to date, and the register files the steps moved data into. */
export interface Migrated {
  index: Record<string, unknown>;
  registers: Record<string, unknown>;
}

type RawUser = { id: string; name: string; role: Role; staffId?: string };

export const MIGRATIONS: Migration[] = [
  {
    // One list of people: every login is linked to its staff record (made for it if need be),
    // so what someone records names them, and "my cases" no longer guesses by name.
    from: 1,
    describe: 'link each person who can unlock the casebook to their staff record',
    up: (raw) => {
      const users = (Array.isArray(raw.users) ? raw.users : []) as RawUser[];
      const staff = (Array.isArray(raw.staff) ? raw.staff : []) as StaffMember[];
      const linked = linkUsersToStaff(users, staff, () => newId('s'));
      return { ...raw, users: linked.users, staff: linked.staff };
    },
  },
  {
    // The register (employment, registration, CPD, supervision…) grew with every entry and was
    // read at every unlock. It moves to registers/staff.cbk, written in the same commit as the
    // index that no longer holds it; the staff list keeps only who people are.
    from: 2,
    describe: 'move the staff register out of the index into its own file',
    up: (raw) => ({ ...raw, staff: staffOf(raw).map((m) => pick(m, STAFF_LIST_FIELDS)) }),
    carry: (raw) => {
      const register: Record<string, unknown> = {};
      for (const m of staffOf(raw)) {
        const rest = omit(m, STAFF_LIST_FIELDS);
        if (Object.keys(rest).length > 0 && typeof m.id === 'string') register[m.id] = rest;
      }
      return Object.keys(register).length > 0 ? { [STAFF_REGISTER]: register } : {};
    },
  },
];

const STAFF_LIST_FIELDS = Object.keys(StaffMemberSchema.shape);
const staffOf = (raw: Record<string, unknown>) => (Array.isArray(raw.staff) ? raw.staff : []) as Record<string, unknown>[];
const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
const omit = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

export function schemaVersionOf(raw: unknown): number {
  const v = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new CasebookError('CORRUPT', `${INDEX} has no valid schema version; it was not opened`, { file: INDEX });
  }
  return v;
}

export function needsMigration(raw: unknown, current = CURRENT_SCHEMA): boolean {
  const v = schemaVersionOf(raw);
  if (v > current) {
    throw new CasebookError('NEWER_VERSION', `This casebook was written by a newer version of RJ Casebook (data version ${v}; this version reads up to ${current}). Install the latest version to open it.`);
  }
  return v < current;
}

export function migrate(raw: Record<string, unknown>, steps = MIGRATIONS, current = CURRENT_SCHEMA): Migrated {
  let data = raw;
  const registers: Record<string, unknown> = {};
  for (let v = schemaVersionOf(raw); v < current; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) throw new CasebookError('NEWER_VERSION', `No migration from data version ${v}`);
    Object.assign(registers, step.carry?.(data));
    data = { ...step.up(data), schemaVersion: v + 1 };
  }
  return { index: data, registers };
}
