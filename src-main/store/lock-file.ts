import { promises as fs, constants } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { z } from 'zod';
import { abs, LOCK } from './layout';

/**
 * One writer at a time. The lock file names the holder (process, machine, OS user, since when)
 * so a second instance can say who has the casebook open. A lock left by a process on this
 * machine that no longer exists is stale and taken over; a lock from another machine (a shared
 * folder) is never assumed stale, because we cannot see that machine's processes.
 */
const HolderSchema = z.object({ pid: z.number().int(), host: z.string(), user: z.string(), since: z.string() });
export type LockHolder = z.infer<typeof HolderSchema>;

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
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(await fs.readFile(abs(storeDir, LOCK), 'utf8')));
    return parsed.success ? parsed.data : { pid: -1, host: 'unknown', user: 'unknown', since: 'unknown' };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { pid: -1, host: 'unknown', user: 'unknown', since: 'unknown' };
  }
}

export function isStale(h: LockHolder): boolean {
  if (h.pid === -1) return true; // unreadable: a crash mid-write of the lock itself
  return h.host === hostname() && !alive(h.pid);
}

/** Take the lock, or return who holds it. */
export async function acquireLock(storeDir: string): Promise<{ handle: LockHandle; tookOverStale: boolean } | { heldBy: LockHolder }> {
  const path = abs(storeDir, LOCK);
  const me: LockHolder = { pid: process.pid, host: hostname(), user: safeUser(), since: new Date().toISOString() };
  let tookOverStale = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const h = await fs.open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      // No fsync: after a power cut the process that held the lock is gone anyway, so a
      // lock file that did not survive is harmless, and unlocking stays fast.
      await h.writeFile(JSON.stringify(me));
      await h.close();
      return { handle: { release: () => releaseIfMine(storeDir, me) }, tookOverStale };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = await readHolder(storeDir);
      if (!holder) continue;
      if (holder.pid === process.pid && holder.host === me.host) return { heldBy: holder };
      if (!isStale(holder)) return { heldBy: holder };
      await fs.rm(path, { force: true });
      tookOverStale = true;
    }
  }
  return { heldBy: (await readHolder(storeDir)) ?? me };
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
