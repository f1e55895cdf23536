import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, screenshot, type Harness } from '../support/e2e/harness';
import { ADMIN, PASS, reloadHome, startWithCasebook, settingsPage } from '../support/e2e/steps';

/** After a suspected leak an administrator changes the key from Settings, by keyboard, and sees the new recovery key once. */
const NEW_FAC = 'a new temporary passphrase';
let h: Harness;

describe('changing the casebook key', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    await h.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: 'facilitator passphrase 1' });
    await reloadHome(h.page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks first, then changes the key and shows the new recovery key once', async () => {
    const page = h.page;
    await settingsPage(page, 'People and access');
    const section = page.getByRole('region', { name: 'After a suspected leak' });
    await section.getByLabel('Your passphrase').fill(PASS);
    await section.getByLabel('New passphrase for Fatima Hussain').fill(NEW_FAC);
    await section.getByLabel('New passphrase for Fatima Hussain').press('Enter');
    await page.getByRole('heading', { name: /key now\?$/ }).waitFor();
    await screenshot(page, '26-rotate-key');
    await checkA11y(page, '26-rotate-key');
    // Focus is on the question; the next stop is the button that goes ahead.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your new recovery key' }).waitFor();
    expect((await page.getByTestId('recovery-key').textContent())?.length).toBeGreaterThan(20);
    await checkA11y(page, '26-rotate-key-recovery');
    expect((await h.service.listAudit({ offset: 0, limit: 5 })).entries.some((e) => e.action === 'casebook.rotate-key')).toBe(true);
    await page.getByLabel('I have stored the recovery key safely').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // Back where they were, still signed in (the casebook was opened again with the new key).
    await page.getByRole('heading', { level: 1, name: /^(People and access|Home)$/ }).waitFor();
    expect((await h.service.currentSession())?.user.name).toBe(ADMIN);
    await h.service.lock('manual');
    await h.service.unlock('Fatima Hussain', NEW_FAC);
  });
});
