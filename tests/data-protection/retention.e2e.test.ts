import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/e2e/harness';
import { applyAll, createReferral, h1, look, nav, QL_PASS, reloadHome, startWithCasebook, unlockWith } from '../support/e2e/steps';

/**
 * Retention (issue 13) on screen, in Chromium over the real service: a referral that ended in
 * 2019 is past its period; the administrator proposes to anonymise it, and the quality lead,
 * signed in afterwards, approves it. The result says what happened to the backups. Screenshots
 * and axe on each state.
 */
let h: Harness;
let reference: string;

describe('retention', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    await h.service.addUser({ name: 'Quinn Lead', role: 'quality-lead', passphrase: QL_PASS });
    const v = await createReferral(h, '2018-01-17', { receivedOn: '2018-01-10', offenceDate: '2018-01-01', participants: [{ role: 'harmed', person: { givenName: 'Zoë', familyName: 'Brontë', dateOfBirth: '1984-02-29' } }, { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh' } }] });
    reference = v.case.reference;
    await applyAll(h, v, [{ type: 'close', closure: { outcome: 'not-suitable', closedOn: '2019-03-03', summary: 'Not suitable after screening.' } }]);
    await reloadHome(h.page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a case past its period is proposed by one person and anonymised when a second approves', async () => {
    const page = h.page;
    await nav(page, 'Retention');
    const due = page.getByTestId('retention-due');
    await due.getByRole('cell', { name: reference, exact: true }).waitFor();
    expect(await due.innerText()).toContain('Referral that did not go ahead ended 3 March 2019: kept 2 years, due 3 March 2021');
    await due.getByRole('button', { name: `Choose what to do with ${reference}` }).click();
    const form = page.getByTestId('retention-action-form');
    await form.getByRole('button', { name: 'Propose for approval' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Choose what to do with it' }).waitFor();
    await form.getByLabel('Anonymise').check();
    await form.getByLabel('Reason').fill('Past the two-year period; nothing outstanding.');
    await look(page, '13-retention-propose');
    await form.getByRole('button', { name: 'Propose for approval' }).click();
    await page.getByTestId('retention-result').getByText(/A second person must approve it/).waitFor();
    await page.getByTestId('retention-pending').getByText('You proposed this: someone else must approve it.').waitFor();
    await look(page, '13-retention-proposed');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await unlockWith(page, QL_PASS, 'Quinn Lead');
    await h1(page, 'Home');
    await nav(page, 'Retention');
    await page.getByTestId('retention-pending').getByRole('button', { name: `Approve anonymise ${reference}` }).click();
    const result = page.getByTestId('retention-result');
    await result.getByText(`Case ${reference} was anonymised`, { exact: false }).waitFor();
    expect(await result.innerText()).toMatch(/A new backup was taken/);
    await page.getByTestId('retention-recent').getByText(`${reference}: anonymised`, { exact: false }).waitFor();
    await look(page, '13-retention-anonymised');
    expect(h.problems).toEqual([]);
  });
});
