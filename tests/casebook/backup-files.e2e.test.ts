import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../support/e2e/harness';
import { createCasebook, focusedClass, h1, look, settingsPage } from '../support/e2e/steps';

/**
 * Backups kept off this computer, end to end: an administrator saves an encrypted copy of the
 * casebook (the save dialog is the harness's), restores from that file after a confirm step,
 * and, when the casebook is damaged and will not open, restores the same file from the
 * unlock screen with the name and passphrase that open it.
 */

const CASEBOOK = { service: 'Eastshire Restorative Justice', admin: 'Ffion Hughes', passphrase: 'lantern orchard pebble 9' };

let h: Harness;
let page: Page;
let copy: Uint8Array;

async function actions(): Promise<string[]> {
  return (await h.service.listAudit({ offset: 0, limit: 50 })).entries.map((e) => e.action);
}

async function unlock(p: Page): Promise<void> {
  await p.getByLabel('Passphrase', { exact: true }).fill(CASEBOOK.passphrase);
  await p.getByRole('button', { name: 'Unlock', exact: true }).click();
}

describe('backups kept off this computer', () => {
  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    await createCasebook(page, CASEBOOK);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('saves an encrypted copy where the person chooses, says where to keep it, and records it', async () => {
    await settingsPage(page, 'Backups');
    const part = page.getByTestId('backup-copy');
    expect(await part.textContent()).toMatch(/encrypted USB stick.*secure file store.*restored only with a passphrase of this casebook: over it, the passphrase you unlock it with now/);
    await part.getByRole('button', { name: 'Save a copy of the casebook' }).click();
    await part.getByRole('status').getByText(/^A copy of the casebook was saved as casebook-backup-\d{4}-\d{2}-\d{2}\.cbkbak \(.+\)$/).waitFor();
    expect(h.saved.map((s) => s.name)).toEqual([expect.stringMatching(/^casebook-backup-.*\.cbkbak$/)]);
    copy = h.saved[0]!.bytes;
    // Encrypted: the service's name, in the casebook since it was created, is nowhere in the file.
    expect(Buffer.from(copy).includes(Buffer.from(CASEBOOK.service))).toBe(false);
    expect(await actions()).toContain('backup.export');
    await look(page, '9b-01-backup-copy');
  });

  it('says nothing when choosing the file to restore is cancelled', async () => {
    const part = page.getByTestId('backup-file');
    await part.getByRole('button', { name: 'Restore from a backup file' }).click();
    await part.getByRole('heading', { name: 'Restore from a backup file?' }).waitFor();
    expect(h.toPick).toHaveLength(0); // the dialog will be cancelled
    await part.getByRole('button', { name: 'Yes, choose the file and restore it' }).click();
    await part.getByRole('button', { name: 'Restore from a backup file' }).waitFor();
    expect(await part.getByRole('status').count()).toBe(0);
    expect(await part.locator('.govuk-error-summary').count()).toBe(0);
    await h1(page, 'Backups');
  });

  it('restores the saved file after a confirm step, then locks', async () => {
    await h.service.updateSettings({ serviceName: 'Changed after the copy' });
    h.toPick.push({ name: 'casebook-backup.cbkbak', bytes: copy });
    const part = page.getByTestId('backup-file');
    await part.getByRole('button', { name: 'Restore from a backup file' }).click();
    await part.getByRole('heading', { name: 'Restore from a backup file?' }).waitFor();
    expect(await part.textContent()).toContain('The casebook locks afterwards');
    await look(page, '9b-02-restore-file-confirm');

    await part.getByRole('button', { name: 'Yes, choose the file and restore it' }).click();
    await h1(page, 'Unlock the casebook');
    await page.getByText('The backup was restored').waitFor();
    await look(page, '9b-03-unlock-after-file-restore');
    await unlock(page);
    await h1(page, 'Home');
    expect(await page.locator('.cb-header__service').textContent()).toContain(CASEBOOK.service);
    expect(await actions()).toContain('backup.restore');
  });

  it('restores the file from the unlock screen when the casebook is damaged', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await h1(page, 'Unlock the casebook');
    const index = join(h.storeDir, 'index.cbk');
    const bytes = await readFile(index);
    bytes.writeUInt8(bytes.readUInt8(40) ^ 0xff, 40);
    await writeFile(index, bytes);
    await unlock(page);
    const panel = page.getByRole('region', { name: 'Part of this casebook is damaged' });
    const form = panel.getByTestId('restore-from-file');
    await form.waitFor();
    // Started with the name of the person who tried to unlock.
    expect(await form.getByLabel('Your name', { exact: true }).inputValue()).toBe(CASEBOOK.admin);

    await form.getByLabel('Your passphrase', { exact: true }).fill('not the passphrase at all');
    h.toPick.push({ name: 'casebook-backup.cbkbak', bytes: copy });
    await form.getByRole('button', { name: 'Restore from a backup file' }).click();
    const summary = form.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: /That passphrase does not open this casebook: use the one you unlock it with now/ }).waitFor();
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    expect(await form.getByLabel('Your passphrase', { exact: true }).getAttribute('aria-describedby')).toContain('restore-file-passphrase-error');
    await look(page, '9b-04-damaged-restore-file-error');

    // The file is chosen before the passphrase is tried, so it is chosen again.
    expect(h.toPick).toHaveLength(0);
    h.toPick.push({ name: 'casebook-backup.cbkbak', bytes: copy });
    await form.getByLabel('Your passphrase', { exact: true }).fill(CASEBOOK.passphrase);
    await form.getByRole('button', { name: 'Restore from a backup file' }).click();
    await page.getByText('The backup was restored. Unlock the casebook again.').waitFor();
    await unlock(page);
    await h1(page, 'Home');
    expect((await h.service.verify()).ok).toBe(true);
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
