import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '../src-main/demo/prng';
import { serviceCompliance } from '../src-main/domain/staff/compliance';
import { parseQualityRules } from '../src-main/domain/staff/quality-rules';
import type { StaffRecord } from '../src-main/domain/staff/record';
import { registerPart, STAFF_REGISTER, StaffRegisterSchema, type StaffRegister } from '../src-main/domain/staff/register';
import { PRACTITIONER_LEVELS, StaffListSchema, type StaffMember } from '../src-main/domain/staff/staff';
import { addDays, addMonths } from '../src-main/domain/time/dates';
import { createCasebookService } from '../src-main/services/casebook/service';
import { readKeyring, unwrapForUser } from '../src-main/store/keyring';
import { registerFile } from '../src-main/store/layout';
import { openWithKey } from '../src-main/store/open-store';
import { median, round } from './measure';

/**
 * The staff register (issue 11): compliance for 200 staff with five years of entries ≤ 50 ms
 * (the domain's serviceCompliance over generated records, with the shipped rules file), and
 * unlocking a casebook whose register holds all of that against one whose register is empty:
 * the register is kept out of the files read at unlock, so the two should cost the same.
 */
export const REGISTER_STAFF = 200;
export const REGISTER_YEARS = 5;
export const COMPLIANCE_TARGET_MS = 50;
const AT = '2026-11-01';
const PASS = 'benchmark passphrase 2026';

/** A name from letters only (staff names may not hold digits): 0 → "Aa", 27 → "Bb"… */
const nameOf = (i: number) => `Bench ${String.fromCharCode(65 + Math.floor(i / 26) % 26)}${String.fromCharCode(97 + (i % 26))} ${String.fromCharCode(65 + Math.floor(i / 676))}ewis`;

/** 200 practitioners, each with five years of case supervision, CPD, observed practice and training; the first five supervise everyone. */
export function benchRegisterRecords(staffCount = REGISTER_STAFF, years = REGISTER_YEARS, seed = 'register-bench'): StaffRecord[] {
  const rng = new Random(seed);
  const from = addMonths(AT, -12 * years);
  const supervisors = Array.from({ length: 5 }, (_, i) => `s_bench${String(i).padStart(6, '0')}`);
  return Array.from({ length: staffCount }, (_, i): StaffRecord => {
    const id = `s_bench${String(i).padStart(6, '0')}`;
    const level = i < supervisors.length ? 'advanced' : PRACTITIONER_LEVELS[i % 3]!;
    const dates = (step: number, jitter: number) => {
      const out: string[] = [];
      for (let d = addDays(from, rng.int(0, step)); d <= AT; d = addDays(d, step + rng.int(-jitter, jitter))) out.push(d);
      return out;
    };
    const by = supervisors[(i + 1) % supervisors.length] as string;
    return {
      id,
      name: nameOf(i),
      role: 'facilitator',
      level,
      active: true,
      employment: rng.chance(0.3) ? 'volunteer' : 'paid',
      started: addMonths(from, -rng.int(0, 24)),
      ...(rng.chance(0.8) ? { registration: { level, number: `RJC-${10_000 + i}`, registeredOn: addMonths(from, -1), renewalDue: addMonths(AT, rng.int(-1, 11)) } } : {}),
      dbs: { level: 'enhanced', certificateDate: addMonths(AT, -rng.int(1, 40)), updateService: rng.chance(0.5) },
      supervision: dates(49, 14).map((date) => ({ date, supervisorId: by, kind: rng.chance(0.8) ? ('case' as const) : ('line' as const) })),
      cpd: dates(45, 15).map((date) => ({ date, activity: 'RJC webinar', hours: rng.int(2, 12) / 2, rjcApproved: rng.chance(0.6) })),
      observed: dates(330, 40).map((date) => ({ date, observerId: by })),
      training: dates(365, 60).map((date) => ({ date, course: 'Refresher', provider: 'Restorative Justice Council' })),
    };
  });
}

async function loadRules() {
  const file = 'templates/quality/rules.yaml';
  const parsed = parseQualityRules(await readFile(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** A new casebook in a temporary folder; with `records`, its staff list and register hold them (saved as the services do, in one commit). */
async function storeWith(records: readonly StaffRecord[]) {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-bench-register-'));
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  const { session } = await service.create({ serviceName: 'Bench RJ Hub', userName: 'Bench Admin', passphrase: PASS });
  await service.close();
  const keyring = (await readKeyring(dir))!;
  const key = Buffer.from((await unwrapForUser(keyring, session.user.id, PASS))!);
  // A copy each time: the store wipes the key it was given when it closes.
  const open = () => openWithKey(dir, keyring, Buffer.from(key), session.user.id, { kdf: 'minimum' });
  if (records.length > 0) {
    const s = await open();
    const staff = StaffListSchema.parse([...s.index.staff, ...records.map(({ id, name, role, level, active }): StaffMember => ({ id, name, role, ...(level ? { level } : {}), active }))]);
    const register: StaffRegister = StaffRegisterSchema.parse(Object.fromEntries(records.map((r) => [r.id, registerPart(r)])));
    await s.registers.save(STAFF_REGISTER, register, [], { ...s.index, staff });
    await s.close();
  }
  return { dir, open };
}

export async function benchRegister(runs: number) {
  const rules = await loadRules();
  const records = benchRegisterRecords();
  const entries = records.reduce((n, r) => n + (r.supervision?.length ?? 0) + (r.cpd?.length ?? 0) + (r.observed?.length ?? 0) + (r.training?.length ?? 0), 0);
  serviceCompliance(records, AT, rules); // warm
  const complianceMs = await median(runs * 3, () => serviceCompliance(records, AT, rules));

  const empty = await storeWith([]);
  const full = await storeWith(records);
  const unlockOf = (st: typeof empty) =>
    median(runs, async () => {
      const s = await st.open();
      await s.close();
    });
  // In turns, so a slow moment of the machine falls on both.
  await unlockOf(empty);
  await unlockOf(full);
  const emptyMs = await unlockOf(empty);
  const fullMs = await unlockOf(full);
  const registerBytes = (await stat(join(full.dir, registerFile(STAFF_REGISTER)))).size;
  await rm(empty.dir, { recursive: true, force: true });
  await rm(full.dir, { recursive: true, force: true });
  return {
    compliance: { staff: records.length, years: REGISTER_YEARS, entries, ms: round(complianceMs), targetMs: COMPLIANCE_TARGET_MS, targetMet: complianceMs <= COMPLIANCE_TARGET_MS },
    // Unlock opens the index (the staff list is in it: 200 more names) and never the register file.
    unlock: { emptyRegisterMs: round(emptyMs), fullRegisterMs: round(fullMs), ratio: round(fullMs / emptyMs), registerFileBytes: registerBytes },
  };
}

export function describeRegisterBench(r: Awaited<ReturnType<typeof benchRegister>>): string {
  const c = r.compliance;
  return (
    `staff register | compliance for ${c.staff} staff, ${c.years} years (${c.entries} entries): ${c.ms} ms (target ≤ ${c.targetMs} ms${c.targetMet ? ', met' : ', NOT met'})` +
    ` | unlock with an empty register ${r.unlock.emptyRegisterMs} ms, with the full one ${r.unlock.fullRegisterMs} ms (×${r.unlock.ratio}; register file ${Math.round(r.unlock.registerFileBytes / 1024)} KB, not read at unlock)`
  );
}
