import type { SyncProblem } from '../../domain/sync/status';
import type { PouchDatabase } from '../../store/pouch';

/**
 * How far this computer has got with the team server, kept as local documents of the mirror
 * (never replicated): which records were last sent as what, which documents are which records,
 * what the server was last seen to hold, and what waits to be resolved. A crash between a write
 * and this being saved only means some work is done twice, never skipped.
 *
 * The per-record maps are split over SHARDS documents and only those that changed are written,
 * so a sync that moved one case writes a few kB, and one that moved nothing writes only the
 * small head — not megabytes at 10,000 cases (the mirror's log keeps every write until tidied).
 */
export interface EngineState {
  /** The mirror's sequence number up to which received changes have been looked at. */
  seq: number | string;
  /** Record → its marker when last sent or received (records.ts). */
  exported: Record<string, string>;
  /** Document id → record, for documents this computer has seen. */
  keys: Record<string, string>;
  /** Document id → the revision this computer last wrote or took in. */
  sent: Record<string, string>;
  /** Document id → the revision the server held when last synced: a later lower one is a rollback. */
  server: Record<string, string>;
  /** Computer → the highest audit entry number any of its documents said it had reached. */
  heads: Record<string, number>;
  /** Documents whose records have changes to resolve. */
  toResolve: string[];
  lastSyncedAt?: string;
  compactedAt?: string;
  problems: SyncProblem[];
}

const HEAD_ID = '_local/rj-casebook-sync';
const shardId = (n: number) => `${HEAD_ID}-${n}`;
const SHARDS = 64;
const MAPS = ['exported', 'keys', 'sent', 'server'] as const;
type MapName = (typeof MAPS)[number];
type Shard = Record<MapName, Record<string, string>>;

/** What each shard held when read or last written, to write only those that changed. */
const written = new WeakMap<EngineState, string[]>();

function shardOf(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % SHARDS;
}

export const emptyState = (): EngineState => ({ seq: 0, exported: {}, keys: {}, sent: {}, server: {}, heads: {}, toResolve: [], problems: [] });

const getLocal = (db: PouchDatabase, id: string) => db.get(id).catch(() => undefined);

export async function readState(db: PouchDatabase): Promise<EngineState> {
  const head = await getLocal(db, HEAD_ID);
  const state: EngineState = { ...emptyState(), ...((head?.state as Partial<EngineState> | undefined) ?? {}) };
  const texts: string[] = [];
  for (let n = 0; n < SHARDS; n++) {
    const shard = (await getLocal(db, shardId(n)))?.shard as Shard | undefined;
    for (const m of MAPS) Object.assign(state[m], shard?.[m] ?? {});
    texts.push(JSON.stringify(shard ?? empty()));
  }
  written.set(state, texts);
  return state;
}

const empty = (): Shard => ({ exported: {}, keys: {}, sent: {}, server: {} });

export async function writeState(db: PouchDatabase, state: EngineState): Promise<void> {
  const shards = Array.from({ length: SHARDS }, empty);
  for (const m of MAPS) for (const [k, v] of Object.entries(state[m])) (shards[shardOf(k)] as Shard)[m][k] = v;
  const before = written.get(state) ?? [];
  const texts = shards.map((s) => JSON.stringify(s));
  for (const [n, text] of texts.entries()) if (text !== before[n]) await putLocal(db, shardId(n), { shard: shards[n] });
  const { exported: _e, keys: _k, sent: _s, server: _v, ...small } = state;
  await putLocal(db, HEAD_ID, { state: small });
  written.set(state, texts);
}

async function putLocal(db: PouchDatabase, id: string, body: Record<string, unknown>): Promise<void> {
  const rev = (await getLocal(db, id))?._rev;
  await db.put({ _id: id, ...(rev ? { _rev: rev } : {}), ...body });
}

/** A revision's generation (the number before the dash). */
export const generation = (rev: string) => Number.parseInt(rev.split('-')[0] ?? '0', 10) || 0;
