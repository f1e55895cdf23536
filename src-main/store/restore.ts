import { promises as fs } from 'node:fs';
import { CasebookError } from '../domain/shared/errors';
import { buildBundle, parseBundle, storeFiles, type Bundle } from './backup-bundle';
import { checkForRestore, type LostCase } from './lost-cases';
import { listBackupFiles, newBackupId, writeBackup } from './backups';
import { openJson, type DataKey } from './envelope';
import { IndexSchema } from './index-db';
import { commitFiles } from './journal';
import { dataKeyOf, findUser, parseKeyring, readKeyring, unwrapForUser, type KeyringBody } from './keyring';
import { abs, INDEX, KEYRING } from './layout';
import { lockForWriting, openWithKey, type OpenOptions } from './open-store';
import { planRestore } from './restore-plan';
import { rootFile } from './root';

/**
 * Restoring when the casebook itself will not open (a damaged file). The passphrase unwraps
 * the key from the backup's own keyring, the whole bundle is verified with it, and only then
 * are the files replaced, through the journal, under the writer lock.
 */
export async function readBundleFrom(dir: string, source: { backupId: string } | { file: string } | { bytes: Uint8Array; name: string }): Promise<{ bundle: Bundle; name: string }> {
  if ('bytes' in source) return { bundle: parseBundle(Buffer.from(source.bytes), 'the backup file'), name: 'the backup file' };
  if ('file' in source) {
    const bytes = await fs.readFile(source.file).catch(() => {
      throw new CasebookError('NOT_FOUND', 'The backup file could not be read; check the path');
    });
    return { bundle: parseBundle(bytes, 'the backup file'), name: 'the backup file' };
  }
  const found = (await listBackupFiles(dir)).find((b) => b.id === source.backupId);
  if (!found) throw new CasebookError('NOT_FOUND', 'No backup with that id');
  return { bundle: parseBundle(await fs.readFile(abs(dir, found.rel)), found.rel), name: found.rel };
}

/** Only an administrator may replace a casebook: as the current index says, or the backup's when that cannot be read. */
function requireAdministrator(indexBytes: Buffer | undefined, dk: DataKey, userId: string): void {
  const index = indexBytes ? IndexSchema.safeParse(safeOpen(dk, indexBytes)) : undefined;
  const user = index?.success ? index.data.users.find((u) => u.id === userId) : undefined;
  if (user?.role !== 'administrator') throw new CasebookError('FORBIDDEN', 'Only an administrator may restore a backup; nothing was changed');
}

function safeOpen(dk: DataKey, bytes: Buffer): unknown {
  try {
    return openJson(dk, 'index', INDEX, bytes);
  } catch {
    return undefined;
  }
}

/** The keyring in the folder now: sound, damaged, or not there (a new computer). */
async function currentKeyring(dir: string): Promise<{ state: 'sound'; keyring: KeyringBody } | { state: 'damaged' | 'absent' }> {
  try {
    const keyring = await readKeyring(dir);
    return keyring ? { state: 'sound', keyring } : { state: 'absent' };
  } catch {
    return { state: 'damaged' };
  }
}

/**
 * Restore a backup without unlocking first, when the casebook will not open (a damaged file), or
 * into an empty folder (a new computer). When the keyring in the folder is sound the passphrase
 * must open it, not the backup's: a passphrase changed or a person removed since the backup was
 * taken cannot be used to bring the casebook back, and the keyring is kept as it is. And when the
 * casebook opens with it, this way is refused: an administrator restores from Settings instead.
 * With `partial`, the backup's cases that do not open are left out and returned (lost-cases.ts).
 */
export async function restoreWithPassphrase(
  dir: string,
  bundle: Bundle,
  name: string,
  who: string,
  passphrase: string,
  { partial = false, ...o }: OpenOptions & { partial?: boolean } = {},
): Promise<LostCase[]> {
  const backupKeyring = parseKeyring(bundle.files.get(KEYRING) ?? Buffer.alloc(0));
  const now = await currentKeyring(dir);
  if (now.state === 'sound' && now.keyring.storeId !== backupKeyring.storeId) {
    throw new CasebookError('CONFLICT', `${name} belongs to a different casebook; restore it into an empty folder instead`);
  }
  if (now.state === 'sound' && now.keyring.keyId !== backupKeyring.keyId) {
    throw new CasebookError('CONFLICT', `${name} was made before this casebook's key was changed, so it cannot be restored over it; it can be restored into an empty folder with a passphrase from that time`);
  }
  const keyring = now.state === 'sound' ? now.keyring : backupKeyring;
  const entry = findUser(keyring, who);
  const key = entry && (await unwrapForUser(keyring, entry.userId, passphrase));
  if (!entry || !key) {
    const why =
      now.state === 'sound'
        ? 'That passphrase does not open this casebook: use the one you unlock it with now (a passphrase changed or removed since the backup was taken cannot bring it back)'
        : `That passphrase does not open ${name}: use the one you had when it was taken`;
    throw new CasebookError('AUTH_FAILED', `${why}; nothing was changed`);
  }
  const dk = dataKeyOf(keyring, key);
  try {
    const lost = checkForRestore(bundle, dk, name, keyring.storeId, partial);
    if (now.state === 'sound') await refuseIfItOpens(dir, keyring, key, entry.userId, o);
    const currentIndex = await fs.readFile(abs(dir, INDEX)).catch(() => undefined);
    const current = currentIndex ? IndexSchema.safeParse(safeOpen(dk, currentIndex)) : undefined;
    requireAdministrator(current?.success ? currentIndex : bundle.files.get(INDEX), dk, entry.userId);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await lockForWriting(dir, o);
    try {
      // Same casebook, same data key: keep what is there now as a backup first, even if damaged.
      const stamp = new Date();
      if (now.state !== 'absent') {
        await writeBackup(dir, newBackupId(stamp), 'before-restore', await buildBundle(dir, dk, { storeId: keyring.storeId, reason: 'before-restore', now: stamp }));
      }
      const existing = await storeFiles(dir);
      const root = await rootFile(dir, dk).read().catch(() => null);
      const files = planRestore({
        dir,
        dk,
        bundle,
        keyring,
        users: now.state === 'sound' && current?.success ? current.data.users : undefined,
        staff: now.state === 'sound' && current?.success ? current.data.staff : undefined,
        commitNow: root?.commit,
        draft: { userId: entry.userId, userName: entry.name, action: 'backup.restore', entity: { type: 'backup', id: name }, fields: [] },
        now: stamp,
        lost,
      });
      await commitFiles(dir, dk, [...files].map(([rel, bytes]) => ({ rel, bytes })), existing.filter((rel) => !files.has(rel)));
    } finally {
      await handle.release();
    }
    return lost;
  } finally {
    key.fill(0);
  }
}

/** "Restore while locked" is for a casebook that will not open: one that opens cleanly is refused. */
async function refuseIfItOpens(dir: string, keyring: KeyringBody, key: Buffer, userId: string, o: OpenOptions): Promise<void> {
  let store;
  try {
    store = await openWithKey(dir, keyring, Buffer.from(key), userId, o);
  } catch (e) {
    if (e instanceof CasebookError && (e.code === 'CORRUPT' || e.code === 'NEWER_VERSION')) return;
    throw e;
  }
  const clean = store.integrity.length === 0;
  await store.close();
  if (clean) throw new CasebookError('CONFLICT', 'This casebook opens with that passphrase, so it was not replaced this way: unlock it, then restore the backup from Settings (as an administrator), where it is checked first and recorded');
}
