import { promises as fs } from 'node:fs';
import type { User } from '../domain/casebook/user';
import { CasebookError } from '../domain/shared/errors';
import { AuditLog, GENESIS } from './audit-log';
import type { DataKey } from './envelope';
import { IndexSchema, type IndexData } from './index-db';
import { parseKeyring, serializeKeyring, signKeyring, type KeyringBody } from './keyring';
import { abs, INDEX, KEYRING, ROOT } from './layout';
import { inspectStore, lockForWriting, mustBeEmpty, opts, type OpenOptions } from './open-store';
import { emptyRoot } from './root';
import { Store } from './store';
import { SummaryIndex } from './summaries';
import { MIN_SHARD_BITS } from './summary-layout';

/**
 * A casebook made on this computer from a team's (issue 16): the team's keyring (the same data
 * key, everyone's wraps) and an index built from the team's settings and people, written as
 * createStore writes a new one: index and empty case list first, keyring last, so a join that
 * fails part-way leaves a folder that is not yet a casebook and can be joined again. Its own
 * audit trail starts here; the cases arrive by the first sync.
 */
export async function createJoinedStore(dir: string, i: { keyring: KeyringBody; dk: DataKey; index: Omit<IndexData, 'summaryShardBits' | 'sealed' | 'registers' | 'referenceCounters'>; userId: string }, o: OpenOptions = {}): Promise<Store> {
  if ((await inspectStore(dir)).state !== 'uninitialised') throw new CasebookError('CONFLICT', 'A casebook already exists in this folder: join a team from an empty folder');
  await mustBeEmpty(dir);
  // The keyring must be one this version reads, signed with the key it wraps.
  const keyring = parseKeyring(serializeKeyring(signKeyring(i.keyring, i.dk.key)));
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const index: IndexData = IndexSchema.parse({ ...i.index, referenceCounters: {}, summaryShardBits: MIN_SHARD_BITS, sealed: true, registers: {} });
  const user: User | undefined = index.users.find((u) => u.id === i.userId);
  if (!user || user.deactivatedAt !== undefined) throw new CasebookError('AUTH_FAILED', 'This login is not active in the team casebook: ask an administrator to reactivate it.');
  const handle = await lockForWriting(dir, o, user.id);
  const so = opts(o);
  const summaries = new SummaryIndex(dir, i.dk, { bits: MIN_SHARD_BITS, legacy: false });
  const store = new Store(dir, i.dk, keyring, index, summaries, new AuditLog(dir, i.dk), user, so, handle, undefined);
  store.root = emptyRoot(so.now(), GENESIS);
  try {
    const shards = summaries.rewriteAll();
    await store.updateIndex(index, [store.draft('team.join', { type: 'casebook', id: index.storeId }, ['settings', 'users', 'staff', 'venues'])], [...shards.fresh, ...shards.rewritten]);
    shards.accept();
    await store.commit([{ rel: KEYRING, bytes: serializeKeyring(keyring) }], []);
  } catch (e) {
    await store.close();
    for (const rel of [INDEX, ROOT]) await fs.rm(abs(dir, rel), { force: true });
    throw e;
  }
  return store;
}
