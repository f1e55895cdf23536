import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { Case } from '../../src-main/domain/cases/case';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import { addDays } from '../../src-main/domain/time/dates';
import type { Harness } from '../support/e2e/harness';
import { addStaff, ADMIN, applyAll, createReferral, h1, invoke, look, nav, PASS, FAC_PASS, QL_PASS, signInAfterSetUp, startWithQualityTeam, uk, unlockWith, settingsPage } from '../support/e2e/steps';

/**
 * The staff register on screen, in Chromium over the real service: the quality lead reads the
 * service's compliance, opens a practitioner's record and adds supervision (refused first for
 * a supervisor who is not Advanced, with the reason at the field), observed practice and CPD,
 * and sees the checks change; a facilitator sees only their own record; an administrator marks
 * a leaver and hands their open case on in one step. Each screen is photographed and checked with axe.
 */
let h: Harness;
let page: Page;
let today: string;
let sam: StaffMember;
let alex: StaffMember;
let fatima: StaffMember;
let samsCase: Case;

async function signInAs(name: string, passphrase: string): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlockWith(page, passphrase, name);
  await h1(page, 'Home');
}

/** The status a person's record page shows for one rule. */
async function statusOf(rule: string): Promise<string> {
  return (await page.getByTestId(`check-${rule}`).locator('.govuk-tag').innerText()).trim();
}

async function openRecordOf(name: string): Promise<void> {
  await nav(page, 'Quality');
  await page.getByTestId('compliance-table').getByRole('button', { name, exact: true }).click();
  await h1(page, new RegExp(name));
}

describe('the staff register on screen', () => {
  beforeAll(async () => {
    ({ h, today, fatima } = await startWithQualityTeam());
    page = h.page;
    alex = await addStaff(h, 'Alex Morgan', 'facilitator', 'advanced');
    sam = await addStaff(h, 'Sam Price', 'facilitator', 'intermediate');
    const registration = (level: string) => ({ level, number: `RJC-${level.length}001`, registeredOn: addDays(today, -300), renewalDue: addDays(today, 300) });
    await invoke(h, 'saveRegisterDetails', { staffId: alex.id, employment: 'paid', started: addDays(today, -900), registration: registration('advanced') });
    await invoke(h, 'saveRegisterDetails', { staffId: fatima.id, employment: 'paid', started: addDays(today, -500), registration: registration('intermediate') });
    await invoke(h, 'saveRegisterDetails', { staffId: sam.id, employment: 'paid', started: addDays(today, -400) });
    const v = await createReferral(h, today, {
      participants: [
        { role: 'harmed', person: { givenName: 'Grace', familyName: 'Adeyemi' } },
        { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh' } },
      ],
    });
    samsCase = (await applyAll(h, v, [{ type: 'assign-team', leadId: sam.id }])).case;
    await signInAfterSetUp(h, QL_PASS, 'Quinn Lead');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the quality lead the registered share, what needs chasing and each practitioner against each rule', async () => {
    const home = page.getByTestId('dash-compliance-due');
    await home.getByRole('button', { name: 'Sam Price' }).first().waitFor();
    await look(page, '11q-01-home-compliance-overdue');
    await nav(page, 'Quality');
    await page.getByTestId('registered-share').waitFor();
    expect(await page.getByTestId('registered-share').innerText()).toMatch(/\d+% of counted practitioners \(\d of \d\) (Target met|Below target)/);
    const chase = page.getByTestId('chasing');
    expect(await chase.innerText()).toMatch(/Sam Price: Case supervision — no case supervision recorded since starting/);
    await look(page, '11q-02-quality');
    // Another day: the page judges the same records on the day chosen.
    await page.getByLabel('Compliance on').fill(uk(addDays(today, -380)));
    await page.getByRole('button', { name: 'Show compliance' }).click();
    await page.getByRole('status').filter({ hasText: 'Compliance on' }).waitFor();
    await page.getByLabel('Compliance on').fill(uk(today));
    await page.getByRole('button', { name: 'Show compliance' }).click();
  });

  it('checks a document for personal data before it is shared, naming the place and kind but never the person', async () => {
    const word = (text: string) => zipSync({ 'word/document.xml': strToU8(`<w:document><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:document>`) });
    h.toPick.push({ name: 'case study.docx', bytes: word('Case study: Grace Adeyemi met the person responsible.') });
    const section = page.getByTestId('check-document');
    await section.getByRole('button', { name: 'Check a document for personal data' }).click();
    const summary = section.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Personal data from the casebook was found \(the body: a name/);
    expect(await page.content()).not.toContain('Adeyemi');
    await look(page, '11q-02b-document-check-found');
    h.toPick.push({ name: 'report.docx', bytes: word('Referrals rose this quarter; most processes were indirect.') });
    await section.getByRole('button', { name: 'Check a document for personal data' }).click();
    await section.getByText('No personal data was found', { exact: true }).waitFor();
    await look(page, '11q-02c-document-check-clean');
  });

  it('refuses a case supervisor who is not Advanced, with the reason at the field, then records supervision, observed practice and CPD', async () => {
    await openRecordOf('Sam Price');
    expect(await statusOf('supervision')).toBe('Overdue');
    expect(await statusOf('observed-practice')).toBe('Overdue');
    await look(page, '11q-03-register-record');

    await page.getByRole('button', { name: 'Add supervision' }).click();
    let form = page.getByTestId('supervision-form');
    await form.getByLabel('Date').fill(uk(addDays(today, -7)));
    await form.getByLabel('Supervisor').selectOption(fatima.id);
    await form.getByLabel('Case supervision').check();
    await form.getByRole('button', { name: 'Add supervision' }).click();
    const summary = form.locator('.govuk-error-summary');
    await summary.getByText(/Fatima Hussain cannot be recorded as case supervisor: .*Advanced registration, and they are registered at Intermediate/).waitFor();
    expect(await form.locator('#supervision-supervisorId-error').innerText()).toMatch(/registered at Intermediate/);
    await look(page, '11q-04-supervision-refused');
    await form.getByLabel('Supervisor').selectOption(alex.id);
    await form.getByRole('button', { name: 'Add supervision' }).click();
    await page.getByText('Case supervision added').waitFor();
    await expect.poll(() => statusOf('supervision')).toBe('Met');

    await page.getByRole('button', { name: 'Add observed practice' }).click();
    form = page.getByTestId('observed-form');
    await form.getByLabel('Date').fill(uk(addDays(today, -3)));
    await form.getByLabel('Observer').selectOption(alex.id);
    await form.getByLabel('Feedback (optional)').fill('Clear, calm preparation meeting.');
    await look(page, '11q-05-add-observed');
    await form.getByRole('button', { name: 'Add observed practice' }).click();
    await page.getByText('Observed practice added').waitFor();
    await expect.poll(() => statusOf('observed-practice')).toBe('Met');

    await page.getByRole('button', { name: 'Add CPD' }).click();
    form = page.getByTestId('cpd-form');
    await form.getByLabel('Date').fill(uk(addDays(today, -10)));
    await form.getByLabel('Activity').fill('RJC webinar on harm');
    await form.getByLabel('Hours').fill('12');
    await form.getByLabel('RJC-approved').check();
    await form.getByRole('button', { name: 'Add CPD' }).click();
    await page.getByText('CPD added: RJC webinar on harm, 12 hours').waitFor();
    await expect.poll(() => statusOf('cpd-hours')).toBe('Met');
    expect(await page.getByTestId('supervision').innerText()).toContain('Alex Morgan');
    // Details: a registration half filled in is refused at each box missing, then saved whole.
    await page.getByRole('button', { name: 'Change details of Sam Price' }).click();
    const details = page.getByTestId('details-form');
    await details.getByLabel('Level', { exact: true }).first().selectOption('intermediate');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.locator('.govuk-error-summary').getByText('Enter the date registered').waitFor();
    expect(await details.locator('#details-registration\\.renewalDue-error').innerText()).toContain('Enter the renewal date');
    await look(page, '11q-06a-details-errors');
    await details.getByLabel('Registration number').fill('RJC-7788');
    await details.getByLabel('Registered on').fill(uk(addDays(today, -30)));
    await details.getByLabel('Renewal due').fill(uk(addDays(today, 335)));
    await details.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Sam Price’s details saved').waitFor();
    await expect.poll(() => statusOf('registration')).toBe('Met');
    expect(await page.getByTestId('register-details').innerText()).toContain('Intermediate, number RJC-7788');
    // The quality lead keeps the staff list too, so may mark someone as left (handing cases on needs a coordinator).
    expect(await page.getByRole('button', { name: 'Mark Sam Price as left' }).count()).toBe(1);
    await look(page, '11q-06-register-record-after');
  });

  it('shows a facilitator only their own record, where they add their own CPD', async () => {
    await signInAs('Fatima Hussain', FAC_PASS);
    const menu = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getByRole('button', { name: 'Quality', exact: true }).count()).toBe(0);
    expect(await page.getByTestId('dash-compliance-due').count()).toBe(0);
    await nav(page, 'My record');
    expect(await page.getByRole('button', { name: 'Add supervision' }).count()).toBe(0);
    // By keyboard: Enter opens the form with focus on its heading; Enter in a box submits, and the summary takes focus.
    await page.getByRole('button', { name: 'Add CPD' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('cpd-form');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add CPD');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cpd-date');
    await page.keyboard.press('Enter');
    await form.locator('.govuk-error-summary').getByText('Enter the date', { exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    await look(page, '11q-07-my-record-errors');
    await form.getByLabel('Date').fill(uk(addDays(today, -1)));
    await form.getByLabel('Activity').fill('Reading on shuttle mediation');
    await form.getByLabel('Hours').fill('1.5');
    await form.getByRole('button', { name: 'Add CPD' }).click();
    await page.getByText('CPD added: Reading on shuttle mediation, 1.5 hours').waitFor();
    expect(await page.getByTestId('cpd').innerText()).not.toContain('RJC webinar on harm');
    await look(page, '11q-08-my-record');
    expect(h.calls.filter((c) => c === 'getStaffRecords').length).toBeGreaterThan(0);
  });

  it('marks a leaver and moves their open case to the person chosen, in one step', async () => {
    await signInAs(ADMIN, PASS);
    await openRecordOf('Sam Price');
    await page.getByRole('button', { name: 'Mark Sam Price as left' }).click();
    const form = page.getByTestId('leaver-form');
    await form.getByText('Sam Price leads or co-facilitates 1 open case.').waitFor();
    await form.getByLabel('Date they left').fill(uk(today));
    await form.getByLabel('Who takes over their open cases').selectOption(alex.id);
    await look(page, '11q-09-mark-as-left');
    await form.getByRole('button', { name: 'Mark Sam Price as left' }).click();
    await page.getByText(/Sam Price marked as left on .*\. 1 open case moved to Alex Morgan\./).waitFor();
    await page.getByTestId('leaver').getByText(/Sam Price has left/).waitFor();
    await look(page, '11q-10-left');
    const moved = await invoke<Case>(h, 'getCase', { id: samsCase.id });
    expect(moved.leadFacilitatorId).toBe(alex.id);
    expect(h.problems).toEqual([]);
  });

  it('lets the quality lead add a practitioner, who then shows on the Quality page to be chased', async () => {
    await signInAs('Quinn Lead', QL_PASS);
    await settingsPage(page, 'Staff');
    const staff = page.getByTestId('staff');
    await staff.getByRole('button', { name: 'Add a member of staff' }).click();
    await page.locator('#staff-name').fill('Dafydd ap Rhys');
    await page.locator('#staff-role').selectOption('facilitator');
    await page.locator('#staff-level').selectOption('foundation');
    await staff.getByRole('button', { name: 'Add to staff list' }).click();
    await staff.getByRole('row', { name: /Dafydd ap Rhys Facilitator Foundation Active/ }).waitFor();
    await nav(page, 'Quality');
    await page.getByTestId('compliance-table').getByRole('button', { name: 'Dafydd ap Rhys', exact: true }).waitFor();
    await look(page, '11q-11-practitioner-added');
    expect(h.problems).toEqual([]);
  });
});
