import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry, type HandlerRegistry } from '../../src-main/ipc/registry';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { sampleCase } from '../support/fault/fixtures';
import { FAC_PASS, PASS } from '../support/casebook';
import { LIVE_BACKUP, withOwn, type Known } from './ipc-fuzz-inputs';

/**
 * The four states ipc-fuzz runs every command in, over a real store in a temporary folder with
 * no file ports (no save or open dialog): not yet created, locked, unlocked as an administrator,
 * unlocked as a facilitator. A world is put back in its state before each call.
 */

export type StateName = 'uninitialised' | 'locked' | 'administrator' | 'facilitator';

export interface World {
  dir: string;
  service: CasebookService;
  registry: HandlerRegistry;
  known: Known;
  adminId: string;
  facilitatorId: string;
}

export async function makeWorld(state: StateName): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-fuzz-'));
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  const world: World = { dir, service, registry: createRegistry(service), known: { userIds: [], caseIds: [], backupIds: [] }, adminId: '', facilitatorId: '' };
  if (state === 'uninitialised') return world;
  const created = await service.create({ serviceName: 'Fuzzshire RJ', userName: 'Siân Williams', passphrase: PASS });
  world.adminId = created.session.user.id;
  world.facilitatorId = (await service.addUser({ name: 'Fatima Facilitator', role: 'facilitator', passphrase: FAC_PASS })).id;
  world.known.caseIds.push((await service.saveCase(sampleCase())).id);
  world.known.backupIds.push((await service.createBackup('manual')).id);
  world.known.userIds.push(world.adminId, world.facilitatorId);
  await service.lock('manual');
  await settle(world, state);
  return world;
}

/** Put the world back in its state after a valid call changed it (a lock, a create, a restore). */
export async function settle(w: World, state: StateName): Promise<void> {
  if (state === 'uninitialised') {
    if ((await w.service.status()).state === 'uninitialised') return;
    await w.service.close();
    await rm(w.dir, { recursive: true, force: true });
    w.dir = await mkdtemp(join(tmpdir(), 'casebook-fuzz-'));
    w.service = await createCasebookService({ storeDir: w.dir, kdf: 'minimum' });
    w.registry = createRegistry(w.service);
    return;
  }
  const session = w.service.currentSession();
  if (state === 'locked') {
    if (session) await w.service.lock('manual');
    return;
  }
  const wanted = state === 'administrator' ? w.adminId : w.facilitatorId;
  if (session?.user.id === wanted && !session.readOnly) return;
  if (session) await w.service.lock('manual');
  await w.service.unlock(wanted, state === 'administrator' ? PASS : FAC_PASS);
}

export function sessionKey(w: World): string {
  const s = w.service.currentSession();
  return s ? `${s.user.id}/${s.readOnly}` : 'none';
}

/** Replace the stand-in for a live backup's id (LIVE_BACKUP) with one that exists now. */
export async function withLiveBackup(w: World, input: unknown): Promise<unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const keys = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] === LIVE_BACKUP);
  if (keys.length === 0) return input;
  const ids = await w.service.listBackups().then((b) => b.map((x) => x.id), () => w.known.backupIds);
  const id = ids[0] ?? w.known.backupIds[0] ?? '20260101T000000Z-abc';
  return withOwn(input, keys.map((k) => [k, id]));
}
