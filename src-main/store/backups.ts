import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { BackupInfo } from '../domain/casebook/backup';
import { CasebookError } from '../domain/shared/errors';
import { checkSignature, parseBundle, verifyBundle } from './backup-bundle';
import { writeFileDurably } from './durable-write';
import type { DataKey } from './envelope';
import { dataKeyOf, findUser, parseKeyring, unwrapForUser } from './keyring';
import { abs, BACKUPS_DIR, KEYRING } from './layout';

/**
 * Rotating backups in the store's backups/ folder. The id is the time (sortable) plus a short
 * random suffix; the reason (daily, manual, before-restore, before-migration) is in the name
 * so the list can be shown without opening any backup.
 */
const NAME = /^(\d{8}T\d{6}Z)-([a-z0-9]{1,12})-([a-z-]{1,30})\.cbkbak$/;

export function backupRel(id: string, reason: string): string {
  return `${BACKUPS_DIR}/${id}-${reason}.cbkbak`;
}

export function newBackupId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export async function listBackupFiles(storeDir: string): Promise<(BackupInfo & { rel: string })[]> {
  const names = await fs.readdir(abs(storeDir, BACKUPS_DIR)).catch(() => [] as string[]);
  const out: (BackupInfo & { rel: string })[] = [];
  for (const n of names) {
    const m = NAME.exec(n);
    if (!m) continue;
    const [, stamp, suffix, reason] = m as unknown as [string, string, string, string];
    const st = await fs.stat(abs(storeDir, `${BACKUPS_DIR}/${n}`)).catch(() => undefined);
    if (!st) continue;
    const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
    out.push({ id: `${stamp}-${suffix}`, createdAt: new Date(iso).toISOString(), bytes: st.size, reason, rel: `${BACKUPS_DIR}/${n}` });
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : -1));
}

export async function writeBackup(storeDir: string, id: string, reason: string, bytes: Buffer): Promise<string> {
  const rel = backupRel(id, reason);
  await writeFileDurably(abs(storeDir, rel), bytes, rel);
  return rel;
}

/** Keep the newest `keep` backups; a backup taken before a restore or migration is kept too. */
export async function rotateBackups(storeDir: string, keep: number): Promise<void> {
  const all = await listBackupFiles(storeDir);
  const routine = all.filter((b) => b.reason === 'daily' || b.reason === 'manual');
  for (const b of routine.slice(keep)) await fs.rm(abs(storeDir, b.rel), { force: true });
}

/** Open every file of a backup just built with the key, or say which part of the casebook is damaged. */
export function provedRestorable(bytes: Buffer, dk: DataKey, storeId: string): void {
  try {
    verifyBundle(parseBundle(bytes, 'the new backup'), dk, 'the new backup', storeId);
  } catch (e) {
    const file = e instanceof CasebookError ? e.details?.file : undefined;
    const what = typeof file === 'string' && file !== 'the new backup' ? `${file} does not open` : 'it did not check out';
    throw new CasebookError(
      'CORRUPT',
      `No backup was taken, because part of the casebook is damaged (${what}). Older backups have been kept. Run Verify to see what is damaged, then restore the newest backup that verifies.`,
      typeof file === 'string' ? { file } : {},
    );
  }
}

/** The newest backup that opens cleanly with this key, for the advice a damaged casebook gives. */
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

/**
 * What is wrong with the backups in the folder: every one is read, its files checked against the
 * hashes its manifest lists and the manifest's signature checked with this casebook's key. Each
 * was opened in full as it was taken (provedRestorable), so a backup whose bytes are unchanged
 * still restores; opening them all again would make verify as slow as that many restores.
 */
export async function backupProblems(dir: string, dk: DataKey, storeId: string): Promise<{ file: string; message: string }[]> {
  const problems: { file: string; message: string }[] = [];
  for (const b of await listBackupFiles(dir)) {
    try {
      const bundle = parseBundle(await fs.readFile(abs(dir, b.rel)), b.rel);
      // A copy taken just before a restore keeps what was there, damage and all: only its own
      // hashes are checked.
      if (b.reason !== 'before-restore') checkSignature(bundle, dk, b.rel, storeId);
    } catch (e) {
      problems.push({ file: b.rel, message: e instanceof CasebookError ? e.message.replace(/; nothing was restored$/, '') : 'could not be read' });
    }
  }
  return problems;
}

/**
 * When keyring.json itself is damaged: the newest backup whose own keyring this person's
 * passphrase opens, and that opens in full with the key it gives. Also the people the unlock
 * screen can list (from the newest backup whose keyring reads), without any passphrase.
 */
export async function backupOpenedBy(dir: string, who: string, passphrase: string): Promise<{ id: string; createdAt: string; userId: string } | undefined> {
  for (const b of await listBackupFiles(dir)) {
    try {
      const bundle = parseBundle(await fs.readFile(abs(dir, b.rel)), b.rel);
      const keyring = parseKeyring(bundle.files.get(KEYRING) ?? Buffer.alloc(0));
      const entry = findUser(keyring, who);
      const key = entry && (await unwrapForUser(keyring, entry.userId, passphrase));
      if (!entry || !key) continue;
      verifyBundle(bundle, dataKeyOf(keyring, key), b.rel, keyring.storeId);
      return { id: b.id, createdAt: b.createdAt, userId: entry.userId };
    } catch {
      // try the next older one
    }
  }
  return undefined;
}

export async function peopleInNewestBackup(dir: string): Promise<{ id: string; name: string }[]> {
  for (const b of await listBackupFiles(dir)) {
    try {
      const keyring = parseKeyring(parseBundle(await fs.readFile(abs(dir, b.rel)), b.rel).files.get(KEYRING) ?? Buffer.alloc(0));
      return keyring.users.map((u) => ({ id: u.userId, name: u.name }));
    } catch {
      // try the next older one
    }
  }
  return [];
}

/**
 * Remove every backup but `keepId` (retention: after a case is anonymised or deleted, an older
 * backup would still hold what was removed). Returns how many were removed.
 */
export async function removeBackupsExcept(storeDir: string, keepId: string): Promise<number> {
  let removed = 0;
  for (const b of await listBackupFiles(storeDir)) {
    if (b.id === keepId) continue;
    await fs.rm(abs(storeDir, b.rel), { force: true });
    removed++;
  }
  return removed;
}
