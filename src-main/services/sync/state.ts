import type { SyncProblem } from '../../domain/sync/status';
import type { PouchDatabase } from '../../store/pouch';

/**
 * How far this computer has got with the team server, kept as a local document of the mirror
 * (never replicated): which records were last sent as what, which documents are which records,
 * what the server was last seen to hold, and what waits to be resolved. A crash between a write
 * and this being saved only means some work is done twice, never skipped.
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

const STATE_ID = '_local/rj-casebook-sync';

export const emptyState = (): EngineState => ({ seq: 0, exported: {}, keys: {}, sent: {}, server: {}, heads: {}, toResolve: [], problems: [] });

export async function readState(db: PouchDatabase): Promise<EngineState> {
  try {
    const doc = await db.get(STATE_ID);
    return { ...emptyState(), ...(doc.state as EngineState) };
  } catch {
    return emptyState();
  }
}

export async function writeState(db: PouchDatabase, state: EngineState): Promise<void> {
  let rev: string | undefined;
  try {
    rev = (await db.get(STATE_ID))._rev;
  } catch {
    rev = undefined;
  }
  await db.put({ _id: STATE_ID, ...(rev ? { _rev: rev } : {}), state });
}

/** A revision's generation (the number before the dash). */
export const generation = (rev: string) => Number.parseInt(rev.split('-')[0] ?? '0', 10) || 0;
