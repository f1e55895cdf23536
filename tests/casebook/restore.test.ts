import { describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { createdService, freshService, PASS } from '../support/casebook';

const freshServiceAt = (dir: string) => createCasebookService({ storeDir: dir, kdf: 'minimum' });

describe('restoring when the casebook will not open', () => {
  it('names the damaged file and a clean backup, then restores it with the passphrase', async () => {
    const t = await createdService();
    try {
      await t.service.updateSettings({ serviceName: 'Before Damage RJ' });
      const backup = await t.service.createBackup('manual');
      await t.service.updateSettings({ serviceName: 'After Backup RJ' });
      await t.service.lock('manual');

      const index = join(t.dir, 'index.cbk');
      const bytes = await readFile(index);
      const at = bytes.length - 20;
      bytes.writeUInt8(bytes.readUInt8(at) ^ 0x55, at);
      await writeFile(index, bytes);

      const err = await t.service.unlock(t.userId, PASS).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'CORRUPT', details: { file: 'index.cbk', cleanBackup: backup.id } });
      expect((err as Error).message).toMatch(/index\.cbk.*opens cleanly/s);

      await expect(t.service.restoreWhileLocked({ backupId: backup.id }, t.userId, 'not the passphrase')).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      await t.service.restoreWhileLocked({ backupId: backup.id }, t.userId, PASS);
      const session = await t.service.unlock(t.userId, PASS);
      expect(session.settings.serviceName).toBe('Before Damage RJ');
      expect((await t.service.listBackups()).map((b) => b.reason)).toContain('before-restore');
      expect((await t.service.verify()).ok).toBe(true);
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  });

  it('restores a backup file into an empty folder (a new computer)', async () => {
    const t = await createdService();
    const other = await createdService();
    try {
      await t.service.updateSettings({ serviceName: 'Portable RJ' });
      const file = join(t.dir, '..', `${t.dir.split('/').pop()}-export.cbkbak`);
      await t.service.saveBackupCopy();
      await writeFile(file, t.files.last().bytes);
      await t.service.lock('manual');
      const fresh = await freshService();
      try {
        await fresh.service.restoreWhileLocked({ file }, 'Siân Williams', PASS);
        const s = await fresh.service.unlock('Siân Williams', PASS);
        expect(s.settings.serviceName).toBe('Portable RJ');
        await fresh.service.lock('manual');
        // A backup of one casebook is refused over a different casebook.
        await other.service.lock('manual');
        await expect(other.service.restoreWhileLocked({ file }, 'Siân Williams', PASS)).rejects.toMatchObject({ code: 'CONFLICT' });
        // Someone who is not an administrator in the backup may not restore it.
        await t.service.unlock(t.userId, PASS);
        await t.service.addUser({ name: 'Femi Adeyemi', role: 'facilitator', passphrase: 'facilitator passphrase' });
        await t.service.saveBackupCopy();
        await writeFile(`${file}.2`, t.files.last().bytes);
        await t.service.lock('manual');
        const empty = await freshService();
        try {
          await expect(empty.service.restoreWhileLocked({ file: `${file}.2` }, 'Femi Adeyemi', 'facilitator passphrase')).rejects.toMatchObject({ code: 'FORBIDDEN' });
          // Over a casebook that opens, who may restore is who may unlock it: Femi is not in this one.
          await expect(fresh.service.restoreWhileLocked({ file: `${file}.2` }, 'Femi Adeyemi', 'facilitator passphrase')).rejects.toMatchObject({ code: 'AUTH_FAILED' });
        } finally {
          await empty.cleanup();
        }
        await rm(`${file}.2`, { force: true });
      } finally {
        await fresh.service.close();
        await fresh.cleanup();
        await rm(file, { force: true });
      }
    } finally {
      await t.service.close();
      await other.service.close();
      await t.cleanup();
      await other.cleanup();
    }
  });
});

describe('creating a casebook', () => {
  it('refuses a folder that holds other files, and leaves them as they were', async () => {
    const t = await freshService();
    try {
      await writeFile(join(t.dir, 'minutes.docx'), 'not ours');
      const e = await t.service.create({ serviceName: 'Northshire RJ', userName: 'Siân Williams', passphrase: PASS }).then(() => undefined, (x: unknown) => x as { code: string; message: string });
      expect(e?.code).toBe('CONFLICT');
      expect(e?.message).toMatch(/already holds other files/);
      expect(await readFile(join(t.dir, 'minutes.docx'), 'utf8')).toBe('not ours');
      expect((await t.service.status()).state).toBe('uninitialised');
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  });
});

describe('a damaged keyring.json', () => {
  it('still shows who can unlock (from the newest backup), points to the backup the passphrase opens, and restores it', async () => {
    const t = await createdService();
    try {
      await t.service.updateSettings({ serviceName: 'Kept Safe RJ' });
      const backup = await t.service.createBackup('manual');
      await t.service.close();
      await writeFile(join(t.dir, 'keyring.json'), '{"body": 1');
      const again = await freshServiceAt(t.dir);
      try {
        const status = await again.status();
        expect(status).toMatchObject({ state: 'locked', users: [{ id: t.userId, name: 'Siân Williams' }] });
        const err = await again.unlock(t.userId, PASS).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'CORRUPT', details: { file: 'keyring.json', cleanBackup: backup.id } });
        expect((err as Error).message).toMatch(/opens with your passphrase/);
        const wrong = await again.unlock(t.userId, 'not the passphrase at all').catch((e: unknown) => e);
        expect((wrong as { details: Record<string, unknown> }).details.cleanBackup).toBeUndefined();
        await again.restoreWhileLocked({ backupId: backup.id }, t.userId, PASS);
        expect((await again.unlock(t.userId, PASS)).settings.serviceName).toBe('Kept Safe RJ');
        expect((await again.verify()).ok).toBe(true);
      } finally {
        await again.close();
      }
    } finally {
      await t.cleanup();
    }
  });
});
