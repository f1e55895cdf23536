import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createdService, PASS } from '../support/casebook';

describe('casebook service: create, lock, unlock', () => {
  it('creates, locks, refuses a wrong passphrase and unlocks with the right one', async () => {
    const t = await createdService();
    try {
      expect(t.created.recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
      await t.service.updateSettings({ serviceName: 'Southshire RJ' });
      await t.service.lock('manual');
      expect((await t.service.status()).state).toBe('locked');
      await expect(t.service.unlock(t.userId, 'wrong passphrase!!')).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      const s = await t.service.unlock('siân williams', PASS);
      expect(s.settings.serviceName).toBe('Southshire RJ');
      const audit = await t.service.listAudit({ offset: 0, limit: 100 });
      expect(audit.entries.map((e) => e.action)).toEqual(['session.unlock', 'session.lock', 'settings.update', 'casebook.create']);
      expect((await t.service.verify()).ok).toBe(true);
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  });

  it('writes nothing readable: no service or user name appears in any file but the keyring', async () => {
    const t = await createdService();
    try {
      await t.service.updateSettings({ serviceName: 'Secretshire Restorative Service' });
      await t.service.createBackup('manual');
      const files: string[] = [];
      const walk = async (d: string): Promise<void> => {
        for (const e of await readdir(d, { withFileTypes: true })) {
          if (e.isDirectory()) await walk(join(d, e.name));
          else files.push(join(d, e.name));
        }
      };
      await walk(t.dir);
      for (const f of files) {
        const text = (await readFile(f)).toString('latin1');
        expect(text, f).not.toContain('Secretshire');
        if (!f.endsWith('keyring.json') && !f.endsWith('.cbkbak')) expect(text, f).not.toContain('Williams');
      }
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  });
});
