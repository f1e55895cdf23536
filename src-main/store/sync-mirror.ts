import { randomBytes } from 'node:crypto';
import type { DataKey } from './envelope';
import { MirrorLog, type MirrorOp } from './mirror-log';
import { loadPouch, type MemDown, type PouchDatabase } from './pouch';

/**
 * This computer's copy of the team server's documents (issue 16): a PouchDB database the
 * replication engine syncs with the server, held in memory and kept on disk as a sealed
 * append-only log (mirror-log.ts). It holds only what the server holds (ciphertext under opaque
 * ids) plus local documents the server never sees (how far this computer got).
 *
 * Why not the casebook's own files: the replication engine needs its revision trees and
 * sequence numbers to survive between runs, or every sync would compare every document again.
 */
export interface Mirror {
  readonly db: PouchDatabase;
  /** Bytes on disk, and a snapshot rewrite when the log has grown to several times its contents. */
  tidy(): Promise<void>;
  close(): Promise<void>;
}

/** A log this many times bigger than a fresh snapshot of it is rewritten (and never below 4 MB). */
const GROWTH = 3;
const MIN_TIDY_BYTES = 4 * 1024 * 1024;

type Down = MemDown;

function persisted(newMemdown: () => MemDown, log: MirrorLog, loaded: { bytes: number }): Down {
  const down = newMemdown();
  const { _open: open, _put: put, _del: del, _batch: batch } = down;
  down._open = (o, cb) => {
    log
      .load((ops) => batch.call(down, ops.map((op) => ({ type: op.type, key: Buffer.from(op.key), ...(op.type === 'put' ? { value: Buffer.from(op.value) } : {}) })), {}, () => undefined))
      .then(() => {
        loaded.bytes = log.size;
        open.call(down, o, cb);
      }, cb);
  };
  down._put = (k, v, o, cb) => void log.append([{ type: 'put', key: k, value: v }]).then(() => put.call(down, k, v, o, cb), cb);
  down._del = (k, o, cb) => void log.append([{ type: 'del', key: k }]).then(() => del.call(down, k, o, cb), cb);
  down._batch = (ops, o, cb) => {
    const logged: MirrorOp[] = ops.map((op) => (op.type === 'put' ? { type: 'put', key: op.key, value: op.value ?? Buffer.alloc(0) } : { type: 'del', key: op.key }));
    void log.append(logged).then(() => batch.call(down, ops, o, cb), cb);
  };
  return down;
}

export async function openMirror(dir: string, dk: DataKey): Promise<Mirror> {
  const { PouchDB, newMemdown } = await loadPouch();
  const log = new MirrorLog(dir, dk);
  const loaded = { bytes: 0 };
  let down: Down | undefined;
  // A fresh name each time: PouchDB keeps open databases by name within the process.
  const db = new PouchDB(`mirror-${randomBytes(8).toString('hex')}`, {
    adapter: 'rj-mirror',
    mirrorDown: () => (down = persisted(newMemdown, log, loaded)),
    // Only the leaves are kept once a sync has settled (engine.ts compacts then).
    auto_compaction: false,
  });
  await db.info();
  return {
    db,
    async tidy() {
      if (!down || log.size < MIN_TIDY_BYTES) return;
      const all: MirrorOp[] = [];
      let live = 0;
      down._store.forEach((key, value) => {
        all.push({ type: 'put', key, value });
        live += key.length + value.length;
      });
      if (log.size > GROWTH * live * 1.4) await log.rewrite(all);
    },
    async close() {
      await db.close();
      await log.close();
    },
  };
}
