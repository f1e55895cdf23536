import { describe, expect, it } from 'vitest';
import { createdService, PASS } from '../support/casebook';
import { runReal } from '../support/cli/harness';

/**
 * `casebook user deactivate NAME --yes` over the real service: confirmation first, an unknown
 * name changes nothing, and a deactivation changes the key while everyone else keeps their
 * passphrase and the recovery key keeps working.
 */
const FAC = 'facilitator passphrase 1';
const QL = 'quality lead passphrase 1';

describe('casebook user deactivate', () => {
  it('asks for --yes, refuses an unknown name, then deactivates and changes the key with nobody else given a new passphrase', async () => {
    const t = await createdService();
    try {
      await t.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC });
      const quinn = await t.service.addUser({ name: 'Quinn Lead', role: 'quality-lead', passphrase: QL });
      await t.service.close();
      const unconfirmed = await runReal(t.dir, ['user', 'deactivate', 'Fatima Hussain', '--user', 'Siân Williams']);
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stderr).toMatch(/--yes/);
      const unknown = await runReal(t.dir, ['user', 'deactivate', 'Nobody Here', '--user', 'Siân Williams', '--yes'], undefined, PASS);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/No one called Nobody Here/);
      const empty = await runReal(t.dir, ['user', 'deactivate', '  ', '--user', 'Siân Williams', '--yes'], undefined, PASS);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toMatch(/Give the name of the person/);
      const scripted = await runReal(t.dir, ['user', 'deactivate', '<script>alert(1)</script> Ζωή 李', '--user', 'Siân Williams', '--yes'], undefined, PASS);
      expect(scripted.code).not.toBe(0);
      expect(scripted.stderr).toMatch(/No one called .*Ζωή 李 can unlock/);

      const r = await runReal(t.dir, ['user', 'deactivate', 'fatima hussain', '--user', 'Siân Williams', '--yes', '--json'], undefined, PASS);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).value).toMatchObject({ deactivated: 'Fatima Hussain', alsoDeactivated: [], backupsLeft: 0, recoveryKey: null });
      const fatima = (await t.service.status()).users.find((u) => u.name === 'Fatima Hussain');
      expect(fatima).toBeUndefined();
      await t.service.unlock(quinn.id, QL);
      await t.service.lock('manual');
      await t.service.recover(t.userId, t.created.recoveryKey, 'another new passphrase');
      expect((await t.service.verify()).ok).toBe(true);
      expect((await t.service.listAudit({ offset: 0, limit: 20 })).entries.some((e) => e.action === 'user.deactivate-rekey')).toBe(true);
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  });
});
