import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, londonDate } from '../../src-main/domain/time/dates';
import type { Harness } from '../support/e2e/harness';
import { createReferral, h1, look, nav, reloadHome, startWithCasebook, uk } from '../support/e2e/steps';

/**
 * The subject access register (issue 13) on screen, in Chromium over the real service: a
 * request logged with proof of identity asked for, identity checked (the month starts then),
 * the person's case ticked from those their name is found in, the request due soon on Home by
 * its number (never the name), then completed. Dates are the harness's real today: received a
 * month and a day ago, identity checked the next day, so it falls due within the week.
 */
let h: Harness;
const today = londonDate(new Date().toISOString());
const received = addDays(addMonths(today, -1), 1);
const checked = addDays(received, 1);

describe('a subject access request', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    await createReferral(h, today, { participants: [{ role: 'harmed', person: { givenName: 'Dana', familyName: 'Price', dateOfBirth: '1980-05-01' } }, { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh' } }] });
    await reloadHome(h.page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is logged, identity asked then checked, its case ticked, shown on Home when due soon, and completed', async () => {
    const page = h.page;
    await nav(page, 'Subject access', 'Subject access requests');
    await page.getByText('No requests have been logged.').waitFor();
    await page.getByRole('button', { name: 'Log a request' }).click();
    await page.getByRole('button', { name: 'Log request' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the day the request was received' }).waitFor();
    await look(page, '13-sar-log-errors');

    await page.getByLabel('Received on').fill(uk(received));
    await page.getByLabel('Name of the person the request is about').fill('Dana Price');
    await page.getByLabel('Their date of birth (optional)').fill('01/05/1980');
    await page.getByLabel('Proof of identity was asked for on the day it was received').check();
    await page.getByRole('button', { name: 'Log request' }).click();
    await page.getByText(/Request SAR-\d{4}-0001 is logged: the month starts when identity is checked/).waitFor();
    const table = page.getByTestId('sar-table');
    await table.getByText('Awaiting proof of identity').waitFor();
    expect(await table.innerText()).not.toContain('Dana');
    await look(page, '13-sar-register');

    await table.getByRole('button', { name: /SAR-/ }).click();
    await h1(page, /Subject access request SAR-/);
    // A date before the request came is refused on its field.
    await page.getByLabel('Identity checked on').fill(uk(addDays(received, -1)));
    await page.getByRole('button', { name: 'Save steps' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: /the day proof of identity was asked for: enter the day identity was checked/ }).waitFor();
    await page.getByLabel('Identity checked on').fill(uk(checked));
    await page.getByRole('button', { name: 'Save steps' }).click();
    await page.getByText('The steps are saved').waitFor();
    await page.getByTestId('sar-summary').getByText('Due soon').waitFor();
    await page.getByTestId('sar-summary').getByText(/^One month from/).waitFor();

    await page.getByRole('checkbox', { name: /Dana Price, person harmed/ }).check();
    await page.getByRole('button', { name: 'Save cases covered' }).click();
    await page.getByText('The request covers 1 case').waitFor();
    await look(page, '13-sar-request');

    await nav(page, 'Home');
    const due = page.getByTestId('dash-subject-access');
    await due.getByText(/Subject access request SAR-\d{4}-0001 due \d+ \w+ \d{4}/).waitFor();
    expect(await due.innerText()).not.toContain('Dana');
    await look(page, '13-sar-home');

    await due.getByRole('button', { name: 'Open the subject access register' }).click();
    await h1(page, 'Subject access requests');
    await page.getByTestId('sar-table').getByRole('button', { name: /SAR-/ }).click();
    await page.getByLabel('Completed on').fill(uk(today));
    await page.getByRole('button', { name: 'Save steps' }).click();
    await page.getByText('The steps are saved').waitFor();
    await page.getByTestId('sar-summary').getByText('Completed').waitFor();
    await page.getByRole('link', { name: 'Back to the register' }).click();
    await page.getByTestId('sar-table').getByText('Completed', { exact: true }).waitFor();
    await nav(page, 'Home');
    expect(await page.getByTestId('dash-subject-access').count()).toBe(0);
    expect(h.problems).toEqual([]);
  });
});
