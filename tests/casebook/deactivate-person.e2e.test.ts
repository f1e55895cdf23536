import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, screenshot, startHarness, type Harness } from '../support/e2e/harness';
import { look, unlockWith, settingsPage } from '../support/e2e/steps';

/** An administrator deactivates someone's login from Settings, after a question that says what it does (issue 13: they stay listed; issue 16: the key changes). */
const PASS = 'copper willow harbour 2026';
const TEMPORARY = 'temporary passphrase 42';
let h: Harness;

describe('deactivating a person who can unlock', () => {
  beforeAll(async () => {
    h = await startHarness();
    await h.service.create({ serviceName: 'Eastshire RJ', userName: 'Gwen Parry', passphrase: PASS });
    await h.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: 'facilitator passphrase 1' });
    await h.service.lock('manual');
    await h.page.reload();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks first, then marks them deactivated and takes them off the unlock screen', async () => {
    const page = h.page;
    await unlockWith(page, PASS, 'Gwen Parry');
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await settingsPage(page, 'People and access');
    const people = page.getByRole('region', { name: 'People who can unlock this casebook' });
    // Nobody is offered a way to deactivate themselves.
    expect(await people.getByRole('button', { name: 'Deactivate Gwen Parry' }).count()).toBe(0);
    await people.getByRole('button', { name: 'Deactivate Fatima Hussain' }).click();
    await page.getByRole('heading', { name: 'Deactivate Fatima Hussain?' }).waitFor();
    await screenshot(page, '25-deactivate-person');
    await checkA11y(page, '25-deactivate-person');
    await page.getByRole('button', { name: 'Yes, deactivate Fatima Hussain' }).click();
    await people.getByRole('heading', { name: 'Deactivate Fatima Hussain?' }).waitFor({ state: 'detached' });
    await people.getByRole('button', { name: 'Reactivate Fatima Hussain' }).waitFor();
    expect(await people.getByRole('row', { name: /Fatima Hussain/ }).innerText()).toMatch(/No: deactivated/);
    // The key changed with it, sealed to those who stay (issue 16): said in words, and recorded.
    await page.getByRole('status').getByText('Fatima Hussain was deactivated and the casebook’s key was changed.').waitFor();
    expect((await h.service.listAudit({ offset: 0, limit: 1 })).entries[0]?.action).toBe('user.deactivate-rekey');
    await screenshot(page, '25-deactivated-person');
    await checkA11y(page, '25-deactivated-person');
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unlock the casebook' }).waitFor();
    // The unlock screen reads the people again after the lock: wait for that rather than the first paint.
    await expect.poll(() => page.getByLabel('Fatima Hussain').count()).toBe(0);
  });

  it('lets them back in with a passphrase from the administrator, which they must change before anything else', async () => {
    const page = h.page;
    await unlockWith(page, PASS, 'Gwen Parry');
    await settingsPage(page, 'People and access');
    const people = page.getByRole('region', { name: 'People who can unlock this casebook' });
    await people.getByRole('button', { name: 'Reactivate Fatima Hussain' }).click();
    const panel = people.getByRole('group', { name: 'Let Fatima Hussain unlock again' });
    await panel.getByLabel('Passphrase for them').fill(TEMPORARY);
    await panel.getByLabel('Type it again').fill(TEMPORARY);
    await look(page, '25-reactivate-person');
    await panel.getByRole('button', { name: 'Reactivate with this passphrase' }).click();
    await people.getByRole('row', { name: /Fatima Hussain/ }).getByText('Yes, once they choose a new passphrase').waitFor();
    await page.getByRole('button', { name: 'Lock' }).click();

    await unlockWith(page, TEMPORARY, 'Fatima Hussain');
    await page.getByRole('heading', { level: 1, name: 'Choose a new passphrase' }).waitFor();
    await look(page, '25-must-change-passphrase');
    await page.getByLabel('Current passphrase').fill(TEMPORARY);
    await page.getByLabel('New passphrase', { exact: true }).fill('fatimas own passphrase 8');
    await page.getByLabel('Type the new passphrase again').fill('fatimas own passphrase 8');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  });
});
