import { promises as fs, constants } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CasebookError } from '../domain/shared/errors';

/**
 * Replace a file so that a crash or power cut at any instant leaves either the old or the new
 * contents, never a mix: write a uniquely named temp file in the same folder (created
 * exclusively, mode 0600), fsync it, rename it over the target, then fsync the folder so the
 * rename itself is durable. On Windows a rename can fail briefly while a virus scanner holds
 * the target, so renames are retried a few times.
 */
export async function writeFileDurably(path: string, data: Uint8Array, relName: string): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    handle = await fs.open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(tmp, path);
    await syncDir(dir);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeFailed(relName, e);
  }
}

/** Why a write failed, and what has to change before it can succeed, in plain words. */
export function whyWriteFailed(e: unknown): { why: string; until: string } {
  // A failure already put in words keeps the system's code as its cause.
  const system = e instanceof CasebookError ? e.cause : e;
  const code = (system as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return { why: 'the disk is full', until: 'the disk has room' };
  if (code === 'EACCES' || code === 'EPERM') return { why: 'permission was refused', until: 'your account may write to the casebook folder again' };
  if (code === 'EROFS') return { why: 'the disk is read-only', until: 'the disk can be written to again' };
  if (code === 'EDQUOT') return { why: 'the disk quota is used up', until: 'there is room in your quota' };
  return { why: 'the write failed', until: 'the disk or folder is working again' };
}

export function writeFailed(relName: string, e: unknown): CasebookError {
  if (e instanceof CasebookError) return e;
  const { why } = whyWriteFailed(e);
  const err = new CasebookError('WRITE_FAILED', `Could not save ${relName}: ${why}. Nothing was changed; the previous state is intact. Free some space or check the folder, then try again.`, { file: relName });
  err.cause = e;
  return err;
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 8 || !['EPERM', 'EACCES', 'EBUSY'].includes(code ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 25 * (attempt + 1)));
    }
  }
}

/** fsync a folder so a rename or unlink in it survives a power cut. Not possible on Windows. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await fs.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

export async function removeDurably(path: string): Promise<void> {
  await fs.rm(path, { force: true });
  await syncDir(dirname(path));
}

/**
 * Remove temp files left by a process killed mid-write (".name.random.tmp"). Only ever called
 * by the writer holding the lock, so no other process can be using them.
 */
export async function removeLeftoverTempFiles(storeDir: string, folders: string[]): Promise<number> {
  let removed = 0;
  for (const folder of ['', ...folders]) {
    const dir = folder ? join(storeDir, folder) : storeDir;
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const n of names) {
      if (/^\..+\.[0-9a-f]{12}\.tmp$/.test(n)) {
        await fs.rm(join(dir, n), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
