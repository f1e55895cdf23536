import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../src-main/domain/time/dates';
import type { Harness } from '../support/e2e/harness';
import { createReferral, h1, invoke, look, nav, reloadHome, startWithCasebook } from '../support/e2e/steps';

/**
 * Find a person (issue 13) on screen, in Chromium over the real service: an administrator finds
 * someone in two cases by a name typed without accents and then narrowed by date of birth, one
 * of the cases ended; a result opens its case. Screenshots and axe on each state.
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
    await page.getByLabel('Name').fill('zoe o suilleabhain');
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
});
