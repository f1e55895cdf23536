import type { Case, CaseSummary } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import type { SyncProblem, SyncResult } from '../../domain/sync/status';
import type { Team } from '../../domain/sync/team';
import type { PouchDatabase, Replication, ReplicationResult } from '../../store/pouch';
import type { Mirror } from '../../store/sync-mirror';
import type { Store } from '../../store/store';
import { applyReceived } from './apply-records';
import { KEYRING_DOC_ID } from './doc-codec';
import { exportChanges } from './export';
import { importChanges } from './import';
import { PublicKeyringSchema } from './keyring-doc';
import { labelOf } from './labels';
import { localMarkers } from './records';
import { openRemote, serverError } from './remote';
import { checkServer } from './server-check';
import { readState, writeState, type EngineState } from './state';

/**
 * One sync (issue 16): what an interrupted sync left in the mirror is taken in first; then this
 * computer's changes go into the mirror, the mirror and the server replicate both ways
 * (PouchDB, the CouchDB protocol), what arrived is merged and applied to the casebook, and any
 * merge is sent back. Before anything is sent, what the server holds is compared with what it
 * held at the last sync, so a document it dropped or rolled back is named (and sent again from
 * here), never taken in. Local data is changed only by records that open with the casebook's
 * key and validate; a failure part-way leaves the casebook as it was and the next sync redoes
 * what was not finished.
 */
export interface SyncDeps {
  s: Store;
  mirror: Mirror;
  team: Team;
  summarise: (c: Case) => CaseSummary;
  now: () => Date;
  progress?: ((done: number, total: number) => void) | undefined;
}

const BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function runSync(d: SyncDeps): Promise<SyncResult & { toResolveIds: string[] }> {
  const { s, mirror, team } = d;
  const db = mirror.db;
  const at = d.now().toISOString();
  const state = await readState(db);
  const problems: SyncProblem[] = [];
  // What an interrupted sync pulled but did not take in comes first, so no local change is written over it.
  await takeIn(d, state, problems);
  const exported = await exportChanges(s, db, team, state, at);
  const remote = await openRemote(team.remote, { user: team.serverUser, password: team.serverPassword }, { forReplication: true });
  try {
    await sameCasebook(remote, s.keyring);
    const check = await checkServer(remote, state, (id) => labelOf(state.keys[id] ?? '', (c) => s.summaries.get(c)?.reference));
    problems.push(...check.problems);
    const pushed = await replicate(db.replicate.to(remote, { batch_size: BATCH, retry: false }), exported.written, d.progress);
    if (check.repair.length > 0) await replicate(db.replicate.to(remote, { doc_ids: check.repair, checkpoint: false, retry: false }));
    const total = await remote.info().then((i) => i.doc_count, () => 0);
    await replicate(db.replicate.from(remote, { batch_size: BATCH, retry: false }), total, d.progress);
    const taken = await takeIn(d, state, problems);
    if (taken.merged > 0) await replicate(db.replicate.to(remote, { batch_size: BATCH, retry: false }));
    for (const id of Object.keys(state.sent)) state.server[id] = state.sent[id] ?? '';
    state.lastSyncedAt = at;
    state.problems = problems;
    await settle(mirror, state, d.now());
    await writeState(db, state);
    await recordSync(s, exported.records, pushed.docs_written, taken.pulled, taken.merged, problems.length);
    return { at, pushed: pushed.docs_written, pulled: taken.pulled, merged: taken.merged, toResolve: state.toResolve.length, problems, toResolveIds: [...state.toResolve] };
  } catch (e) {
    // Whatever was exported or pulled stays in the mirror for the next sync; the casebook is unchanged.
    await writeState(db, state).catch(() => undefined);
    throw serverError(e);
  } finally {
    await remote.close().catch(() => undefined);
  }
}

/**
 * A computer that has just joined takes in everything the team has before it sends anything,
 * so its own copies of the settings, people and keyring go on top of the team's rather than
 * beside them as conflicts.
 */
export async function takeInFrom(s: Store, mirror: Mirror, team: Team, summarise: SyncDeps['summarise'], now: () => Date, progress?: SyncDeps['progress']): Promise<void> {
  const remote = await openRemote(team.remote, { user: team.serverUser, password: team.serverPassword }, { forReplication: true });
  try {
    const state = await readState(mirror.db);
    const total = await remote.info().then((i) => i.doc_count);
    await replicate(mirror.db.replicate.from(remote, { batch_size: BATCH, retry: false }), total, progress);
    const problems: SyncProblem[] = [];
    await takeIn({ s, mirror, team, summarise, now }, state, problems);
    state.problems = problems;
    await writeState(mirror.db, state);
  } catch (e) {
    throw serverError(e);
  } finally {
    await remote.close().catch(() => undefined);
  }
}

/** Apply what the mirror received since the last look; the state moves on only with it. */
async function takeIn(d: SyncDeps, state: EngineState, problems: SyncProblem[]): Promise<{ pulled: number; merged: number }> {
  const got = await importChanges(d.s, d.mirror.db, d.team, state, d.now().toISOString());
  problems.push(...got.problems);
  problems.push(...(await applyReceived(d.s, got.received, d.summarise)));
  // Received records now match this computer's copy: not to be sent back as changes.
  const markers = await localMarkers(d.s, d.team.machineId);
  for (const r of got.received) {
    const m = markers.get(r.key);
    if (m !== undefined) state.exported[r.key] = m;
  }
  return { pulled: got.pulled, merged: got.merged };
}

/**
 * The server holds this casebook, under this computer's key or the one it changed from (the
 * computer that changed it sends the new one); a key changed on another computer stops the
 * sync before anything is sent or taken in, until this computer adopts it (adopt-key.ts).
 */
async function sameCasebook(remote: PouchDatabase, keyring: Store['keyring']): Promise<void> {
  const storeId = keyring.storeId;
  const doc = await remote.get(KEYRING_DOC_ID).catch((e: { status?: number }) => {
    if (e.status === 404) return undefined;
    throw e;
  });
  if (!doc) return;
  const pub = PublicKeyringSchema.safeParse(doc.public);
  if (!pub.success) throw new CasebookError('SERVER', "The server's copy of the team keyring could not be read; nothing was changed on this computer.");
  if (pub.data.storeId !== storeId) throw new CasebookError('SERVER', "That server holds another team's casebook, not this one. Check the database name at the end of the address; nothing was changed on this computer.");
  if (pub.data.keyId !== keyring.keyId && pub.data.keyId !== keyring.previousKeyId) throw new CasebookError('SERVER', KEY_CHANGED, { keyChanged: true });
}

export const KEY_CHANGED = "The casebook's key was changed on another computer (when someone was removed from the team), and this computer could not take it by itself. Enter your passphrase in the form under the sync status line (the new one, if you were given one) to carry on syncing; nothing was changed on this computer.";

async function replicate(r: Replication, total = 0, progress?: (done: number, total: number) => void): Promise<ReplicationResult> {
  if (progress) r.on('change', (info) => progress(info.docs_written, Math.max(total, info.docs_written)));
  const result = await r;
  if (result.doc_write_failures > 0) throw new CasebookError('SERVER', `The server refused ${result.doc_write_failures} of the documents sent; nothing was changed on this computer. Check the server's document size limit (docs/team.md).`);
  return result;
}

/** Once a day, when nothing waits to be resolved, old revisions' bodies go and the log is rewritten if it has grown. */
async function settle(mirror: Mirror, state: EngineState, now: Date): Promise<void> {
  if (state.toResolve.length > 0) return;
  if (state.compactedAt && now.getTime() - Date.parse(state.compactedAt) < DAY_MS) return;
  await mirror.db.compact();
  await mirror.tidy();
  state.compactedAt = now.toISOString();
}

/** Sending data to the server is recorded (counts only); a sync that sent only this trail is not, or it would never settle. */
async function recordSync(s: Store, records: number, pushed: number, pulled: number, merged: number, problems: number): Promise<void> {
  if (records === 0 && pulled === 0 && merged === 0 && problems === 0) return;
  const fields = [`sent ${pushed}`, `received ${pulled}`, ...(merged ? [`merged ${merged}`] : []), ...(problems ? [`problems ${problems}`] : [])];
  await s.commit([], [s.draft('team.sync', { type: 'casebook', id: s.index.storeId }, fields)]);
}
