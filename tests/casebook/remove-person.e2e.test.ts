import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, screenshot, startHarness, type Harness } from '../support/e2e/harness';
import { unlockWith } from '../support/e2e/steps';

/** An administrator takes someone off the casebook from Settings, after a question that says what it does. */
const PASS = 'copper willow harbour 2026';
let h: Harness;

describe('removing a person who can unlock', () => {
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

  it('asks first, then removes them from the list and the unlock screen', async () => {
    const page = h.page;
    await unlockWith(page, PASS, 'Gwen Parry');
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const people = page.getByRole('region', { name: 'People who can unlock this casebook' });
    // Nobody is offered a way to remove themselves.
    expect(await people.getByRole('button', { name: 'Remove Gwen Parry' }).count()).toBe(0);
    await people.getByRole('button', { name: 'Remove Fatima Hussain' }).click();
    await page.getByRole('heading', { name: 'Remove Fatima Hussain?' }).waitFor();
    await screenshot(page, '25-remove-person');
    await checkA11y(page, '25-remove-person');
    await page.getByRole('button', { name: 'Yes, remove Fatima Hussain' }).click();
    await people.getByRole('heading', { name: 'Remove Fatima Hussain?' }).waitFor({ state: 'detached' });
    expect(await people.locator('tbody tr').count()).toBe(1);
    expect((await h.service.listAudit({ offset: 0, limit: 1 })).entries[0]?.action).toBe('user.remove');
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unlock the casebook' }).waitFor();
    expect(await page.getByLabel('Fatima Hussain').count()).toBe(0);
  });
});
