import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { promises as fsp } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { prepareAttachment } from '../../src-main/store/attachments';
import { parseKeyring } from '../../src-main/store/keyring';
import { unlockStore } from '../../src-main/store/open-store';
import { FAC_PASS, PASS } from '../support/casebook';
import { rejection, restoreDir, sampleCase, snapshotDir, type FileSnap } from '../support/fault/fixtures';

/**
 * A crash while the data key is being changed. From the Nth durable write of the change on,
 * every write fails (the disk stays full, so the journal cannot be finished in the same
 * session either): the journal itself, the first files, the middle, the keyring (written
 * last), the removal of the journal, and the backups re-encrypted afterwards. After each, the
 * casebook is opened again: it must open completely with the old key or completely with the
 * new one (verify clean, the case and its trail readable), never a mix, and the other person
 * gets in with exactly one of their passphrases, old or new. A backup not yet re-encrypted
 * when the crash came stays under the old key, and verify names it as such.
 */
const NEW_FAC = 'a new temporary passphrase';
const inject = { armed: false, failFrom: Infinity, count: 0, keepJournal: false };
const realOpen = fsp.open.bind(fsp);

vi.spyOn(fsp, 'open').mockImplementation((async (path: Parameters<typeof fsp.open>[0], flags?: Parameters<typeof fsp.open>[1], mode?: Parameters<typeof fsp.open>[2]) => {
  const handle = await realOpen(path, flags, mode);
  if (inject.armed && typeof path === 'string' && path.endsWith('.tmp') && ++inject.count >= inject.failFrom) {
    handle.writeFile = (async () => {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC', syscall: 'write', path });
    }) as typeof handle.writeFile;
  }
  return handle;
}) as typeof fsp.open);

// The journal's removal failing: every file, the new keyring last, is in place and the journal (sealed with the old key) is left.
const realRm = fsp.rm.bind(fsp);
vi.spyOn(fsp, 'rm').mockImplementation((async (path: Parameters<typeof fsp.rm>[0], o?: Parameters<typeof fsp.rm>[1]) => {
  if (inject.armed && inject.keepJournal && typeof path === 'string' && path.endsWith('journal.cbk')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO', path });
  return realRm(path, o);
}) as typeof fsp.rm);

let dir: string;
let template: Map<string, FileSnap>;
let adminId: string;
let facId: string;
let caseId: string;
let oldKeyId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-rotate-'));
  const s = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  adminId = (await s.create({ serviceName: 'Keyshire RJ', userName: 'Siân Williams', passphrase: PASS })).session.user.id;
  facId = (await s.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC_PASS })).id;
  await s.createBackup('manual');
  await s.close();
  // A case with an attachment, committed as the service does (the attachment is renamed by the change).
  const store = await unlockStore(dir, adminId, PASS, { kdf: 'minimum' });
  const { write } = prepareAttachment(store, { name: 'letter.txt', type: 'txt', bytes: Buffer.from('a letter') });
  const c = sampleCase();
  caseId = c.id;
  await store.saveCasesWith([c], [store.draft('case.create', { type: 'case', id: c.id })], { extra: [write] });
  await store.close();
  oldKeyId = parseKeyring(await readFile(join(dir, 'keyring.json'))).keyId;
  template = await snapshotDir(dir, (rel) => rel === 'casebook.lock');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Run the change with writes failing from the Nth on; how many durable writes it asked for. */
async function rotateFailingFrom(n: number, keepJournal = false): Promise<{ writes: number; failed: boolean }> {
  await restoreDir(dir, template);
  const s = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  await s.unlock(adminId, PASS);
  Object.assign(inject, { armed: true, failFrom: n, count: 0, keepJournal });
  const e = await rejection(s.rotateDataKey({ passphrase: PASS, others: [{ userId: facId, passphrase: NEW_FAC }] }));
  inject.armed = false;
  if (e) expect(e.code).toBe('WRITE_FAILED');
  await s.close();
  return { writes: inject.count, failed: e !== undefined };
}

async function opensWholeWithOneKey(): Promise<'old' | 'new'> {
  const s = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  try {
    await s.unlock(adminId, PASS);
    // A backup the crash left under the old key is named, and is the only thing verify may name.
    const problems = (await s.verify()).problems;
    expect(problems.filter((p) => !(p.file.startsWith('backups/') && /earlier key/.test(p.message)))).toEqual([]);
    expect((await s.getCase(caseId)).id).toBe(caseId);
    await s.lock('manual');
    const keyId = parseKeyring(await readFile(join(dir, 'keyring.json'))).keyId;
    const which = keyId === oldKeyId ? 'old' : 'new';
    const [works, refused] = which === 'old' ? [FAC_PASS, NEW_FAC] : [NEW_FAC, FAC_PASS];
    expect((await rejection(s.unlock(facId, refused)))?.code).toBe('AUTH_FAILED');
    await s.unlock(facId, works);
    return which;
  } finally {
    await s.close();
  }
}

describe('a crash while the data key is changed', () => {
  it('leaves a casebook that opens whole with the old key or whole with the new one', async () => {
    const all = await rotateFailingFrom(Infinity);
    expect(all.failed).toBe(false);
    expect(await opensWholeWithOneKey()).toBe('new');
    const points = [...new Set([1, 2, 3, Math.floor(all.writes / 2), all.writes - 3, all.writes - 2, all.writes - 1, all.writes])];
    const seen = new Set<string>();
    for (const n of points) {
      await rotateFailingFrom(n);
      seen.add(await opensWholeWithOneKey());
    }
    // The journal's own write failing leaves the old key; a failure after it, the new one.
    expect(seen).toEqual(new Set(['old', 'new']));
    expect((await rotateFailingFrom(Infinity, true)).failed).toBe(true);
    expect(await readFile(join(dir, 'journal.cbk')).then(() => true, () => false)).toBe(true);
    expect(await opensWholeWithOneKey()).toBe('new');
    expect(await readFile(join(dir, 'journal.cbk')).then(() => true, () => false)).toBe(false);
  });
});
