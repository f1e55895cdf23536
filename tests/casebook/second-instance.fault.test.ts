import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promises as fsPromises } from 'node:fs';
import { spawn } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, uptime, userInfo } from 'node:os';
import { join } from 'node:path';
import { CasebookError } from '../../src-main/domain/shared/errors';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { createdService, PASS } from '../support/casebook';
import { diffSnapshots, sampleCase, snapshotDir, rejection } from '../support/fault/fixtures';

/**
 * One writer at a time. A second instance on the same folder opens read-only and says who
 * holds the casebook; its writes are refused; a lock left by a dead process on this machine is
 * taken over; a lock from another machine never is.
 */
let t: Awaited<ReturnType<typeof createdService>>;
let caseId: string;
const others: CasebookService[] = [];
const lockPath = () => join(t.dir, 'casebook.lock');

async function second(): Promise<CasebookService> {
  const s = await createCasebookService({ storeDir: t.dir, kdf: 'minimum' });
  others.push(s);
  return s;
}


/** A pid that certainly belonged to a process on this machine that has ended. */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => p.on('exit', r));
  return p.pid!;
}

beforeEach(async () => {
  t = await createdService();
  caseId = (await t.service.saveCase(sampleCase())).id;
});

afterEach(async () => {
  for (const s of others.splice(0)) await s.close().catch(() => undefined);
  await t.service.close();
  await t.cleanup();
});

describe('a second instance on the same folder', () => {
  it('opens read-only and says who holds the casebook', async () => {
    const b = await second();
    const session = await b.unlock(t.userId, PASS);
    expect(session.readOnly).toBe(true);
    expect(b.currentSession()?.readOnly).toBe(true);
    const status = await b.status();
    expect(status.state).toBe('unlocked');
    // The casebook user by id in the file (not encrypted), by name only once this copy has read its list of people.
    expect(status.heldBy).toEqual({ user: userInfo().username, host: hostname(), pid: process.pid, since: expect.any(String), program: 'desktop', userId: t.userId, name: 'Siân Williams' });
    expect(new Date(status.heldBy!.since).toISOString()).toBe(status.heldBy!.since);
    // The first instance stays writable.
    expect(t.service.currentSession()?.readOnly).toBe(false);
    expect((await t.service.status()).heldBy).toBeUndefined();
  });

  it('reads, but every write is refused with READ_ONLY naming the holder, and no file changes', async () => {
    const b = await second();
    await b.unlock(t.userId, PASS);
    expect(b.listCases({}).map((r) => r.id)).toEqual([caseId]);
    expect((await b.getCase(caseId)).id).toBe(caseId);
    expect((await b.verify()).ok).toBe(true);
    const c = await b.getCase(caseId);
    const backupId = (await t.service.createBackup('manual')).id;
    const before = await snapshotDir(t.dir);
    const writes: [string, () => Promise<unknown>][] = [
      ['updateSettings', () => b.updateSettings({ serviceName: 'Hijacked RJ' })],
      ['saveCase', () => b.saveCase({ ...c, notes: 'from the second instance' })],
      ['saveCase (new)', () => b.saveCase(sampleCase({ reference: 'RJ-2026-0009' }))],
      ['importCases', () => b.importCases([sampleCase({ reference: 'RJ-2026-0010' })])],
      ['addUser', () => b.addUser({ name: 'Mallory Example', role: 'administrator', passphrase: 'mallorys passphrase' })],
      ['changePassphrase', () => b.changePassphrase(PASS, 'a new passphrase for b')],
      ['restoreBackup', () => b.restoreBackup(backupId)],
      ['createBackup', () => b.createBackup('manual')],
    ];
    const refused: Record<string, string> = {};
    for (const [name, write] of writes) {
      const e = await rejection(write());
      // The holder is the casebook user who unlocked, by their display name (the lock file keeps only their id).
      refused[name] = e ? `${e.code}${e.code === 'READ_ONLY' && !(e.message.includes(hostname()) && e.message.includes('Siân Williams')) ? ` (holder not named: ${e.message})` : ''}` : 'allowed';
    }
    expect(refused).toEqual(Object.fromEntries(writes.map(([n]) => [n, 'READ_ONLY'])));
    expect(diffSnapshots(before, await snapshotDir(t.dir)), 'the refused writes changed files').toEqual([]);
    // Locking the read-only instance leaves the first instance's lock alone.
    const lockBefore = await readFile(lockPath(), 'utf8');
    await b.lock('manual');
    expect(await readFile(lockPath(), 'utf8')).toBe(lockBefore);
    await t.service.updateSettings({ serviceName: 'Still writable RJ' });
  });

  it('becomes writable on a new unlock once the first instance has locked', async () => {
    const b = await second();
    expect((await b.unlock(t.userId, PASS)).readOnly).toBe(true);
    await t.service.lock('manual');
    await b.lock('manual');
    const session = await b.unlock(t.userId, PASS);
    expect(session.readOnly).toBe(false);
    expect((await b.status()).heldBy).toBeUndefined();
    await b.updateSettings({ serviceName: 'Taken over RJ' });
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    // And now the first one is the read-only one.
    expect((await t.service.unlock(t.userId, PASS)).readOnly).toBe(true);
    expect((await rejection(t.service.updateSettings({ serviceName: 'Nope RJ' })))?.code).toBe('READ_ONLY');
  });

  it('recovering with the key needs the writer lock: STORE_IN_USE while another instance has it', async () => {
    const b = await second();
    const e = await rejection(b.recover(t.userId, t.created.recoveryKey, 'a passphrase after recovery'));
    expect(e?.code).toBe('STORE_IN_USE');
    expect(e?.details.holder).toMatchObject({ pid: process.pid, host: hostname() });
  });
});

describe('locks left behind', () => {
  it('takes over a stale lock: a dead process on this machine', async () => {
    await t.service.close();
    const pid = await deadPid();
    await writeFile(lockPath(), JSON.stringify({ pid, host: hostname(), user: 'someone', since: '2026-01-01T09:00:00.000Z' }));
    const b = await second();
    const session = await b.unlock(t.userId, PASS);
    expect(session.readOnly).toBe(false);
    expect((await b.status()).heldBy).toBeUndefined();
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await b.updateSettings({ serviceName: 'After a crash RJ' });
    await b.lock('manual');
    await expect(readFile(lockPath())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a lock file left empty by a crash while it was being written', async () => {
    await t.service.close();
    await writeFile(lockPath(), '');
    // Old enough that nobody can still be writing it.
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath(), longAgo, longAgo);
    const b = await second();
    expect((await b.unlock(t.userId, PASS)).readOnly).toBe(false);
  });

  it('does not take over an empty lock file that another process is writing this instant', async () => {
    await t.service.close();
    await writeFile(lockPath(), '');
    const b = await second();
    const session = await b.unlock(t.userId, PASS);
    expect(session.readOnly).toBe(true);
    expect(session.notices.map((n) => n.kind)).toContain('in-use');
    expect(await readFile(lockPath(), 'utf8')).toBe('');
  });

  it('takes over a lock taken before this computer last started, whatever process has its number now', async () => {
    await t.service.close();
    // This very process is alive, but the lock says it was taken before the machine booted:
    // the number was reused, and the process that took the lock is long gone.
    const beforeBoot = new Date(Date.now() - uptime() * 1000 - 3_600_000).toISOString();
    await writeFile(lockPath(), JSON.stringify({ pid: process.ppid, host: hostname(), user: 'someone', since: beforeBoot }));
    const b = await second();
    expect((await b.unlock(t.userId, PASS)).readOnly).toBe(false);
  });

  it('does not take over a lock held by a live process on this machine, until it ends', async () => {
    await t.service.close();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const lock = { pid: holder.pid!, host: hostname(), user: 'colleague', since: new Date().toISOString() };
      await writeFile(lockPath(), JSON.stringify(lock));
      const b = await second();
      expect((await b.status()).heldBy).toEqual(lock);
      expect((await b.unlock(t.userId, PASS)).readOnly).toBe(true);
      expect((await b.status()).heldBy).toEqual(lock);
      expect((await rejection(b.saveCase(sampleCase({ reference: 'RJ-2026-0011' }))))?.code).toBe('READ_ONLY');
      await b.lock('manual');
      expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toEqual(lock);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.on('exit', r));
    }
    const c = await second();
    expect((await c.unlock(t.userId, PASS)).readOnly).toBe(false);
  });

  it('never takes over a lock from another machine, even naming a pid that is not running here', async () => {
    await t.service.close();
    const lock = { pid: await deadPid(), host: `not-${hostname()}.example`, user: 'colleague', since: '2026-01-01T09:00:00.000Z', userId: t.userId };
    await writeFile(lockPath(), JSON.stringify(lock));
    const before = await snapshotDir(t.dir);
    const b = await second();
    const session = await b.unlock(t.userId, PASS);
    expect(session.readOnly).toBe(true);
    expect((await b.status()).heldBy).toEqual({ ...lock, name: 'Siân Williams' });
    const e = await rejection(b.updateSettings({ serviceName: 'Overwritten RJ' }));
    expect(e?.code).toBe('READ_ONLY');
    expect(e?.message).toContain(lock.host);
    expect(e?.message).toContain('Siân Williams');
    // Recovering needs the writer lock too: refused while unlocked here, and while the other machine holds it.
    expect((await rejection(b.recover(t.userId, t.created.recoveryKey, 'a passphrase after recovery')))?.code).toBe('CONFLICT');
    await b.lock('manual');
    expect((await rejection(b.recover(t.userId, t.created.recoveryKey, 'a passphrase after recovery')))?.code).toBe('STORE_IN_USE');
    expect(diffSnapshots(before, await snapshotDir(t.dir), { mtime: true })).toEqual([]);
  });
});

describe('one instance unlocking twice', () => {
  it('two overlapping unlocks (a double click) leave one writable session holding the lock', async () => {
    await t.service.lock('manual');
    const results = await Promise.allSettled([t.service.unlock(t.userId, PASS), t.service.unlock(t.userId, PASS)]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    expect(t.service.currentSession()?.readOnly, 'the session ended up read-only').toBe(false);
    expect(JSON.parse(await readFile(lockPath(), 'utf8').catch(() => 'null')), 'the lock file is gone').toMatchObject({ pid: process.pid });
    await t.service.updateSettings({ serviceName: 'Double click RJ' });
  });

  it('unlocking again while unlocked keeps the session writable and the lock held', async () => {
    await t.service.unlock(t.userId, PASS).catch((e: CasebookError) => expect(e.code).toBe('CONFLICT'));
    expect(t.service.currentSession()?.readOnly, 'the session ended up read-only').toBe(false);
    expect(JSON.parse(await readFile(lockPath(), 'utf8').catch(() => 'null')), 'the lock file is gone').toMatchObject({ pid: process.pid });
  });
});

describe('a folder that cannot be written', () => {
  // The suite runs as root in CI, where permissions do not stop a write, so the disk's refusal
  // is made where the lock is taken: the first write any unlock makes.
  for (const code of ['EROFS', 'EACCES'] as const) {
    it(`opens read-only and says why (${code}), refusing changes`, async () => {
      await t.service.close();
      const open = fsPromises.open.bind(fsPromises);
      const spy = vi.spyOn(fsPromises, 'open').mockImplementation(async (path, ...rest) => {
        if (String(path).endsWith('casebook.lock')) throw Object.assign(new Error(code), { code });
        return open(path, ...(rest as [string]));
      });
      try {
        const b = await second();
        const session = await b.unlock(t.userId, PASS);
        expect(session.readOnly).toBe(true);
        const notice = session.notices.find((n) => n.kind === 'folder-read-only');
        expect(notice?.message).toMatch(code === 'EROFS' ? /a disk that cannot be written to/ : /may read the casebook folder but not change it/);
        const e = await rejection(b.saveCase(sampleCase({ reference: 'RJ-2026-0012' })));
        expect(e?.code).toBe('READ_ONLY');
        expect(e?.message).not.toMatch(/Something went wrong/);
      } finally {
        spy.mockRestore();
      }
    });
  }
});
