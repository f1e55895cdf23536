import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import type { Harness } from '../support/e2e/harness';
import { ADMIN, addStaff, applyAll, createReferral, h1, invoke, look, nav, reloadHome, startWithCasebook } from '../support/e2e/steps';
import { makePng } from '../documents/helpers';

/**
 * A desktop case-working tool (issue 14), on screen over the real service: the first-run
 * checklist on an empty casebook; My work on Home naming each deadline and going straight to
 * the section that clears it, by keyboard alone; Quick find from any screen (Ctrl+K); the team
 * caseload with reassigning (refused for a sensitive case and a practitioner below Advanced,
 * then done); the settings pages; the case header and its one row of tabs. Each changed screen
 * at 1280 × 800 and 1920 × 1080, with axe.
 */
let h: Harness;
let page: Page;
let today = '';
let priya: StaffMember;
let tom: StaffMember;
let mine: CaseView;
let sensitive: CaseView;
let routine: CaseView;

/** The same screen at a laptop's size and a large monitor's. */
async function lookBoth(p: Page, name: string): Promise<void> {
  await p.setViewportSize({ width: 1280, height: 800 });
  await look(p, `${name}-1280`);
  await p.setViewportSize({ width: 1920, height: 1080 });
  await look(p, `${name}-1920`);
  await p.setViewportSize({ width: 1280, height: 800 });
}

describe('the desk: first run, my work, quick find, team caseload, settings', () => {
  beforeAll(async () => {
    h = await startWithCasebook('screens');
    page = h.page;
    today = h.service.cases.getCaseworkReference().today;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an empty casebook leads with a set-up checklist, each step a link ticked once done', async () => {
    const setUp = page.getByTestId('set-up');
    await setUp.getByText('(0 of 4 done)', { exact: false }).waitFor();
    // The logo is optional: the service step says so until one is set.
    await setUp.getByText('Add your logo (optional).').waitFor();
    await lookBoth(page, '14-01-first-run');
    await setUp.getByRole('button', { name: 'Add your staff' }).click();
    await h1(page, 'Staff');
    expect(await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'Staff' }).getAttribute('aria-current')).toBe('page');

    // Staff and a venue set up behind the page: their steps are ticked.
    await addStaff(h, ADMIN, 'coordinator', 'advanced');
    priya = await addStaff(h, 'Priya Shah', 'facilitator', 'advanced');
    tom = await addStaff(h, 'Tom Okafor', 'facilitator', 'intermediate');
    await invoke(h, 'saveVenue', { name: 'Northshire Community Centre, Room 1', address: '12 High Street\nNorthshire NS1 2AB', stepFreeAccess: true, separateWaitingAreas: true, active: true });
    await reloadHome(page);
    await setUp.getByText('(2 of 4 done)', { exact: false }).waitFor();
  });

  it('My work names each deadline and goes, by keyboard, to the section that clears it', async () => {
    const me = h.service.cases.getCaseworkReference().staff.find((s) => s.name === ADMIN)!;
    // Received a week ago with no contact since: first contact and RJ information are overdue.
    mine = await createReferral(h, today, { participants: [{ role: 'harmed', person: { givenName: 'Grace', familyName: 'Adeyemi' } }, { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh' } }] });
    mine = await applyAll(h, mine, [{ type: 'assign-team', leadId: me.id }]);
    sensitive = await createReferral(h, today, {
      offenceCategory: 'domestic-abuse',
      offenceDescription: 'Threatening messages after the relationship ended.',
      sensitive: ['domestic-abuse'],
      participants: [{ role: 'harmed', person: { givenName: 'Niamh', familyName: 'Byrne' } }, { role: 'responsible', person: { givenName: 'Callum', familyName: 'Reid' } }],
    });
    sensitive = await applyAll(h, sensitive, [{ type: 'assign-team', leadId: priya.id }]);
    routine = await createReferral(h, today, { participants: [{ role: 'harmed', person: { givenName: 'Marek', familyName: 'Nowak' } }, { role: 'responsible', person: { givenName: 'Sam', familyName: 'Jones' } }] });
    routine = await applyAll(h, routine, [{ type: 'assign-team', leadId: priya.id }]);
    await reloadHome(page);

    const work = page.getByTestId('my-work');
    const first = work.getByRole('button', { name: /^First contact with the person harmed \(2 working days\) on case/ });
    await first.waitFor();
    expect(await work.innerText()).toMatch(/Grace Adeyemi/);
    expect(await work.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await lookBoth(page, '14-02-my-work');

    // Keyboard only: Tab to the task, Enter, and the case opens at Contacts.
    await first.focus();
    await page.keyboard.press('Enter');
    await h1(page, `Case ${mine.case.reference}`);
    expect(await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name: 'Contacts', exact: true }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('button', { name: 'Record a contact' }).first().waitFor();

    // The case header stays in one line; the tabs in one row at 1280 px.
    const tops = await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await lookBoth(page, '14-03-case-contacts');

    // Stage tiles open the case list filtered to their stage.
    await nav(page, 'Home');
    await page.getByTestId('stage-counts').getByRole('button', { name: /Referral received/ }).click();
    await h1(page, 'Cases');
    expect(await page.getByLabel('Stage', { exact: true }).inputValue()).toBe('referral');
    expect(h.problems).toEqual([]);
  });

  it('Quick find, from any screen with Ctrl+K, opens the one case found or lists several', async () => {
    await nav(page, 'Calendar');
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('quick-find');
    await page.keyboard.type(routine.case.reference);
    await page.keyboard.press('Enter');
    await h1(page, `Case ${routine.case.reference}`);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('Adeyemi');
    await page.keyboard.press('Enter');
    await h1(page, `Case ${mine.case.reference}`);

    // Nothing typed: it says what to enter.
    await page.getByRole('button', { name: 'Quick find' }).click();
    await page.getByRole('alert').getByText('Enter a case reference or a name').waitFor();
    // Several: the case list with that search.
    await page.getByLabel('Find a case').fill('RJ-');
    await page.keyboard.press('Enter');
    await h1(page, 'Cases');
    await page.getByTestId('case-count').getByText('3 cases matching “RJ-”').waitFor();
    expect(await page.getByLabel('Search cases').inputValue()).toBe('RJ-');
    await lookBoth(page, '14-04-quick-find-several');
  });

  it('the team caseload counts cases per facilitator and reassigns several at once, all or none', async () => {
    await nav(page, 'Team caseload');
    const row = page.getByTestId(`caseload-${priya.id}`);
    expect((await row.locator('td').allTextContents()).slice(0, 4)).toEqual(['2', '0', '1', '2']);
    await lookBoth(page, '14-05-team-caseload');

    await row.getByRole('button', { name: /^Reassign/ }).click();
    const panel = page.getByTestId('reassign');
    await panel.getByLabel('Give them to').selectOption(tom.id);
    await panel.getByRole('button', { name: 'Reassign 2 cases' }).click();
    // Tom is Intermediate: the sensitive case refuses him, so neither case changed.
    await panel.locator('.govuk-error-summary').getByText(`${sensitive.case.reference}: A sensitive case must be led by an Advanced practitioner; Tom Okafor is not.`).waitFor();
    await lookBoth(page, '14-06-reassign-refused');
    expect(h.service.cases.queryCaseload({ facilitator: priya.id }).total).toBe(2);

    await panel.getByLabel(new RegExp(`^${sensitive.case.reference}`)).uncheck();
    await panel.getByRole('button', { name: 'Reassign 1 case' }).click();
    await page.getByText('1 case reassigned from Priya Shah to Tom Okafor.').waitFor();
    expect((await page.getByTestId(`caseload-${tom.id}`).locator('td').allTextContents()).slice(0, 1)).toEqual(['1']);
    await look(page, '14-07-reassigned');
    expect(h.problems).toEqual([]);
  });

  it('settings are pages by job under a settings navigation', async () => {
    await nav(page, 'Settings', 'Service settings');
    const settingsNav = page.getByRole('navigation', { name: 'Settings' });
    expect(await settingsNav.getByRole('button').allTextContents()).toEqual(['Service settings', 'People and access', 'Staff', 'Venues', 'Backups', 'Team', 'Your account']);
    // The service's contact details for letters: a wrong email is named on its field; then saved, and the set-up step reads them.
    await page.getByLabel('Address', { exact: true }).fill('1 High Street\nNorthshire NS1 1AA');
    await page.getByLabel('Email address', { exact: true }).fill('not an email');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('link', { name: 'Enter the email address in the correct format, like rj@example.org' }).waitFor();
    await page.getByLabel('Email address', { exact: true }).fill('rj@northshire.example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    expect(h.service.currentSession()?.settings).toMatchObject({ serviceAddress: '1 High Street\nNorthshire NS1 1AA', serviceEmail: 'rj@northshire.example' });
    await lookBoth(page, '14-08-settings-service');

    // The logo: chosen in the form, a picture that is not a PNG or JPEG refused on its field, then a PNG used and shown.
    const logo = page.getByTestId('service-logo');
    h.toPick.push({ name: 'logo.gif', bytes: new TextEncoder().encode('GIF89a\x01\x00\x01\x00') });
    await logo.getByRole('button', { name: 'Choose a picture' }).click();
    await logo.getByText('logo.gif (1 KB)').waitFor();
    await logo.getByRole('button', { name: 'Use this logo' }).click();
    await logo.getByRole('link', { name: 'The logo must be a PNG or JPEG picture: save it as one and choose it again.' }).waitFor();
    h.toPick.push({ name: 'Northshire logo.png', bytes: makePng(240, 80, [0, 94, 165]) });
    await logo.getByRole('button', { name: 'Choose a picture' }).click();
    await logo.getByRole('button', { name: 'Use this logo' }).click();
    await logo.getByText('Logo saved. Letters and forms print it from now on.').waitFor();
    // The button pressed has gone: focus is on the section's heading, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('service-logo-title');
    // Drawn, not just present: the page's CSP allows the data: picture.
    expect(await logo.getByTestId('service-logo-preview').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(await logo.getByText('PNG, 240 × 80 pixels').count()).toBe(1);
    expect(h.service.currentSession()?.settings.logo).toMatchObject({ type: 'image/png', width: 240, height: 80 });
    await lookBoth(page, '14-08b-settings-logo');
    await settingsNav.getByRole('button', { name: 'Backups' }).click();
    await h1(page, 'Backups');
    await lookBoth(page, '14-09-settings-backups');
    await settingsNav.getByRole('button', { name: 'Your account' }).click();
    await h1(page, 'Your account');
    expect(h.problems).toEqual([]);
  });
});
