import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kindOf, storeFiles } from '../../src-main/store/backup-bundle';
import { open } from '../../src-main/store/envelope';
import { dataKeyOf, parseKeyring, unwrapForUser } from '../../src-main/store/keyring';
import { prepareAttachment, readAttachment } from '../../src-main/store/attachments';
import { unlockStore } from '../../src-main/store/open-store';
import { createdService, FAC_PASS, freshService, PASS } from '../support/casebook';
import { rejection, sampleCase } from '../support/fault/fixtures';

/**
 * After a suspected leak the data key is changed: a copy of the old keyring, old passphrases
 * and the old recovery key open nothing of the casebook as it is now; everything still reads.
 */
const NEW_FAC = 'a new temporary passphrase';
const QL = 'quality lead passphrase 1';
let t: Awaited<ReturnType<typeof createdService>>;
let facId: string;
let qlId: string;

beforeEach(async () => {
  t = await createdService();
  facId = (await t.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC_PASS })).id;
  qlId = (await t.service.addUser({ name: 'Quinn Lee', role: 'quality-lead', passphrase: QL })).id;
});
afterEach(async () => {
  await t.service.close();
  await t.cleanup();
});

/** A case whose indirect log names an attachment, committed the way the service does. */
async function caseWithAttachment(): Promise<{ caseId: string; bytes: Buffer }> {
  await t.service.lock('manual');
  const s = await unlockStore(t.dir, t.userId, PASS, { kdf: 'minimum' });
  const bytes = Buffer.from('a letter passed on, in full');
  const { ref, write } = prepareAttachment(s, { name: 'letter.txt', type: 'txt', bytes });
  const base = sampleCase();
  const from = base.participants?.[0]?.id ?? 'p_aaaaaaaaaa';
  const staff = s.index.staff[0]!.id;
  const c = { ...base, indirectLog: [{ on: '2026-01-06', medium: 'no-send-letter' as const, fromParticipantId: from, viaStaffId: staff, summary: 'A letter', attachment: ref }] };
  await s.saveCasesWith([c as never], [s.draft('process.log.add', { type: 'case', id: c.id }, ['attachment'])], { extra: [write] });
  await s.close();
  await t.service.unlock(t.userId, PASS);
  return { caseId: c.id, bytes };
}

/** The key an old keyring.json gives with a passphrase from then opens no file of the casebook as it is now. */
async function noFileOpensWith(dir: string, keyringBytes: Buffer, passphrase: string, userId: string): Promise<void> {
  const old = parseKeyring(keyringBytes);
  const key = await unwrapForUser(old, userId, passphrase);
  expect(key).toBeDefined();
  const dk = dataKeyOf(old, key!);
  const rels = (await storeFiles(dir)).filter((rel) => rel !== 'keyring.json');
  expect(rels.some((rel) => rel.startsWith('attachments/'))).toBe(true);
  for (const rel of rels) {
    const kind = rel.startsWith('attachments/') ? 'attachment' : kindOf(rel)!;
    const bytes = await readFile(join(dir, ...rel.split('/')));
    expect(() => open(dk, kind, rel, bytes), rel).toThrow();
  }
}

describe('changing the data key', () => {
  it('re-encrypts everything: the old keyring, passphrases and recovery key open nothing; cases, trail and attachments still read', async () => {
    const { caseId, bytes } = await caseWithAttachment();
    const oldKeyring = await readFile(join(t.dir, 'keyring.json'));
    const oldRecovery = t.created.recoveryKey;

    const done = await t.service.rotateDataKey({ passphrase: PASS, others: [{ userId: facId, passphrase: NEW_FAC }] });
    expect(done.removed).toEqual(['Quinn Lee']);
    expect(done.recoveryKey).not.toBe(oldRecovery);
    expect(done.session.user.id).toBe(t.userId);

    // (b) still reads, in the same session
    const c = await t.service.getCase(caseId);
    const ref = c.indirectLog![0]!.attachment!;
    expect((await t.service.verify()).ok).toBe(true);
    const audit = await t.service.listAudit({ offset: 0, limit: 1 });
    expect(audit.entries[0]).toMatchObject({ action: 'casebook.rotate-key' });
    await t.service.lock('manual');

    // (a) the old keyring opens no file of the rotated casebook
    await noFileOpensWith(t.dir, oldKeyring, PASS, t.userId);
    // ... and put back, it is refused
    const current = await readFile(join(t.dir, 'keyring.json'));
    await writeFile(join(t.dir, 'keyring.json'), oldKeyring);
    expect((await rejection(t.service.unlock(t.userId, PASS)))?.code).toMatch(/CORRUPT|AUTH_FAILED/);
    await writeFile(join(t.dir, 'keyring.json'), current);

    // (c) the others: the new passphrase, not the old one; the one left out is gone
    expect((await rejection(t.service.unlock(facId, FAC_PASS)))?.code).toBe('AUTH_FAILED');
    expect((await rejection(t.service.unlock(qlId, QL)))?.code).toBe('AUTH_FAILED');
    await t.service.unlock(facId, NEW_FAC);
    expect((await t.service.getCase(caseId)).id).toBe(caseId);
    await t.service.lock('manual');

    // (d) the old recovery key opens nothing; the new one does
    expect((await rejection(t.service.recover(t.userId, oldRecovery, 'another long passphrase')))?.code).toBe('AUTH_FAILED');
    await t.service.recover(t.userId, done.recoveryKey, 'another long passphrase');
    const store = await unlockStoreAfterLock('another long passphrase');
    const a = await readAttachment(store, ref);
    expect(a.bytes.equals(bytes)).toBe(true);
    await store.close();
    await t.service.unlock(t.userId, 'another long passphrase');
  });

  it('is refused to anyone but an administrator, and with a wrong passphrase', async () => {
    await t.service.lock('manual');
    await t.service.unlock(facId, FAC_PASS);
    expect((await rejection(t.service.rotateDataKey({ passphrase: FAC_PASS, others: [] })))?.code).toBe('FORBIDDEN');
    await t.service.lock('manual');
    await t.service.unlock(t.userId, PASS);
    expect((await rejection(t.service.rotateDataKey({ passphrase: 'not my passphrase at all', others: [] })))?.code).toBe('AUTH_FAILED');
    expect((await rejection(t.service.rotateDataKey({ passphrase: PASS, others: [{ userId: t.userId, passphrase: NEW_FAC }] })))?.code).toBe('INVALID_INPUT');
  });

  it('re-encrypts the backups, which still restore', async () => {
    const c = await t.service.saveCase(sampleCase());
    const before = await t.service.createBackup('manual');
    await t.service.rotateDataKey({ passphrase: PASS, others: [{ userId: facId, passphrase: NEW_FAC }, { userId: qlId, passphrase: NEW_FAC }] });
    expect((await t.service.listBackups()).map((b) => b.id)).toContain(before.id);
    await t.service.restoreBackup(before.id);
    await t.service.unlock(facId, NEW_FAC);
    expect((await t.service.getCase(c.id)).id).toBe(c.id);
    expect((await rejection(t.service.unlock(facId, FAC_PASS)))?.code).toBe('CONFLICT');
  });

  it('names a backup left under the old key, which still restores into an empty folder with a passphrase from then', async () => {
    const c = await t.service.saveCase(sampleCase());
    const before = await t.service.createBackup('manual');
    const name = `${before.id}-manual.cbkbak`;
    const oldCopy = await readFile(join(t.dir, 'backups', name));
    await t.service.rotateDataKey({ passphrase: PASS, others: [{ userId: facId, passphrase: NEW_FAC }, { userId: qlId, passphrase: NEW_FAC }] });
    // As a crash before the backups were re-encrypted would leave it.
    await writeFile(join(t.dir, 'backups', name), oldCopy);
    const refused = await rejection(t.service.restoreBackup(before.id));
    expect(refused?.code).toBe('CONFLICT');
    expect(refused?.message).toMatch(/earlier key/);
    await t.service.lock('manual');
    const elsewhere = await freshService();
    try {
      await elsewhere.service.restoreWhileLocked({ bytes: oldCopy, name: 'the backup file' }, 'Siân Williams', PASS);
      await elsewhere.service.unlock(facId, FAC_PASS);
      expect((await elsewhere.service.getCase(c.id)).id).toBe(c.id);
    } finally {
      await elsewhere.service.close();
      await elsewhere.cleanup();
    }
  });

  async function unlockStoreAfterLock(passphrase: string) {
    await t.service.lock('manual');
    return unlockStore(t.dir, t.userId, passphrase, { kdf: 'minimum' });
  }
});
