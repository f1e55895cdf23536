import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../src-main/domain/time/dates';
import type { Harness } from '../support/e2e/harness';
import { createReferral, h1, invoke, look, nav, reloadHome, startWithCasebook } from '../support/e2e/steps';

/**
 * Find a person (issue 13) on screen, in Chromium over the real service: an administrator finds
 * someone in two cases by a name typed without accents and then narrowed by date of birth, one
 * of the cases ended; a result opens its case; a detail is corrected in the case ticked.
 * Screenshots and axe on each state.
 */
let h: Harness;
const today = londonDate(new Date().toISOString());

describe('finding a person', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    await createReferral(h, today, { participants: [{ role: 'harmed', person: { givenName: 'Zoë', familyName: 'Ó Súilleabháin', dateOfBirth: '1984-02-29' } }, { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh' } }] });
    const second = await createReferral(h, today, { participants: [{ role: 'harmed', person: { givenName: 'Marek', familyName: 'Nowak' } }, { role: 'responsible', person: { givenName: 'Zoe', familyName: 'O Suilleabhain', preferredName: 'Zo', dateOfBirth: '2006-06-01' } }] });
    await invoke(h, 'applyCaseCommand', { caseId: second.case.id, revision: second.case.revision, command: { type: 'exit', kind: 'declined', reason: 'Did not want to take part.' } });
    await reloadHome(h.page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds everyone by name in every case, ended ones too, narrows by date of birth and opens a case', async () => {
    const page = h.page;
    await nav(page, 'Find a person');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter at least two letters of the name' }).waitFor();
    await look(page, '13-find-person-errors');
    await page.getByLabel('Name', { exact: true }).fill('zoe o suilleabhain');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByTestId('find-summary').getByText('2 matches in 2 cases.').waitFor();
    const table = page.getByTestId('people-found');
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await table.innerText()).toMatch(/Ended/);
    await look(page, '13-find-person-found');
    await page.getByLabel('Date of birth (optional)').fill('29/02/1984');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByTestId('find-summary').getByText('1 match in 2 cases.').waitFor();
    await table.getByRole('button', { name: /RJ-/ }).click();
    await h1(page, /RJ-/);
    expect(h.problems).toEqual([]);
  });

  it('corrects a detail in the cases ticked, refusing first with nothing ticked', async () => {
    const page = h.page;
    await nav(page, 'Find a person');
    await page.getByLabel('Name', { exact: true }).fill('zoe o suilleabhain');
    await page.getByLabel('Date of birth (optional)').fill('29/02/1984');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const form = page.getByTestId('correct-details');
    await form.getByLabel('Phone', { exact: true }).fill('07700 900321');
    await form.getByRole('button', { name: 'Correct in the cases ticked' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'Tick at least one case to correct' }).waitFor();
    await form.getByLabel(/^RJ-.*Zoë Ó Súilleabháin, person harmed$/).check();
    await form.getByRole('button', { name: 'Correct in the cases ticked' }).click();
    await form.getByText(/^Phone corrected in RJ-\d{4}-\d{4}\.$/).waitFor();
    await look(page, '13-find-person-corrected');
    const v = (await invoke<{ found: { caseId: string }[] }>(h, 'findPerson', { name: 'Zoë Ó Súilleabháin', dateOfBirth: '1984-02-29' })).found[0]!;
    const c = await invoke<{ participants: { role: string; person: { phone?: string } }[] }>(h, 'getCase', { id: v.caseId });
    expect(c.participants.find((p) => p.role === 'harmed')?.person.phone).toBe('07700 900321');
    expect(h.problems).toEqual([]);
  });
});
