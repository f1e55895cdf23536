import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src-main/domain/time/dates';
import { londonDate } from '../../src-main/domain/time/dates';
import { acknowledgeBy } from '../../src-main/domain/quality/complaints';
import type { Harness } from '../support/e2e/harness';
import { holidays } from '../support/case-fixtures';
import { addStaff, h1, look, nav, PASS, reloadHome, startWithCasebook, uk, unlockWith } from '../support/e2e/steps';

/**
 * The quality lead's policies register and the complaints log in Chromium: a policy added with
 * its document and its review shown as due soon, a complaint acknowledged after its 10 working
 * days shown as late, and both on Home. Dates are the harness's real today.
 */
const PDF = { name: 'Safeguarding policy v3.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n% Safeguarding adults and children, version 3\n') };
let h: Harness;
const today = londonDate(new Date().toISOString());

describe('policies and complaints', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    await addStaff(h, 'Priya Shah', 'coordinator', 'advanced');
    await reloadHome(h.page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds a policy, attaches its document and shows its review as due soon', async () => {
    const page = h.page;
    await nav(page, 'Policies');
    await page.getByText('There are no policies in the register yet.').waitFor();
    await look(page, 'quality-policies-empty');

    await page.getByRole('button', { name: 'Add a policy' }).click();
    await page.getByRole('button', { name: 'Add policy' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await look(page, 'quality-policy-form-errors');

    await page.getByLabel('Title').fill('Safeguarding adults and children');
    await page.getByLabel('Version').fill('3');
    await page.getByLabel('Owner').selectOption({ label: 'Priya Shah' });
    await page.getByLabel('Approved on').fill(uk(addDays(today, -300)));
    await page.getByLabel('Next review').fill(uk(addDays(today, 10)));
    await page.getByLabel('RJC indicators it evidences (optional)').fill('1.2, 2.5');
    await page.getByRole('button', { name: 'Add policy' }).click();
    await page.getByText('Safeguarding adults and children is in the register').waitFor();
    const row = page.getByTestId('policies-table').getByRole('row', { name: /Safeguarding adults and children/ });
    await row.getByText('Review due soon').waitFor();
    await look(page, 'quality-policies-list');

    await row.getByRole('button', { name: 'Safeguarding adults and children' }).click();
    await page.getByTestId('policy-title').waitFor();
    h.toPick.push(PDF);
    await page.getByRole('button', { name: 'Attach the document' }).click();
    await page.getByText(`${PDF.name} is attached to version 3`).waitFor();
    await page.getByText('(in 10 days)').waitFor();
    await look(page, 'quality-policy-detail');
    await page.getByRole('button', { name: /Save a copy of version 3/ }).click();
    await expect.poll(() => h.saved.map((s) => s.name)).toEqual([PDF.name]);

    await page.getByRole('button', { name: 'Add a new version' }).click();
    await page.getByRole('button', { name: 'Add version' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await look(page, 'quality-policy-version-errors');
    expect(h.problems).toEqual([]);
  });

  it('shows a complaint acknowledged after its 10 working days as late, and one waiting as due', async () => {
    const page = h.page;
    // Reached from the keyboard: Tab along the main navigation to Complaints, then Enter.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Home' }).focus();
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Complaints'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await h1(page, 'Complaints');
    await look(page, 'quality-complaints-empty');

    const received = addDays(today, -30);
    await page.getByRole('button', { name: 'Record a complaint' }).click();
    await page.getByLabel('Received on').fill(uk(received));
    await page.getByLabel('Person harmed').check();
    await page.getByLabel('What is the complaint about?').fill('Was not told the conference had moved');
    // Acknowledged before it was received: the main process says so on the field.
    await page.getByLabel('Acknowledged on (optional)').fill(uk(addDays(received, -1)));
    await page.getByRole('button', { name: 'Record complaint' }).click();
    await page.getByRole('link', { name: /Acknowledged on must be on or after the day the complaint was received/ }).waitFor();
    await look(page, 'quality-complaint-form-errors');
    await page.getByLabel('Acknowledged on (optional)').fill('');
    await page.getByRole('button', { name: 'Record complaint' }).click();
    await page.getByText(`acknowledge it by`).waitFor();
    const row = page.getByTestId('complaints-table').getByRole('row', { name: /Person harmed/ });
    await row.getByText('Acknowledgement overdue').waitFor();

    await row.getByRole('button', { name: /Acknowledge/ }).click();
    await h1(page, 'Complaints');
    await look(page, 'quality-complaint-update');
    const late = addDays(acknowledgeBy(received, holidays), 1);
    await page.getByLabel('Acknowledged on').fill(uk(late > today ? today : late));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The complaint is updated').waitFor();
    await row.getByText('Acknowledged late').waitFor();

    await page.getByRole('button', { name: 'Record a complaint' }).click();
    await page.getByLabel('Received on').fill(uk(today));
    await page.getByLabel('Supporter').check();
    await page.getByLabel('What is the complaint about?').fill('Seating at the conference');
    await page.getByRole('button', { name: 'Record complaint' }).click();
    await page.getByTestId('complaints-table').getByRole('row', { name: /Supporter/ }).getByText('Acknowledgement due').waitFor();
    await look(page, 'quality-complaints-list');
    expect(h.problems).toEqual([]);
  });

  it('lists the review due and the acknowledgement waiting on Home', async () => {
    const page = h.page;
    await nav(page, 'Home');
    const panel = page.getByTestId('dash-quality');
    await panel.getByText(/Safeguarding adults and children: review due on/).waitFor();
    await panel.getByText(/Complaint from supporter received on/).waitFor();
    expect(await panel.getByText(/Complaint from person harmed/).count()).toBe(0);
    await look(page, 'quality-home-panel');
    await panel.getByRole('button', { name: 'Open the complaints log' }).click();
    await h1(page, 'Complaints');
    expect(h.problems).toEqual([]);
  });

  it('lets a facilitator read the register but not change it, and keeps the complaints log from them', async () => {
    const page = h.page;
    await h.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: 'facilitator passphrase 1' });
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockWith(page, 'facilitator passphrase 1', 'Fatima Hussain');
    await h1(page, 'Home');
    expect(await page.getByTestId('dash-quality').count()).toBe(0);
    const main = page.getByRole('navigation', { name: 'Main' });
    expect(await main.getByRole('button', { name: 'Complaints' }).count()).toBe(0);
    await nav(page, 'Policies');
    await page.getByTestId('policies-table').getByRole('button', { name: 'Safeguarding adults and children' }).click();
    await page.getByTestId('policy-title').waitFor();
    expect(await page.getByRole('button', { name: /Attach the document|Replace the document|Add a new version|Add a policy/ }).count()).toBe(0);
    await page.getByRole('button', { name: /Save a copy of version 3/ }).waitFor();
    expect(h.problems).toEqual([]);
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockWith(page, PASS, 'Siân Evans');
  });
});
