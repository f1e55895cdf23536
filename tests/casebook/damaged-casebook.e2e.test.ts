import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, screenshot, startHarness, type Harness } from '../support/e2e/harness';
import { unlockWith } from '../support/e2e/steps';

/**
 * A damaged file stops the casebook unlocking, so Settings (where backups are restored) is
 * out of reach. The unlock screen must say what is damaged and offer the backup that opens.
 */
const PASS = 'copper willow harbour 2026';
let h: Harness;

describe('a damaged casebook', () => {
  beforeAll(async () => {
    h = await startHarness();
    const { session } = await h.service.create({ serviceName: 'Westshire RJ', userName: 'Gwen Parry', passphrase: PASS });
    await h.service.updateSettings({ serviceName: 'Westshire RJ (backed up)' });
    await h.service.createBackup('manual');
    await h.service.lock('manual');
    const index = join(h.storeDir, 'index.cbk');
    const bytes = await readFile(index);
    bytes.writeUInt8(bytes.readUInt8(40) ^ 0xff, 40);
    await writeFile(index, bytes);
    expect(session.user.name).toBe('Gwen Parry');
    await h.page.reload();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('names the damaged file, restores the clean backup from the unlock screen, then unlocks', async () => {
    const page = h.page;
    await unlockWith(page, PASS);
    const panel = page.getByRole('region', { name: 'Part of this casebook is damaged' });
    await panel.waitFor();
    // What happened and what to do in plain words; the file and the reason behind "Technical details".
    expect(await panel.getByTestId('damage-what-happened').textContent()).not.toMatch(/index\.cbk|authentication/);
    await panel.getByText('Technical details').click();
    expect(await panel.getByTestId('damage-technical').textContent()).toMatch(/index\.cbk.*opens cleanly/);
    await screenshot(page, '23-unlock-damaged');
    await checkA11y(page, '23-unlock-damaged');

    await panel.getByRole('button', { name: 'Restore the backup that opens cleanly' }).click();
    await page.getByText('The backup was restored. Unlock the casebook again.').waitFor();
    await unlockWith(page, PASS);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.getByText('Westshire RJ (backed up)').count()).toBeGreaterThan(0);
    const audit = await h.service.listAudit({ offset: 0, limit: 5 });
    expect(audit.entries.map((e) => e.action)).toContain('backup.restore');
    expect((await h.service.verify()).ok).toBe(true);
  });
});

describe('a damaged keyring.json', () => {
  let k: Harness;
  beforeAll(async () => {
    k = await startHarness();
    await k.service.create({ serviceName: 'Northshire RJ', userName: 'Gwen Parry', passphrase: PASS });
    await k.service.createBackup('manual');
    await k.service.lock('manual');
    await writeFile(join(k.storeDir, 'keyring.json'), '{"body": 1');
    await k.page.reload();
  });
  afterAll(async () => {
    await k?.close();
  });

  it('lists the people from the newest backup, and restores the backup the passphrase opens', async () => {
    const page = k.page;
    await unlockWith(page, PASS);
    const panel = page.getByRole('region', { name: 'Part of this casebook is damaged' });
    await panel.waitFor();
    expect(await panel.getByTestId('damage-technical').textContent()).toMatch(/keyring\.json.*opens with your passphrase/);
    await checkA11y(page, '23b-unlock-damaged-keyring');
    await panel.getByRole('button', { name: 'Restore the backup that opens cleanly' }).click();
    await page.getByText('The backup was restored. Unlock the casebook again.').waitFor();
    await unlockWith(page, PASS);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect((await k.service.verify()).ok).toBe(true);
  });
});
