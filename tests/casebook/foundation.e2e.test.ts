import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startHarness, type Harness } from '../support/e2e/harness';
import { h1, look, nav, settingsPage } from '../support/e2e/steps';
import { sampleCase } from '../support/e2e/fixtures';
import { LOCK } from '../../src-main/store/layout';

/**
 * The secure foundation, end to end, as one person's first day: create the casebook, keep
 * the recovery key, look at cases, change settings, back up, read the audit trail, lock and
 * unlock, restart, change passphrase, recover with the key. The steps share one store and run
 * in order; each screen is photographed and checked with axe.
 */

const SERVICE = 'Northshire Restorative Justice Service';
const ADMIN = 'Siân Evans';
const FIRST = 'correct horse battery staple';
const SECOND = 'tea kettle lantern meadow 42';
const THIRD = 'quiet river granite compass 7';

let h: Harness;
let recoveryKey = '';
let page: Page;

async function focusedIs(p: Page): Promise<{ id: string; cls: string; tag: string }> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', cls: el?.className ?? '', tag: el?.tagName ?? '' };
  });
}

async function unlockAs(p: Page, user: string, passphrase: string): Promise<void> {
  await h1(p, 'Unlock the casebook');
  await p.getByLabel(user, { exact: true }).check();
  await p.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await p.getByRole('button', { name: 'Unlock', exact: true }).click();
  await h1(p, 'Home');
}

describe('secure foundation', () => {
  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('first run asks to create a casebook and ties errors to their fields', async () => {
    await h1(page, 'Create a casebook');
    await look(page, '01-create-casebook');

    await page.getByRole('button', { name: 'Create casebook' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect((await focusedIs(page)).cls).toContain('govuk-error-summary');
    const links = await summary.getByRole('link').allTextContents();
    expect(links).toEqual(['Enter service name', 'Enter your name', 'Enter a passphrase']);
    expect(await page.locator('#serviceName').getAttribute('aria-describedby')).toContain('serviceName-error');
    await summary.getByRole('link', { name: 'Enter your name' }).click();
    expect((await focusedIs(page)).id).toBe('userName');

    // Live strength hint, then a mismatch between the two passphrase boxes.
    await page.getByLabel('Choose a passphrase').fill('short');
    await page.getByText('Too short: use at least 12 characters').waitFor();
    await page.getByLabel('Choose a passphrase').fill(FIRST);
    await page.getByText(/Passphrase strength: (Good|Strong)/).waitFor();
    await page.getByLabel('Type the passphrase again').fill('something else entirely');
    await page.getByRole('button', { name: 'Create casebook' }).click();
    await summary.getByRole('link', { name: /passphrases do not match/ }).waitFor();
    await look(page, '02-create-casebook-errors');
  });

  it('creates the casebook and shows the recovery key once, behind a confirmation', async () => {
    await page.getByLabel('Name of your service').fill(SERVICE);
    await page.getByLabel('Your name').fill(ADMIN);
    await page.getByLabel('Type the passphrase again').fill(FIRST);
    await page.getByRole('button', { name: 'Create casebook' }).click();
    await h1(page, 'Your recovery key');
    recoveryKey = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
    expect(recoveryKey).toMatch(/^[A-Z2-7]{4}(-?[A-Z2-7]{4}){12}$/i);
    await look(page, '03-recovery-key');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').getByText('Tick the box to confirm').waitFor();
    await page.getByLabel('I have stored the recovery key safely').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await h1(page, 'Home');
    expect(await page.getByTestId('signed-in-as').textContent()).toMatch(/Siân Evans.*Administrator/);
    await page.getByTestId('no-cases').waitFor();
    await look(page, '04-home-empty');
  });

  it('home counts real cases by stage; cases can be searched and opened', async () => {
    await h.service.saveCase(sampleCase(1, 'preparation', ['Zoë', 'Ó Briain'], ['Łukasz', 'Nowak']));
    await h.service.saveCase(sampleCase(2, 'preparation', ['Nguyễn', 'Văn An'], ['Алексей', 'Иванов']));
    await h.service.saveCase(sampleCase(3, 'referral', ['Şükrü', 'Yılmaz'], ['Αλέξανδρος', 'Παππάς']));

    await nav(page, 'Cases', 'Cases');
    await page.getByRole('status').getByText('3 cases').waitFor();
    await look(page, '05-cases');

    await page.getByLabel('Search cases').fill('Nowak');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('status').getByText('1 case matching “Nowak”').waitFor();
    await page.getByRole('button', { name: 'RJ-2026-0041' }).click();
    await h1(page, 'Case RJ-2026-0041');
    await page.getByRole('cell', { name: 'Łukasz Nowak' }).waitFor();
    await page.getByRole('cell', { name: 'Person harmed' }).waitFor();
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('14 March 2026');
    await look(page, '06-case');

    await nav(page, 'Home', 'Home');
    const counts = page.getByTestId('stage-counts');
    await counts.waitFor();
    expect(await counts.getByText('Preparation').locator('..').textContent()).toBe('2Preparation');
    expect(await counts.getByText('Referral received').locator('..').textContent()).toBe('1Referral received');
    await look(page, '07-home-with-cases');
  });

  it('saves settings, and shows field errors beside the fields', async () => {
    await nav(page, 'Settings', 'Settings');
    const idle = page.getByLabel('Lock the casebook after this many minutes without use');
    await idle.fill('0');
    await page.getByLabel('The person harmed is called').fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Idle lock must be at least 1 minute' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the words for the person harmed' }).waitFor();
    expect(await idle.getAttribute('aria-describedby')).toContain('idleLockMinutes-error');
    await look(page, '08-settings-errors');

    await page.getByLabel('Service name').fill('Northshire RJ Hub');
    await page.getByLabel('The person harmed is called').fill('Victim');
    await idle.fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Settings saved').waitFor();
    expect(await page.locator('.cb-header__service').textContent()).toContain('Northshire RJ Hub');
    await look(page, '09-settings-saved');
  });

  it('backs up now and lists the backup in UK date format', async () => {
    await settingsPage(page, 'Backups');
    const rows = page.getByTestId('backups').locator('tbody tr');
    const before = await rows.count();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByTestId('backup-status').getByText('Backup made').waitFor();
    expect(await rows.count()).toBe(before + 1);
    expect(await rows.first().locator('td').first().textContent()).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/);
  });

  it('restores a backup only after a confirm step, then locks', async () => {
    await page.getByRole('button', { name: /^Restore the backup made/ }).first().click();
    await page.getByRole('heading', { name: /^Restore the backup made .*\?$/ }).waitFor();
    await look(page, '10-restore-confirm');
    await page.getByRole('button', { name: 'Yes, restore this backup' }).click();
    await h1(page, 'Unlock the casebook');
    await page.getByText('The backup was restored').waitFor();
    await look(page, '11-unlock-after-restore');
    await unlockAs(page, ADMIN, FIRST);
  });

  it('audit trail lists entries, filters them, pages through them and verifies the chain', async () => {
    // Enough changes for a second page (25 entries a page).
    for (let i = 0; i < 30; i++) await h.service.saveCase(sampleCase(1, 'preparation', ['Zoë', 'Ó Briain'], ['Łukasz', 'Nowak']));
    await nav(page, 'Audit trail', 'Audit trail');
    const table = page.getByTestId('audit-table');
    const count = page.getByTestId('audit-count');
    await count.getByText(/^Showing 1 to 25 of \d+ entries$/).waitFor();
    expect(await table.textContent()).toContain('Siân Evans');
    await page.getByRole('button', { name: 'Next page' }).click();
    await count.getByText(/^Showing 26 to \d+ of \d+ entries$/).waitFor();
    // Actions and fields in words, never codes.
    expect(await table.textContent()).toContain('Service settings changed');
    expect(await table.textContent()).not.toContain('settings.update');

    // A date that does not exist is caught before anything is asked of the main process.
    await page.getByLabel('From').fill('31/02/2026');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: /“from” date as a real date/ }).waitFor();
    expect(await page.getByLabel('From').getAttribute('aria-describedby')).toContain('audit-from-error');

    // Today (the trail counts days in UTC), typed the UK way, and only settings changes.
    const today = new Date();
    await page.getByLabel('From').fill(`${today.getUTCDate()}/${today.getUTCMonth() + 1}/${today.getUTCFullYear()}`);
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Service settings changed' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await count.getByText('Showing 1 to 1 of 1 entries').waitFor();
    expect(await table.locator('tbody tr').first().textContent()).toContain('Service settings changed');

    await page.getByRole('button', { name: 'Verify the audit trail' }).click();
    await page.getByText('The audit trail is intact').waitFor();
    await look(page, '12-audit-trail');
  });

  it('locks, shows the server message for a wrong passphrase, and unlocks', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await h1(page, 'Unlock the casebook');
    await page.getByText('You locked the casebook').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('Northshire RJ Hub');
    await look(page, '13-unlock');

    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('That passphrase is not right').waitFor();
    expect((await focusedIs(page)).cls).toContain('govuk-error-summary');
    await look(page, '14-unlock-wrong-passphrase');

    await page.getByLabel('Passphrase', { exact: true }).fill(FIRST);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await h1(page, 'Home');
  });

  it('keeps the settings after a restart', async () => {
    await h.restart();
    page = h.page;
    await unlockAs(page, ADMIN, FIRST);
    expect(await page.locator('.cb-header__service').textContent()).toContain('Northshire RJ Hub');
    await nav(page, 'Settings', 'Settings');
    expect(await page.getByLabel('Service name').inputValue()).toBe('Northshire RJ Hub');
    expect(await page.getByLabel('Lock the casebook after this many minutes without use').inputValue()).toBe('2');
    expect(await page.getByLabel('The person harmed is called').inputValue()).toBe('Victim');
  });

  it('changes my passphrase', async () => {
    await settingsPage(page, 'Your account');
    await page.getByLabel('Current passphrase').fill('wrong current passphrase');
    await page.getByLabel('New passphrase', { exact: true }).fill(SECOND);
    await page.getByLabel('Type the new passphrase again').fill(SECOND);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.locator('.govuk-error-summary').getByText('Your current passphrase is not right').waitFor();
    expect(await page.getByLabel('Current passphrase').getAttribute('aria-describedby')).toBe('current-error');
    await look(page, '15-change-passphrase-wrong');

    await page.getByLabel('Current passphrase').fill(FIRST);
    await page.getByLabel('New passphrase', { exact: true }).fill(SECOND);
    await page.getByLabel('Type the new passphrase again').fill(SECOND);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('Your passphrase has been changed').waitFor();
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockAs(page, ADMIN, SECOND);
  });

  it('recovers with the recovery key', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await h1(page, 'Unlock the casebook');
    await page.getByRole('button', { name: 'Forgotten your passphrase?' }).click();
    await h1(page, 'Set a new passphrase with the recovery key');
    await look(page, '16-recover');

    await page.getByLabel('Recovery key').fill('AAAA-BBBB');
    await page.getByLabel('New passphrase', { exact: true }).fill(THIRD);
    await page.getByLabel('Type the new passphrase again').fill(THIRD);
    await page.getByRole('button', { name: 'Set new passphrase and unlock' }).click();
    // This message comes from the main process (details.issues) and lands on its field.
    await page.locator('.govuk-error-summary').getByText(/13 groups of 4/).waitFor();
    expect(await page.getByLabel('Recovery key').getAttribute('aria-describedby')).toContain('recoveryKey-error');
    await look(page, '17-recover-errors');

    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Set new passphrase and unlock' }).click();
    await h1(page, 'Home');
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockAs(page, ADMIN, THIRD);
  });

  it('hides the audit trail and service settings from people who are not administrators', async () => {
    // An administrator adds the facilitator in Settings, as they would in practice.
    await settingsPage(page, 'People and access');
    const people = page.getByRole('region', { name: 'People who can unlock this casebook' });
    await people.getByRole('button', { name: 'Add person' }).click();
    await people.locator('.govuk-error-summary').waitFor();
    expect(await people.locator('.govuk-error-summary').getByRole('link').allTextContents()).toEqual(['Enter name', 'Enter a passphrase']);
    await people.getByLabel('Name').fill('Jo Bloggs');
    await people.getByLabel('Role').selectOption('facilitator');
    await people.getByLabel('Their first passphrase').fill('facilitator passphrase 1');
    await people.getByLabel('Type it again').fill('facilitator passphrase 1');
    await people.getByRole('button', { name: 'Add person' }).click();
    await people.getByText('Jo Bloggs can now unlock this casebook').waitFor();
    expect(await people.getByRole('cell', { name: 'Jo Bloggs', exact: true }).count()).toBe(1);
    await look(page, '18a-settings-people');
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockAs(page, 'Jo Bloggs', 'facilitator passphrase 1');
    const navItems = await page.getByRole('navigation', { name: 'Main' }).getByRole('button').allTextContents();
    // A facilitator changes nothing in Settings but their passphrase: "Your account" (issue 14).
    expect(navItems).toEqual(['Home', 'Cases', 'New referral', 'Calendar', 'Figures', 'Policies', 'My record', 'Your account']);
    await nav(page, 'Your account');
    await page.getByRole('heading', { name: 'Change your passphrase' }).waitFor();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'Service settings' }).click();
    await page.getByText('Only an administrator can change these.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'Backups' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Back up now' }).count()).toBe(0);
    await look(page, '18-settings-facilitator');
    await page.getByRole('button', { name: 'Lock' }).click();
    await h1(page, 'Unlock the casebook');
  });

  it('the unlock form works with the keyboard alone, with a visible focus', async () => {
    await page.reload();
    await h1(page, 'Unlock the casebook');
    // The heading has focus on arrival; the skip link is the one stop before it.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect((await focusedIs(page)).id).toBe('main-content');
    await page.keyboard.press('Tab');
    expect((await focusedIs(page)).id).toBe('userId'); // the first person, Siân Evans
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect((await focusedIs(page)).id).toBe('passphrase');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await screenshot(page, '19-unlock-keyboard-focus');
    await page.keyboard.type(THIRD);
    await page.keyboard.press('Enter');
    await h1(page, 'Home');
  });

  it('locks itself after the idle time set in Settings', async () => {
    // The idle lock is the main process's: the window only reports activity. A reload keeps
    // the session (the main process is still unlocked) and starts the window afresh.
    await page.reload();
    await h1(page, 'Home');
    // Activity part way through starts the two minutes again.
    h.advanceClock(90_000);
    expect(await h.service.checkIdle()).toBe(false);
    const before = h.calls.filter((c) => c === 'reportActivity').length;
    await page.mouse.move(200, 300);
    await expect.poll(() => h.calls.filter((c) => c === 'reportActivity').length).toBeGreaterThan(before);
    h.advanceClock(60_000);
    expect(await h.service.checkIdle()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Home');
    expect(h.service.currentSession()).toBeDefined();
    h.advanceClock(65_000);
    expect(await h.service.checkIdle()).toBe(true);
    await h1(page, 'Unlock the casebook');
    await page.getByText('The casebook locked itself').waitFor();
    expect(h.service.currentSession()).toBeUndefined();
    await look(page, '20-locked-when-idle');
  });

  it('says who holds the casebook when another copy has it open, and opens read-only', async () => {
    // Another process on this machine holds the lock file.
    let other: ChildProcess | undefined;
    try {
      other = spawn('sleep', ['300'], { stdio: 'ignore' });
      // The lock names the casebook user by id; the notice names them as the casebook does, never by their login.
      const { id: userId, name: holderName } = (await h.service.status()).users[0]!;
      await h.service.close();
      // Taken since this computer last started: a lock from before then is stale whatever its process number.
      const since = new Date(Date.now() - 5 * 60_000).toISOString();
      await fs.writeFile(join(h.storeDir, LOCK), JSON.stringify({ pid: other.pid, host: hostname(), user: 'jo.bloggs', since, userId }));
      await h.restart();
      page = h.page;
      await h1(page, 'Unlock the casebook');
      await page.getByText(new RegExp(`Open read-only: in use by ${holderName} on .+ since \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}`)).waitFor();
      expect(await page.getByText('jo.bloggs').count()).toBe(0);
      await look(page, '21-unlock-held-by-another');
      await unlockAs(page, ADMIN, THIRD);
      await page.getByText('This casebook is open read-only').waitFor();
      await screenshot(page, '22-home-read-only');
    } finally {
      other?.kill();
    }
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
