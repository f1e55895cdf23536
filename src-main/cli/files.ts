import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CasebookError } from '../domain/shared/errors';

/**
 * File access for the CLI with plain-English errors. A Node error message carries the
 * absolute path and a syscall name; we name the file as the user typed it instead.
 */
function explain(e: unknown, shown: string, doing: 'read' | 'write'): CasebookError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return doing === 'read'
        ? new CasebookError('NOT_FOUND', `Cannot find ${shown}; check the name and folder`)
        : new CasebookError('WRITE_FAILED', `Cannot write ${shown}: its folder does not exist`);
    case 'EACCES':
    case 'EPERM':
      return new CasebookError(doing === 'read' ? 'NOT_FOUND' : 'WRITE_FAILED', `Cannot ${doing} ${shown}: permission denied`);
    case 'EISDIR':
      return new CasebookError('USAGE', `${shown} is a folder; give a file name`);
    case 'EEXIST':
      return new CasebookError('CONFLICT', `${shown} already exists; choose another name or delete it first. Nothing was written`);
    case 'ENOSPC':
      return new CasebookError('WRITE_FAILED', `Cannot write ${shown}: the disk is full`);
    default:
      return new CasebookError(doing === 'read' ? 'NOT_FOUND' : 'WRITE_FAILED', `Cannot ${doing} ${shown}`);
  }
}

export async function fileSize(abs: string, shown: string): Promise<number> {
  try {
    const s = await stat(abs);
    if (s.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    return s.size;
  } catch (e) {
    throw explain(e, shown, 'read');
  }
}

/**
 * The bytes of a file, refusing one that turns out larger than `maxBytes` while it is read
 * (a device or a pipe reports size 0, so the size checked before reading is not enough).
 */
export async function readBytes(abs: string, shown: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(abs, 'r');
  } catch (e) {
    throw explain(e, shown, 'read');
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 20);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new CasebookError('INVALID_INPUT', `${shown} is larger than ${Math.floor(maxBytes / 1_048_576)} MB, the limit; nothing was read.`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof CasebookError) throw e;
    throw explain(e, shown, 'read');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Refuse early, before doing work (or writing an audit entry) for an output we could not write. */
export async function mustNotExist(abs: string, shown: string): Promise<void> {
  try {
    await access(abs, constants.F_OK);
  } catch {
    return;
  }
  const isFolder = await stat(abs).then((s) => s.isDirectory(), () => false);
  throw explain(Object.assign(new Error('exists'), { code: isFolder ? 'EISDIR' : 'EEXIST' }), shown, 'write');
}

/**
 * Write a new file readable only by its owner. Exclusive create, so we never follow a planted
 * symlink or overwrite an existing file; a partial file is removed if the write fails.
 */
export async function writePrivateFile(abs: string, shown: string, data: string | Uint8Array): Promise<number> {
  let handle;
  try {
    handle = await open(abs, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (e) {
    throw explain(e, shown, 'write');
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
    const { size } = await handle.stat();
    await handle.close();
    return size;
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(abs).catch(() => undefined);
    throw explain(e, shown, 'write');
  }
}

/**
 * Write a file readable only by its owner, replacing one already there (--force). The text
 * goes to a new file beside it first (exclusive create, mode 0600), which is then renamed over
 * the old one: a link planted at the name is replaced, never followed, and the old file stays
 * whole if the write fails.
 */
export async function replacePrivateFile(abs: string, shown: string, data: string | Uint8Array): Promise<number> {
  const isFolder = await stat(abs).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isFolder) throw explain(Object.assign(new Error('dir'), { code: 'EISDIR' }), shown, 'write');
  const temp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.partial`);
  const size = await writePrivateFile(temp, shown, data);
  try {
    await rename(temp, abs);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw explain(e, shown, 'write');
  }
  return size;
}
