import { randomBytes } from 'node:crypto';
import { promises as fs, constants } from 'node:fs';
import { hostname, uptime, userInfo } from 'node:os';
import { z } from 'zod';
import { LockProgramSchema } from '../domain/casebook/session';
import { abs, LOCK } from './layout';

/**
 * One writer at a time. The lock file names the holder (process, machine, OS user, since when)
 * so a second instance can say who has the casebook open. A lock left by a process on this
 * machine that no longer exists is stale and taken over; a lock from another machine (a shared
 * folder) is never assumed stale, because we cannot see that machine's processes.
 */
const HolderSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  user: z.string(),
  since: z.string(),
  program: LockProgramSchema.optional(),
  /**
   * The casebook user who unlocked (their id, never their name: the lock file is not
   * encrypted), so another copy can say "in use by Jo Bloggs" from the names it already lists.
   */
  userId: z.string().max(64).optional(),
});
export type LockHolder = z.infer<typeof HolderSchema>;
export type LockProgram = NonNullable<LockHolder['program']>;

/** A lock file with nothing readable in it younger than this may be one another process is writing right now. */
const BEING_WRITTEN_MS = 10_000;
const UNREADABLE = -1;

export interface LockHandle {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readHolder(storeDir: string): Promise<LockHolder | undefined> {
  const path = abs(storeDir, LOCK);
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(await fs.readFile(path, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  // Unreadable: either a crash while the lock was being written, or another process between
  // creating the file and writing into it. The file's age tells the two apart.
  const since = await fs.stat(path).then((st) => st.mtime.toISOString(), () => new Date(0).toISOString());
  return { pid: UNREADABLE, host: 'unknown', user: 'unknown', since };
}

/**
 * A lock nobody holds any more: one on this machine whose process has gone, or that was taken
 * before this machine last started (the process id may belong to something else now), or an
 * unreadable one old enough that nobody is still writing it.
 */
export function isStale(h: LockHolder, now = Date.now()): boolean {
  const since = Date.parse(h.since);
  if (h.pid === UNREADABLE) return !(now - since < BEING_WRITTEN_MS);
  if (h.host !== hostname()) return false;
  const bootedAt = now - uptime() * 1000;
  // A minute's slack: uptime and the wall clock are read at slightly different moments.
  if (since < bootedAt - 60_000) return true;
  return !alive(h.pid);
}

export type LockResult = { handle: LockHandle; tookOverStale: boolean } | { heldBy: LockHolder } | { folderReadOnly: string };

/** Take the lock, or return who holds it, or that the folder cannot be written at all (a read-only disk, no permission). */
export async function acquireLock(storeDir: string, program: LockProgram = 'desktop', userId?: string): Promise<LockResult> {
  const path = abs(storeDir, LOCK);
  const me: LockHolder = { pid: process.pid, host: hostname(), user: safeUser(), since: new Date().toISOString(), program, ...(userId ? { userId } : {}) };
  let tookOverStale = false;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const h = await fs.open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      // No fsync: after a power cut the process that held the lock is gone anyway, so a
      // lock file that did not survive is harmless, and unlocking stays fast.
      await h.writeFile(JSON.stringify(me));
      await h.close();
      return { handle: { release: () => releaseIfMine(storeDir, me) }, tookOverStale };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return { folderReadOnly: code };
      if (code !== 'EEXIST') throw e;
      const holder = await readHolder(storeDir);
      if (!holder) continue;
      if (holder.pid === process.pid && holder.host === me.host) return { heldBy: holder };
      if (holder.pid === UNREADABLE && !isStale(holder)) {
        // Another process is writing its lock this instant: read it again in a moment.
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      if (!isStale(holder)) return { heldBy: holder };
      if (await setAsideStale(path, holder)) tookOverStale = true;
    }
  }
  return { heldBy: (await readHolder(storeDir)) ?? me };
}

/**
 * Move a stale lock out of the way. Two processes may judge the same lock stale at once; the
 * one that moves it second would be moving the first one's new, live lock. So the lock is
 * renamed (atomic) rather than deleted, and if what was moved is not the stale lock that was
 * judged, it is put back (link fails if yet another lock has appeared) and the caller looks again.
 */
async function setAsideStale(path: string, stale: LockHolder): Promise<boolean> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
  let moved: LockHolder | undefined;
  try {
    moved = HolderSchema.parse(JSON.parse(await fs.readFile(aside, 'utf8')));
  } catch {
    moved = undefined;
  }
  const sameAsJudged = moved ? moved.pid === stale.pid && moved.host === stale.host && moved.since === stale.since : stale.pid === UNREADABLE;
  if (!sameAsJudged) await fs.link(aside, path).catch(() => undefined);
  await fs.rm(aside, { force: true });
  return sameAsJudged;
}

async function releaseIfMine(storeDir: string, me: LockHolder): Promise<void> {
  const h = await readHolder(storeDir);
  if (h && h.pid === me.pid && h.host === me.host && h.since === me.since) await fs.rm(abs(storeDir, LOCK), { force: true });
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The holder with the display name of the casebook user it names, from the people this casebook lists. */
export function namedHolder(h: LockHolder, users: readonly { userId: string; name: string }[]): LockHolder & { name?: string } {
  const name = h.userId ? users.find((u) => u.userId === h.userId)?.name : undefined;
  return name ? { ...h, name } : h;
}
