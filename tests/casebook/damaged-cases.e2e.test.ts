import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referral } from '../support/casebook';
import { checkA11y, screenshot, startHarness, type Harness } from '../support/e2e/harness';
import { nav, unlockWith, settingsPage } from '../support/e2e/steps';

/**
 * A damaged case file does not stop the casebook unlocking, so nobody would know until they
 * opened that case. The check of every case file after unlocking finds it, and the notice
 * reaches the screen without a restart: the next screen the person moves to shows it.
 */
const PASS = 'copper willow harbour 2026';
let h: Harness;
let reference: string;

describe('a damaged case file', () => {
  beforeAll(async () => {
    h = await startHarness();
    await h.service.create({ serviceName: 'Westshire RJ', userName: 'Gwen Parry', passphrase: PASS });
    const made = await h.registry.invoke('createReferral', { referral: referral(), duplicatesSeen: true });
    expect(made.ok).toBe(true);
    const [row] = h.service.listCases({});
    reference = row!.reference;
    await h.service.lock('manual');
    const file = join(h.storeDir, 'cases', `${row!.id}.cbk`);
    const bytes = await readFile(file);
    bytes[bytes.length - 30]! ^= 0x42;
    await writeFile(file, bytes);
    await h.page.reload();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is named on the next screen after unlocking, with what to do', async () => {
    const page = h.page;
    await unlockWith(page, PASS);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await h.service.casesChecked();
    await nav(page, 'Cases');
    const notices = page.getByTestId('casebook-notices');
    await notices.getByText(reference, { exact: false }).waitFor();
    expect(await notices.textContent()).toMatch(/does not open.*Restore a backup.*Verify/s);
    await screenshot(page, '40-damaged-case-notice');
    await checkA11y(page, '40-damaged-case-notice');
  });

  it('restores a copy carrying that damage only when asked to restore the cases that open', async () => {
    const page = h.page;
    // A copy saved now carries the damaged case file (its hashes match what was copied).
    const { saved } = await h.service.saveBackupCopy();
    expect(saved).toBe(true);
    const copy = h.saved.at(-1)!.bytes;
    h.toPick.push({ name: 'copy.cbkbak', bytes: copy }, { name: 'copy.cbkbak', bytes: copy });
    await settingsPage(page, 'Backups');
    const part = page.getByTestId('backup-file');
    await part.getByRole('button', { name: 'Restore from a backup file' }).click();
    await part.getByRole('button', { name: 'Yes, choose the file and restore it' }).click();
    const recover = page.getByTestId('recover-what-opens');
    await recover.getByTestId('lost-cases').getByText(reference).waitFor();
    await screenshot(page, '41-restore-what-opens');
    await checkA11y(page, '41-restore-what-opens');
    await recover.getByRole('button', { name: 'Restore the cases that open' }).click();
    await page.getByText('The backup was restored').waitFor();
    await unlockWith(page, PASS);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(h.service.listCases({})).toEqual([]);
    const restored = await h.service.listAudit({ action: 'backup.restore', offset: 0, limit: 10 });
    expect(restored.entries.at(-1)?.fields).toEqual(['partial', 'lost-cases:1']);
    expect((await h.service.verify()).ok).toBe(true);
    expect(h.problems).toEqual([]);
  });
});
