import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { h1, look, reloadHome, startWithCasebook, uk } from '../support/e2e/steps';
import { addDays } from '../../src-main/domain/time/dates';

/**
 * Taking referrals, keyboard only: the staff list and casework settings first (Settings), then
 * a referral with an impossible date and a future offence refused at their fields, then saved
 * in well under a minute; then the same person again, flagged as a possible duplicate, looked
 * at, and saved anyway.
 */

let h: Harness;
let page: Page;
let today = '';
let firstRef = '';
/** Keys pressed while filling in the first referral, to show it is a keyboard-only job. */
let keys = 0;

async function focusedId(p: Page): Promise<string> {
  return p.evaluate(() => document.activeElement?.id ?? '');
}

async function press(p: Page, key: string): Promise<void> {
  keys++;
  await p.keyboard.press(key);
}

async function type(p: Page, text: string): Promise<void> {
  keys += text.length;
  await p.keyboard.type(text);
}

/** Tab (forwards) until the element with this id has focus. */
async function tabTo(p: Page, id: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedId(p)) === id) return;
    await press(p, 'Tab');
  }
  throw new Error(`Tabbing never reached #${id} (last: #${await focusedId(p)})`);
}

/** Tab to a text box, clear it and type. */
async function fill(p: Page, id: string, text: string): Promise<void> {
  await tabTo(p, id);
  await press(p, 'Control+A');
  await press(p, 'Backspace');
  await type(p, text);
}

/** Tab to a select and choose by typing the start of the option, as people do. */
async function choose(p: Page, id: string, text: string, expected: string): Promise<void> {
  await tabTo(p, id);
  await type(p, text);
  expect(await p.locator(`#${id}`).inputValue()).toBe(expected);
}

async function navByKeyboard(p: Page, item: string, heading: string | RegExp): Promise<void> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: item, exact: true }).focus();
  await press(p, 'Enter');
  await h1(p, heading);
}

const summaryLinks = (p: Page) => p.locator('.govuk-error-summary').getByRole('link').allTextContents();

describe('new referral', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    page = h.page;
    today = h.service.cases.getCaseworkReference().today;
    await reloadHome(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds and changes staff, and sets the case reference prefix, in Settings', async () => {
    await navByKeyboard(page, 'Settings', 'Service settings');
    // The staff list is its own settings page, reached by keyboard too.
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'Staff', exact: true }).focus();
    await press(page, 'Enter');
    await h1(page, 'Staff');
    const staff = page.getByTestId('staff');
    // The administrator is on the staff list from the start: one list of people.
    await staff.getByRole('row', { name: /Siân Evans Administrator .*Active/ }).waitFor();
    await staff.getByRole('button', { name: 'Add a member of staff' }).click();
    await staff.getByRole('button', { name: 'Add to staff list' }).click();
    await staff.locator('.govuk-error-summary').getByRole('link', { name: 'Enter name' }).waitFor();
    expect(await page.locator('#staff-name').getAttribute('aria-describedby')).toContain('staff-name-error');

    await page.locator('#staff-name').fill('Priya Sharma');
    await page.locator('#staff-role').selectOption('facilitator');
    await page.locator('#staff-level').selectOption('advanced');
    await staff.getByRole('button', { name: 'Add to staff list' }).click();
    await staff.getByRole('status').getByText('Priya Sharma added to the staff list').waitFor();
    await staff.getByRole('row', { name: /Priya Sharma Facilitator Advanced Active/ }).waitFor();

    await staff.getByRole('button', { name: 'Add a member of staff' }).click();
    await page.locator('#staff-name').fill('Gareth Morgan');
    await page.locator('#staff-role').selectOption('volunteer');
    await page.locator('#staff-level').selectOption('foundation');
    await staff.getByRole('button', { name: 'Add to staff list' }).click();
    await staff.getByRole('row', { name: /Gareth Morgan Volunteer facilitator Foundation Active/ }).waitFor();

    // Gareth leaves: still listed (old cases name him), marked as left.
    await staff.getByRole('button', { name: 'Change Gareth Morgan' }).click();
    await staff.getByLabel('Active').uncheck();
    await staff.getByRole('button', { name: 'Save changes' }).click();
    await staff.getByRole('row', { name: /Gareth Morgan .* Left/ }).waitFor();
    expect(h.service.cases.getCaseworkReference().staff.find((s) => s.name === 'Gareth Morgan')?.active).toBe(false);

    // The casework settings are the service's own page.
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'Service settings' }).click();
    await h1(page, 'Service settings');
    const prefix = page.getByLabel('Case reference prefix');
    await prefix.fill('ns 1');
    await page.getByRole('button', { name: 'Save casework settings' }).click();
    await page.getByTestId('casework-settings').locator('.govuk-error-summary').getByRole('link', { name: /reference prefix is 1–10 capital letters/ }).waitFor();
    await prefix.fill('nrj');
    expect(await prefix.inputValue()).toBe('NRJ');
    await page.getByLabel('Who signs off risk assessments').selectOption('manager');
    await page.getByRole('button', { name: 'Save casework settings' }).click();
    await page.getByTestId('casework-settings').getByRole('status').getByText('Casework settings saved').waitFor();
    expect(h.service.cases.getCaseworkReference().settings.referencePrefix).toBe('NRJ');
    await look(page, '3x-10-settings-staff');
  });

  it('shows every missing answer at its field and in a summary that takes focus', async () => {
    await navByKeyboard(page, 'New referral', 'New referral');
    await page.locator('#source').waitFor();
    // Enter in the date box submits the form, as in any GOV.UK form.
    await tabTo(page, 'receivedOn');
    expect(await page.locator('#receivedOn').inputValue()).toBe(uk(today));
    await press(page, 'Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    expect(await summaryLinks(page)).toEqual([
      'Choose where the referral came from',
      'Choose the offence category',
      'Choose the criminal-justice stage',
      'Person 1: Enter given name',
      'Person 1: Enter family name',
      'Person 2: Enter given name',
      'Person 2: Enter family name',
    ]);
    // At the field itself, inside "Person 2", the message needs no prefix.
    expect(await page.locator('#participants-1-person-familyName-error').textContent()).toBe('Error: Enter family name');
    expect(await page.locator('#participants-1-person-familyName').getAttribute('aria-describedby')).toBe('participants-1-person-familyName-error');
    await look(page, '3x-11-referral-errors');
    // Each link moves focus to its field.
    await summary.getByRole('link', { name: 'Choose the offence category' }).focus();
    await press(page, 'Enter');
    expect(await focusedId(page)).toBe('offenceCategory');
  });

  it('refuses 31 February and an offence in the future, then saves the referral in well under a minute', async () => {
    keys = 0;
    const started = Date.now();
    await page.locator('#main-content h1').focus();
    await choose(page, 'source', 'Police', 'police');
    await fill(page, 'referrerName', 'PC Amara Okafor');
    await fill(page, 'referrerOrganisation', 'Northshire Police');
    await fill(page, 'receivedOn', `31/02/${today.slice(0, 4)}`);
    await choose(page, 'offenceCategory', 'Domestic', 'domestic-abuse');
    // Domestic abuse suggests its sensitive-case flag, and says why.
    expect(await page.locator('#sensitive').isChecked()).toBe(true);
    await page.getByText('Domestic abuse ticked because the offence is domestic abuse').waitFor();
    await fill(page, 'offenceDescription', 'Damage to the front door and threats during an argument at the family home.');
    const future = addDays(today, 400);
    await fill(page, 'offenceDate', uk(future));
    await choose(page, 'cjsStage', 'Pre', 'pre-sentence');
    // Priority: tab to the chosen radio, arrow to "High".
    await tabTo(page, 'priority');
    await press(page, 'ArrowRight');
    expect(await page.locator('#priority-2').isChecked()).toBe(true);
    await fill(page, 'participants-0-person-givenName', 'Amira');
    await fill(page, 'participants-0-person-familyName', 'Haddad');
    await fill(page, 'participants-0-person-dateOfBirth', '14/07/2010');
    await fill(page, 'participants-0-person-phone', '07700 900123');
    await fill(page, 'participants-1-person-givenName', 'Kieran');
    await fill(page, 'participants-1-person-familyName', 'Walsh');
    await fill(page, 'participants-1-person-dateOfBirth', '2/3/1998');
    await press(page, 'Enter');

    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: /must be a real date/ }).waitFor();
    expect(await summaryLinks(page)).toEqual([
      'Date received must be a real date, for example 14/3/2026',
      `The offence date ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${future}T00:00:00Z`))} is in the future`,
    ]);
    expect(await page.locator('#receivedOn').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#offenceDate').getAttribute('aria-describedby')).toContain('offenceDate-error');
    await look(page, '3x-12-referral-date-errors');

    // Fix both from the summary's links, keyboard only.
    await summary.getByRole('link', { name: /must be a real date/ }).focus();
    await press(page, 'Enter');
    expect(await focusedId(page)).toBe('receivedOn');
    await press(page, 'Control+A');
    await type(page, uk(today));
    await fill(page, 'offenceDate', uk(addDays(today, -9)));
    // The under-18 note appears from the date of birth.
    await page.getByTestId('under-18-0').waitFor();
    await press(page, 'Enter');
    const heading = await page.getByRole('heading', { level: 1, name: /^Case NRJ-\d{4}-\d{4}$/ }).textContent();
    const seconds = (Date.now() - started) / 1000;
    firstRef = heading!.replace('Case ', '');
    expect(firstRef).toBe(`NRJ-${today.slice(0, 4)}-0001`);
    console.log(`[referral] saved ${firstRef} in ${seconds.toFixed(1)} s with ${keys} key presses, no mouse`);
    expect(seconds).toBeLessThan(30);

    const rows = h.service.cases.queryCaseload({ search: firstRef }).rows;
    expect(rows).toHaveLength(1);
    const saved = await h.service.getCase(rows[0]!.id);
    expect(saved.referral).toMatchObject({ source: 'Police', referrerName: 'PC Amara Okafor', offenceCategory: 'Domestic abuse', sensitive: ['Domestic abuse'], priority: 'high', cjsStage: 'pre-sentence', receivedOn: today, offenceDate: addDays(today, -9) });
    const amira = saved.participants.find((p) => p.person.givenName === 'Amira')!;
    expect(amira.role).toBe('harmed');
    expect(amira.person).toMatchObject({ dateOfBirth: '2010-07-14', phone: '07700 900123', enhancedRights: true });
    expect(amira.person.vulnerabilities).toContain('Under 18');
    expect(saved.participants.find((p) => p.person.givenName === 'Kieran')?.role).toBe('responsible');
  });

  it('the main process checks the referral again, with paths the form puts at its fields', async () => {
    const r = await h.registry.invoke('createReferral', {
      referral: {
        source: 'police',
        receivedOn: today,
        offenceCategory: 'theft',
        cjsStage: 'none',
        priority: 'routine',
        participants: [{ role: 'harmed', person: { givenName: 'Ann', familyName: 'Lee', dateOfBirth: '2026-02-31' } }],
      },
      duplicatesSeen: false,
    });
    expect(r.ok).toBe(false);
    const issues = (r as { error: { details?: { issues?: { path: string }[] } } }).error.details?.issues ?? [];
    expect(issues.map((i) => i.path)).toContain('referral.participants.0.person.dateOfBirth');
  });

  it('flags the same person as a possible duplicate, keeps the draft while looking, then saves anyway', async () => {
    await navByKeyboard(page, 'New referral', 'New referral');
    // A fresh form: the last one was saved.
    expect(await page.locator('#participants-0-person-givenName').inputValue()).toBe('');
    await page.locator('#main-content h1').focus();
    await choose(page, 'source', 'Vic', 'victim-services');
    await choose(page, 'offenceCategory', 'Theft', 'theft');
    await choose(page, 'cjsStage', 'None', 'none');
    // Only one person this time: remove the second.
    await tabTo(page, 'participants-0-person-givenName');
    await type(page, 'amira');
    await fill(page, 'participants-0-person-familyName', 'HADDAD');
    await fill(page, 'participants-0-person-dateOfBirth', '14.7.2010');
    await tabTo(page, 'participants-1-person-givenName');
    await page.getByRole('button', { name: 'Remove person 2' }).focus();
    await press(page, 'Enter');
    expect(await page.getByTestId('participant-1').count()).toBe(0);
    expect(await focusedId(page)).toBe('participants');
    await tabTo(page, 'participants-0-person-dateOfBirth');
    await press(page, 'Shift+Tab');
    await press(page, 'Tab');
    await press(page, 'Enter');

    const dupes = page.getByTestId('duplicates');
    await dupes.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('duplicates-title');
    const row = dupes.locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').allTextContents()).toEqual([firstRef, 'Same name and date of birth', 'Amira Haddad']);
    expect(h.service.cases.queryCaseload({}).total).toBe(1);
    await look(page, '3x-13-referral-duplicates');

    // Look at the other case, come back: what was typed is still there.
    await dupes.getByRole('button', { name: firstRef }).focus();
    await press(page, 'Enter');
    await h1(page, `Case ${firstRef}`);
    await navByKeyboard(page, 'New referral', 'New referral');
    expect(await page.locator('#participants-0-person-givenName').inputValue()).toBe('amira');
    await tabTo(page, 'participants-0-person-dateOfBirth');
    await press(page, 'Enter');
    await dupes.waitFor();

    await dupes.getByRole('button', { name: 'These are different people – save anyway' }).focus();
    await press(page, 'Enter');
    await h1(page, `Case NRJ-${today.slice(0, 4)}-0002`);
    expect(h.service.cases.queryCaseload({}).total).toBe(2);
    expect(h.problems).toEqual([]);
  });

  it('the new cases are on the dashboard and in the case list', async () => {
    await navByKeyboard(page, 'Home', 'Home');
    await page.getByTestId('dash-recent').getByRole('button', { name: firstRef }).waitFor();
    await navByKeyboard(page, 'Cases', 'Cases');
    await page.getByTestId('case-count').getByText('2 cases').waitFor();
    await page.getByTestId('case-list').getByRole('button', { name: firstRef }).waitFor();
    await look(page, '3x-14-cases-after-referrals');
  });
});
