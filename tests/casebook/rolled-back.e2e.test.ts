import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, screenshot, startHarness, type Harness } from '../support/e2e/harness';
import { unlockWith } from '../support/e2e/steps';

/**
 * A file put back from an older copy (a sync tool, a restored folder) opens fine but does not
 * match the casebook's last save. Every screen says so; an administrator is offered the two
 * ways out, and accepting the casebook as it is makes it writable again, recorded.
 */
const PASS = 'copper willow harbour 2026';
let h: Harness;

describe('a casebook with a file put back from an older copy', () => {
  beforeAll(async () => {
    h = await startHarness();
    await h.service.create({ serviceName: 'Eastshire RJ', userName: 'Gwen Parry', passphrase: PASS });
    const index = join(h.storeDir, 'index.cbk');
    const older = join(h.storeDir, '..', 'index-older.cbk');
    await copyFile(index, older);
    await h.service.updateSettings({ serviceName: 'Eastshire RJ (renamed)' });
    await h.service.lock('manual');
    await copyFile(older, index);
    await h.page.reload();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens read-only, says which file does not match, and lets the administrator accept it as it is', async () => {
    const page = h.page;
    await unlockWith(page, PASS);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    const notices = page.getByTestId('casebook-notices');
    await notices.getByText(/does not match its own record of its last save/).waitFor();
    await notices.getByText('What does not match').click();
    expect(await notices.textContent()).toMatch(/index\.cbk: is not the version the casebook last saved/);
    // Nothing that writes is offered while it is read-only.
    expect(await page.getByRole('button', { name: 'New referral' }).count()).toBe(0);
    await screenshot(page, '24-rolled-back-notice');
    await checkA11y(page, '24-rolled-back-notice');

    await notices.getByRole('button', { name: 'Accept the casebook as it is' }).click();
    await page.getByRole('heading', { name: 'Keep the casebook as it is?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, keep it as it is' }).click();
    await page.getByRole('button', { name: 'New referral' }).first().waitFor();
    expect(await page.getByTestId('casebook-notices').count()).toBe(0);
    const audit = await h.service.listAudit({ offset: 0, limit: 5 });
    expect(audit.entries.map((e) => e.action)).toContain('casebook.accept-as-it-is');
    expect((await h.service.verify()).ok).toBe(true);
  });
});
