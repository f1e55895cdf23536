import type { z } from 'zod';
import { fold } from '../shared/fold';
import { addMonths, formatDate } from '../time/dates';
import { parseUkDate } from '../time/uk-date';
import { checkSupervisor } from './compliance';
import { PRACTITIONER_LEVELS, StaffIdSchema } from './ids';
import { columnKey, headerProblems, type ImportKind, type ImportProblem, type ImportRegisterInput } from './import-layout';
import type { QualityRules } from './quality-rules';
import { recordOf, type StaffRecord } from './record';
import {
  CpdEntrySchema,
  DBS_LEVELS,
  DbsSchema,
  EMPLOYMENTS,
  RegistrationSchema,
  registerPart,
  StaffRegisterRecordSchema,
  SupervisionEntrySchema,
  TrainingEntrySchema,
  type StaffRegister,
} from './register';
import { STAFF_ROLE_LABELS, STAFF_ROLES, StaffMemberSchema, type StaffMember } from './staff';

/**
 * A register import planned as a whole, without touching the store: every row read against the
 * casebook as it is (people named as on the staff list, supervisors Advanced, dates real and not
 * in the future, hours in quarter hours) and either every problem listed by its line, or the
 * new staff list and register to save in one commit. Nothing is stored unless every row is good.
 */
export interface ImportWorld {
  staff: readonly StaffMember[];
  register: StaffRegister;
  today: string;
  rules: QualityRules;
  newStaffId(): string;
}

export type ImportPlan =
  | { ok: true; kind: ImportKind; staff: StaffMember[]; register: StaffRegister; added: string[]; changed: Map<string, Set<string>> }
  | { ok: false; problems: ImportProblem[] };

type Row = Map<string, string>;

/** Dates of things that have happened: a future one is a typing slip. */
const PAST_COLUMNS = new Set(['date', 'started', 'registered_on', 'dbs_certificate_date', 'induction_completed_on']);
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

class RowError extends Error {}
const fail = (column: string, message: string): never => {
  throw new RowError(`${column}: ${message}`);
};

function date(row: Row, column: string, today: string): string | undefined {
  const raw = row.get(column)?.trim() ?? '';
  if (raw === '') return undefined;
  const d = parseUkDate(raw) ?? fail(column, `${JSON.stringify(raw.slice(0, 20))} is not a real date: write it like 31/01/2026 or 2026-01-31`);
  if (d < '1900-01-01') fail(column, 'the date must be after 1900');
  if (PAST_COLUMNS.has(column) && d > today) fail(column, `${formatDate(d)} is in the future: enter the day it happened`);
  return d;
}

function choice<T extends string>(row: Row, column: string, options: readonly T[], labels: Partial<Record<T, string>> = {}): T | undefined {
  const raw = fold(row.get(column) ?? '').trim();
  if (raw === '') return undefined;
  const found = options.find((o) => fold(o) === raw || fold(labels[o] ?? '') === raw);
  return found ?? fail(column, `choose one of ${options.join(', ')}`);
}

function yesNo(row: Row, column: string): boolean {
  const raw = (row.get(column) ?? '').trim().toLowerCase();
  if (YES.has(raw)) return true;
  if (NO.has(raw)) return false;
  return fail(column, 'write yes or no');
}

const text = (row: Row, column: string): string | undefined => row.get(column)?.trim() || undefined;

/** The first problem zod found, under the file's column name. */
function checked<T>(schema: z.ZodType<T>, value: unknown, columnOf: Record<string, string>): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  return fail(columnOf[String(issue?.path[0] ?? '')] ?? String(issue?.path[0] ?? 'row'), issue?.message ?? 'is not valid');
}

/** A person named as on the staff list (not case- or accent-sensitive) or by staff id. */
function person(records: readonly StaffRecord[], row: Row, column: string): StaffRecord {
  const given = (row.get(column) ?? '').trim();
  if (given === '') fail(column, 'name the member of staff');
  const byId = StaffIdSchema.safeParse(given).success ? records.find((m) => m.id === given) : undefined;
  const found = byId ? [byId] : records.filter((m) => fold(m.name) === fold(given));
  if (found.length === 1) return found[0] as StaffRecord;
  return fail(column, found.length > 1 ? `more than one member of staff is called ${given}: use their staff id` : `no one on the staff list is called ${JSON.stringify(given.slice(0, 60))}`);
}

interface Draft {
  records: Map<string, StaffRecord>;
  order: string[];
  added: string[];
  changed: Map<string, Set<string>>;
  lastLine: Map<string, number>;
  /** Names a staff file has given so far (folded), with their line. */
  names: Map<string, number>;
}

function touch(d: Draft, r: StaffRecord, fields: string[], line: number): void {
  d.records.set(r.id, r);
  const set = d.changed.get(r.id) ?? new Set<string>();
  for (const f of fields) set.add(f);
  d.changed.set(r.id, set);
  d.lastLine.set(r.id, line);
}

function append(d: Draft, r: StaffRecord, field: 'cpd' | 'supervision' | 'training', entry: { date: string }, line: number): void {
  const list = [...((r[field] as { date: string }[] | undefined) ?? []), entry].sort((a, b) => a.date.localeCompare(b.date));
  touch(d, { ...r, [field]: list }, [field], line);
}

function staffRow(d: Draft, w: ImportWorld, row: Row, line: number): void {
  const name = text(row, 'name') ?? fail('name', 'the name is empty');
  if (d.names.has(fold(name))) fail('name', `${name} is already on line ${d.names.get(fold(name))} of this file`);
  d.names.set(fold(name), line);
  // Someone already on the staff list is updated (keeping their name as the list spells it, which
  // their login shares), so a quality lead can import the sheet that names everyone.
  const existing = [...d.records.values()].find((m) => fold(m.name) === fold(name));
  const role = choice(row, 'role', STAFF_ROLES, STAFF_ROLE_LABELS) ?? fail('role', `choose one of ${STAFF_ROLES.join(', ')}`);
  const level = choice(row, 'level', PRACTITIONER_LEVELS) ?? existing?.level;
  const member = checked(StaffMemberSchema, { id: existing?.id ?? w.newStaffId(), name: existing?.name ?? name, role, ...(level ? { level } : {}), active: existing?.active ?? true }, {});
  const details: Record<string, unknown> = {};
  const employment = choice(row, 'employment', EMPLOYMENTS);
  if (employment) details.employment = employment;
  for (const [column, field] of [['started', 'started'], ['ended', 'ended'], ['induction_completed_on', 'inductionCompletedOn']] as const) {
    const v = date(row, column, w.today);
    if (v) details[field] = v;
  }
  const number = text(row, 'registration_number');
  const registeredOn = date(row, 'registered_on', w.today);
  if (number || registeredOn) {
    const regLevel = choice(row, 'registration_level', PRACTITIONER_LEVELS) ?? level;
    if (!number || !registeredOn || !regLevel) fail(number ? 'registered_on' : 'registration_number', 'an RJC registration needs its number, the date registered and a level');
    // RJC practitioner registration is renewed each year: a file without the renewal date gets a year on.
    details.registration = checked(RegistrationSchema, { level: regLevel, number, registeredOn, renewalDue: date(row, 'renewal_due', w.today) ?? addMonths(registeredOn as string, 12) }, { renewalDue: 'renewal_due', number: 'registration_number' });
  }
  const dbsLevel = choice(row, 'dbs_level', DBS_LEVELS);
  const dbsDate = date(row, 'dbs_certificate_date', w.today);
  if (dbsLevel || dbsDate) {
    if (!dbsLevel || !dbsDate) fail(dbsLevel ? 'dbs_certificate_date' : 'dbs_level', 'a DBS check needs its level and certificate date');
    details.dbs = checked(DbsSchema, { level: dbsLevel, certificateDate: dbsDate, updateService: yesNo(row, 'dbs_update_service') }, {});
  }
  const before = existing ?? ({} as Partial<StaffRecord>);
  const next = { ...before, ...details, ...member } as StaffRecord;
  if (next.started && next.ended && next.ended < next.started) fail('ended', 'the leaving date is before the start date');
  const fields = Object.keys({ ...member, ...details }).filter((k) => k !== 'id' && JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((next as Record<string, unknown>)[k]));
  if (!existing) {
    d.added.push(member.id);
    d.order.push(member.id);
  }
  touch(d, next, fields, line);
}

function entryRow(kind: Exclude<ImportKind, 'staff'>, d: Draft, w: ImportWorld, row: Row, line: number): void {
  const records = [...d.records.values()];
  const member = person(records, row, 'staff');
  const when = date(row, 'date', w.today) ?? fail('date', 'the date is empty');
  if (kind === 'cpd') {
    const rawHours = (row.get('hours') ?? '').trim();
    const hours = rawHours === '' ? NaN : Number(rawHours);
    const entry = checked(CpdEntrySchema, { date: when, activity: text(row, 'activity') ?? '', hours: Number.isFinite(hours) ? hours : rawHours, rjcApproved: yesNo(row, 'rjc_approved') }, { rjcApproved: 'rjc_approved' });
    return append(d, member, 'cpd', entry, line);
  }
  if (kind === 'supervision') {
    const supervisor = person(records, row, 'supervisor');
    const entry = checked(SupervisionEntrySchema, { date: when, supervisorId: supervisor.id, kind: choice(row, 'kind', ['case', 'line'] as const) ?? 'case', ...(text(row, 'notes') ? { notes: text(row, 'notes') } : {}) }, { supervisorId: 'supervisor' });
    const ok = checkSupervisor(member, supervisor, entry.kind, entry.date, w.rules);
    if (!ok.ok) fail('supervisor', ok.reason);
    return append(d, member, 'supervision', entry, line);
  }
  const level = choice(row, 'level', PRACTITIONER_LEVELS);
  const entry = checked(TrainingEntrySchema, { date: when, course: text(row, 'course') ?? '', provider: text(row, 'provider') ?? '', ...(level ? { level } : {}) }, {});
  append(d, member, 'training', entry, line);
}

export function planRegisterImport(input: ImportRegisterInput & { kind: ImportKind }, w: ImportWorld): ImportPlan {
  const { kind } = input;
  const problems = headerProblems(kind, input.columns);
  if (problems.length > 0) return { ok: false, problems };
  if (input.rows.length === 0) return { ok: false, problems: [{ line: 2, message: 'the file has a header but no rows' }] };
  const keys = input.columns.map(columnKey);
  const d: Draft = { records: new Map(w.staff.map((m) => [m.id, recordOf(m, w.register)])), order: w.staff.map((m) => m.id), added: [], changed: new Map(), lastLine: new Map(), names: new Map() };
  for (const { line, values } of input.rows) {
    if (values.length !== keys.length) {
      problems.push({ line, message: `the row has ${values.length} cells but the header has ${keys.length}: check for a comma that should be inside quotes` });
      continue;
    }
    if (values.every((v) => v.trim() === '')) {
      problems.push({ line, message: 'the row is empty' });
      continue;
    }
    const row: Row = new Map(keys.map((k, i) => [k, values[i] ?? '']));
    try {
      if (kind === 'staff') staffRow(d, w, row, line);
      else entryRow(kind, d, w, row, line);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      problems.push({ line, message: e.message });
    }
  }
  // The limits on a whole record (1,000 entries in a log) are checked once every row is in.
  for (const [id, line] of d.lastLine) {
    const r = StaffRegisterRecordSchema.safeParse(registerPart(d.records.get(id) as StaffRecord));
    if (!r.success) problems.push({ line, message: `${d.records.get(id)?.name}: ${r.error.issues[0]?.message ?? 'the record is not valid'}` });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  const staff = d.order.map((id) => {
    const { id: _i, name, role, level, active } = d.records.get(id) as StaffRecord;
    return { id, name, role, ...(level ? { level } : {}), active };
  });
  const register: StaffRegister = { ...w.register };
  for (const id of d.changed.keys()) register[id] = registerPart(d.records.get(id) as StaffRecord);
  return { ok: true, kind, staff, register, added: d.added, changed: d.changed };
}

