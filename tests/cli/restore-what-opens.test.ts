import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damageInBackup } from '../support/backup-damage';
import { caseworkWorld, PASS, referral } from '../support/casebook';
import { runReal } from '../support/cli/harness';

/**
 * `casebook restore --from FILE` with a backup in which one case does not open: refused with the
 * case's reference and how to go on; with --recover-what-opens, everything else is restored and
 * the lost case is named (by reference only).
 */
describe('casebook restore --recover-what-opens', () => {
  it('refuses first, naming the case, then restores what opens', async () => {
    const w = await caseworkWorld();
    for (let i = 0; i < 3; i++) await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    const [lost] = await w.call('listCases', {});
    await w.call('saveBackupCopy', {});
    const file = join(w.dir, '..', `${w.dir.split('/').pop()}-damaged.cbkbak`);
    await writeFile(file, damageInBackup(w.files.last().bytes, [`cases/${lost!.id}.cbk`]));
    await w.service.close();

    const refused = await runReal(w.dir, ['restore', '--from', file, '--user', 'Jo Whitfield'], undefined, PASS);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(lost!.reference);
    expect(refused.stderr).toMatch(/--recover-what-opens/);

    const r = await runReal(w.dir, ['restore', '--from', file, '--user', 'Jo Whitfield', '--recover-what-opens', '--json'], undefined, PASS);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, value: { restored: true, how: 'unlocked', lost: [lost!.reference] } });
    const listed = await runReal(w.dir, ['cases', 'list', '--user', 'Jo Whitfield', '--json'], undefined, PASS);
    expect((JSON.parse(listed.stdout) as { value: unknown[] }).value).toHaveLength(2);
    await rm(file, { force: true });
  });
});
