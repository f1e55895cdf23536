import { afterEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import type { CommandName, InputOf, OutputOf } from '../../src-main/ipc/contract';
import { createRegistry, type HandlerRegistry } from '../../src-main/ipc/registry';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { createCasebookService, type ServiceOptions } from '../../src-main/services/casebook/service';
import type { ErrorCode } from '../../src-main/domain/shared/errors';
import type { WorkflowCommand } from '../../src-main/domain/cases/workflow';
import type { ReferralInput } from '../../src-main/domain/referrals/referral';
import { MemoryFiles } from './files';

/**
 * The one way tests make a casebook over the real service: a store in a temporary folder,
 * the cheapest key derivation OWASP allows, and the file ports kept in memory (MemoryFiles).
 * `freshService` is that store not yet created, `createdService` created and unlocked as its
 * administrator, `caseworkWorld` created, staffed and called through the handler registry.
 */

export const PASS = 'correct horse battery staple';
export const FAC_PASS = 'facilitator passphrase 1';
export const QL_PASS = 'quality lead passphrase 1';
export const MANAGER_PASS = 'manager passphrase 1';

/** Monday 16 March 2026, 10:00 in London (GMT). */
export const START = '2026-03-16T10:00:00.000Z';

export interface Clock {
  now: Date;
  set(iso: string): void;
}

type Failure = { code: ErrorCode; message: string; details?: { issues?: { path: string; message: string }[] } };

export class CallFailed extends Error {
  constructor(readonly error: Failure) {
    super(`${error.code}: ${error.message}`);
  }
}

export interface World {
  dir: string;
  service: CasebookService;
  registry: HandlerRegistry;
  /** What the casebook saved (the save dialog) and what it will be given to open. */
  files: MemoryFiles;
  clock: Clock;
  adminId: string;
  facilitatorId: string;
  qualityLeadId: string;
  staff: Record<'jo' | 'sian' | 'alex' | 'lan' | 'sukru' | 'fatima', string>;
  /** Call a command through the registry (as the app does); throws CallFailed on a typed error. */
  call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
  /** The typed error a command answers with; fails the test if it succeeds. */
  fails<N extends CommandName>(name: N, input: InputOf<N>): Promise<Failure>;
  /**
   * Sign in as someone else: the administrator Jo Whitfield, the facilitator Fatima Hussain,
   * the quality lead, or the manager Şükrü Yılmaz (a coordinator login, added the first time).
   * Who signs is who is signed in, so this is how a test chooses who a record names.
   */
  as(who: 'admin' | 'facilitator' | 'quality-lead' | 'manager'): Promise<void>;
  close(): Promise<void>;
}

/** A fresh store in a temporary folder, not yet created; `cleanup` removes the folder. */
export async function freshService(opts: Partial<ServiceOptions> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-test-'));
  const files = new MemoryFiles();
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum', fileSaver: files.fileSaver, filePicker: files.filePicker, ...opts });
  return { dir, service, files, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A fresh store created as "Northshire RJ", unlocked as its administrator Siân Williams. */
export async function createdService() {
  const t = await freshService();
  const created = await t.service.create({ serviceName: 'Northshire RJ', userName: 'Siân Williams', passphrase: PASS });
  return { ...t, created, userId: created.session.user.id };
}

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

/**
 * A real service over a store in a temporary folder, unlocked as the administrator "Jo
 * Whitfield", who is also on the staff list as an Advanced coordinator (so "my cases" is
 * theirs), with a facilitator user (Fatima Hussain, an Intermediate facilitator) and a
 * quality-lead user, and a staff list covering each level and role. The manager, Şükrü
 * Yılmaz, can unlock too once a test signs in as them (`as('manager')`).
 */
export async function caseworkWorld(o: Partial<ServiceOptions> = {}): Promise<World> {
  const clock: Clock = {
    now: new Date(START),
    set(iso) {
      this.now = new Date(iso);
    },
  };
  const { dir, service, files, cleanup } = await freshService({ now: () => clock.now, ...o });
  const registry = createRegistry(service);
  const created = await service.create({ serviceName: 'Northshire RJ', userName: 'Jo Whitfield', passphrase: PASS });
  const facilitatorId = (await service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC_PASS })).id;
  const qualityLeadId = (await service.addUser({ name: 'Quinn Lead', role: 'quality-lead', passphrase: QL_PASS })).id;
  // People who can unlock are on the staff list already (one list of people): their record is
  // changed to the role and level the world needs; everyone else is added.
  const add = async (name: string, role: 'coordinator' | 'facilitator' | 'manager', level?: 'foundation' | 'intermediate' | 'advanced') => {
    const existing = service.cases.getCaseworkReference().staff.find((m) => m.name === name);
    const list = await service.staff.saveStaffMember({ ...(existing ? { id: existing.id } : {}), name, role, active: true, ...(level ? { level } : {}) });
    return list.find((m) => m.name === name)!.id;
  };
  const staff = {
    jo: await add('Jo Whitfield', 'coordinator', 'advanced'),
    sian: await add('Siân Prydderch', 'facilitator', 'intermediate'),
    alex: await add('Αλέξανδρος Παπαδόπουλος', 'facilitator', 'advanced'),
    lan: await add('Nguyễn Thị Lan', 'facilitator', 'foundation'),
    sukru: await add('Şükrü Yılmaz', 'manager'),
    fatima: await add('Fatima Hussain', 'facilitator', 'intermediate'),
  };
  let managerId: string | undefined;
  const w: World = {
    dir,
    service,
    registry,
    files,
    clock,
    adminId: created.session.user.id,
    facilitatorId,
    qualityLeadId,
    staff,
    async call(name, input) {
      const r = await registry.invoke(name, input);
      if (!r.ok) throw new CallFailed(r.error as Failure);
      return r.value as never;
    },
    async fails(name, input) {
      const r = await registry.invoke(name, input);
      if (r.ok) throw new Error(`${name} succeeded but was expected to fail`);
      return r.error as Failure;
    },
    async as(who) {
      if (who === 'manager' && managerId === undefined) {
        await service.lock('manual');
        await service.unlock(created.session.user.id, PASS);
        managerId = (await service.addUser({ name: 'Şükrü Yılmaz', role: 'coordinator', passphrase: MANAGER_PASS, staffId: staff.sukru })).id;
      }
      await service.lock('manual');
      if (who === 'admin') await service.unlock(created.session.user.id, PASS);
      else if (who === 'facilitator') await service.unlock(facilitatorId, FAC_PASS);
      else if (who === 'manager') await service.unlock(managerId!, MANAGER_PASS);
      else await service.unlock(qualityLeadId, QL_PASS);
    },
    async close() {
      await service.close();
      await cleanup();
    },
  };
  worlds.push(w);
  return w;
}

export const HARMED = { givenName: 'Siân', familyName: 'Evans', dateOfBirth: '1980-05-01', phone: '07700 900123' };
export const RESPONSIBLE = { givenName: 'Łukasz', familyName: 'Kowalski', dateOfBirth: '1999-11-30' };

export function referral(over: Partial<ReferralInput> = {}): ReferralInput {
  return {
    source: 'police',
    referrerName: 'PC Amrit Gill',
    receivedOn: '2026-03-09',
    offenceCategory: 'burglary',
    offenceDescription: 'Shed broken into; two bicycles taken.',
    offenceDate: '2026-03-01',
    cjsStage: 'out-of-court',
    priority: 'routine',
    participants: [
      { role: 'harmed', person: HARMED },
      { role: 'responsible', person: RESPONSIBLE },
    ],
    ...over,
  };
}

/** The participant ids of a case view, by role. */
export function people(v: CaseView): { harmed: string; responsible: string } {
  const id = (role: string) => v.case.participants.find((p) => p.role === role)!.id;
  return { harmed: id('harmed'), responsible: id('responsible') };
}

/** Apply a command to the case as last seen, returning the new view. */
export async function apply(w: World, v: CaseView, command: WorkflowCommand): Promise<CaseView> {
  return w.call('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command });
}

export async function applyAll(w: World, v: CaseView, commands: WorkflowCommand[]): Promise<CaseView> {
  let cur = v;
  for (const c of commands) cur = await apply(w, cur, c);
  return cur;
}
