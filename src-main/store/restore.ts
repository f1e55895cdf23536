import { promises as fs } from 'node:fs';
import { CasebookError } from '../domain/shared/errors';
import { buildBundle, parseBundle, storeFiles, verifyBundle, type Bundle } from './backup-bundle';
import { listBackupFiles, newBackupId, writeBackup } from './backups';
import { openJson, type DataKey } from './envelope';
import { IndexSchema } from './index-db';
import { commitFiles } from './journal';
import { dataKeyOf, findUser, parseKeyring, readKeyring, unwrapForUser } from './keyring';
import { abs, INDEX, KEYRING } from './layout';
import { acquireLock } from './lock-file';
import { AuditLog } from './audit-log';

/**
 * Restoring when the casebook itself will not open (a damaged file). The passphrase unwraps
 * the key from the backup's own keyring, the whole bundle is verified with it, and only then
 * are the files replaced, through the journal, under the writer lock.
 */
export async function findCleanBackup(dir: string, dk: DataKey): Promise<{ id: string; createdAt: string } | undefined> {
  for (const b of await listBackupFiles(dir)) {
    try {
      verifyBundle(parseBundle(await fs.readFile(abs(dir, b.rel)), b.rel), dk, b.rel);
      return { id: b.id, createdAt: b.createdAt };
    } catch {
      // try the next older one
    }
  }
  return undefined;
}

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

/** Only an administrator (as recorded in the backup itself) may replace a casebook. */
function requireAdministrator(bundle: Bundle, dk: DataKey, userId: string): void {
  const index = IndexSchema.safeParse(openJson(dk, 'index', INDEX, bundle.files.get(INDEX)!));
  const user = index.success ? index.data.users.find((u) => u.id === userId) : undefined;
  if (user?.role !== 'administrator') throw new CasebookError('FORBIDDEN', 'Only an administrator may restore a backup; nothing was changed');
}

export async function restoreWithPassphrase(dir: string, bundle: Bundle, name: string, who: string, passphrase: string): Promise<void> {
  const keyring = parseKeyring(bundle.files.get(KEYRING) ?? Buffer.alloc(0));
  const current = await readKeyring(dir).catch(() => undefined);
  if (current && current.storeId !== keyring.storeId) {
    throw new CasebookError('CONFLICT', `${name} belongs to a different casebook; restore it into an empty folder instead`);
  }
  const entry = findUser(keyring, who);
  const key = entry && (await unwrapForUser(keyring, entry.userId, passphrase));
  if (!entry || !key) throw new CasebookError('AUTH_FAILED', `That passphrase does not open ${name} (passphrases are as they were when it was taken); nothing was changed`);
  const dk = dataKeyOf(keyring, key);
  try {
    verifyBundle(bundle, dk, name);
    requireAdministrator(bundle, dk, entry.userId);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const lock = await acquireLock(dir);
    if ('heldBy' in lock) {
      const h = lock.heldBy;
      throw new CasebookError('STORE_IN_USE', `This casebook is in use by ${h.user} on ${h.host} since ${h.since}; close it there first`, { holder: h });
    }
    try {
      // Same casebook, same data key: keep what is there now as a backup first, even if damaged.
      if (current) {
        const now = new Date();
        await writeBackup(dir, newBackupId(now), 'before-restore', await buildBundle(dir, dk, { storeId: keyring.storeId, reason: 'before-restore', now }));
      }
      const existing = await storeFiles(dir);
      // Record the restore on the restored trail itself, in the same commit as the files.
      const files = new Map(bundle.files);
      const trail = new AuditLog(dir, dk);
      trail.loadHeadFromFiles(files);
      const draft = { userId: entry.userId, userName: entry.name, action: 'backup.restore', entity: { type: 'backup', id: name }, fields: [] };
      for (const w of trail.prepare([draft], new Date()).writes) files.set(w.rel, w.bytes);
      await commitFiles(dir, dk, [...files].map(([rel, bytes]) => ({ rel, bytes })), existing.filter((rel) => !files.has(rel)));
    } finally {
      await lock.handle.release();
    }
  } finally {
    key.fill(0);
  }
}
