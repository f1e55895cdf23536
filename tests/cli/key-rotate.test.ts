import { describe, expect, it } from 'vitest';
import { createdService, PASS } from '../support/casebook';
import { FakeTty, runReal } from '../support/cli/harness';

/**
 * `casebook key rotate` in-process over the real service (the fake one does not change keys):
 * confirmation first, new passphrases typed on the terminal for the people kept, everyone else
 * taken off, and a new recovery key printed with plain words that the old one no longer works.
 */
const FAC = 'facilitator passphrase 1';
const NEW_FAC = 'a new temporary passphrase';

async function threePeople() {
  const t = await createdService();
  await t.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC });
  await t.service.addUser({ name: 'Quinn Lead', role: 'quality-lead', passphrase: 'quality lead passphrase 1' });
  await t.service.close();
  return t;
}

describe('casebook key rotate', () => {
  it('changes the key, gives the people kept their new passphrase, takes off the rest and says the old recovery key no longer works', async () => {
    const t = await threePeople();
    try {
      const refused = await runReal(t.dir, ['key', 'rotate', '--user', 'Siân Williams']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--yes/);

      const tty = new FakeTty([`${NEW_FAC}\r`, `${NEW_FAC}\r`]);
      const r = await runReal(t.dir, ['key', 'rotate', '--user', 'Siân Williams', '--keep', 'fatima hussain', '--yes'], tty);
      expect(r.stderr).toMatch(/New passphrase for Fatima Hussain.*\n.*Type it again/s);
      expect(r.stderr).not.toContain(NEW_FAC);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/NEW RECOVERY KEY[\s\S]*[A-Z2-7]{4}(-[A-Z2-7]{4}){12}/);
      expect(r.stdout).toMatch(/old recovery key NO LONGER WORKS/);
      expect(r.stdout).toMatch(/Taken off.*Quinn Lead/);

      const fatima = (await t.service.status()).users.find((u) => u.name === 'Fatima Hussain')!;
      await expect(t.service.unlock(fatima.id, FAC)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      await t.service.unlock(fatima.id, NEW_FAC);
      await t.service.lock('manual');
      expect((await t.service.status()).users.map((u) => u.name)).not.toContain('Quinn Lead');
      // The recovery key from when the casebook was created opens nothing now.
      await expect(t.service.recover(t.userId, t.created.recoveryKey, 'another new passphrase')).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      await t.service.unlock(t.userId, PASS);
      expect((await t.service.verify()).ok).toBe(true);
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  });

  it('gives --json the new key and who was kept, and refuses new passphrases without a terminal, changing nothing', async () => {
    const t = await threePeople();
    try {
      const noTerminal = await runReal(t.dir, ['key', 'rotate', '--user', 'Siân Williams', '--keep', 'Fatima Hussain', '--yes']);
      expect(noTerminal.code).toBe(2);
      expect(noTerminal.stderr).toMatch(/terminal/);
      const fatima = (await t.service.status()).users.find((u) => u.name === 'Fatima Hussain')!;
      await t.service.unlock(fatima.id, FAC);
      await t.service.lock('manual');

      const r = await runReal(t.dir, ['key', 'rotate', '--user', 'Siân Williams', '--yes', '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, value: { kept: [], removed: ['Fatima Hussain', 'Quinn Lead'], oldRecoveryKeyWorks: false, recoveryKey: expect.any(String) } });
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  });
});
