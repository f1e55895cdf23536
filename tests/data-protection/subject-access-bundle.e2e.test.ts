import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../src-main/domain/time/dates';
import type { Harness } from '../support/e2e/harness';
import { createReferral, look, nav, reloadHome, startWithCasebook } from '../support/e2e/steps';
import { textOfPdf } from '../../src-main/documents/text/pdf-text';
import { putRequest } from '../support/subject-access';

/**
 * The subject access bundle (issue 13) on screen, in Chromium over the real service: a request
 * for someone in a case with two other people (put in the register behind the page, which the
 * register's own screens will do), opened by its number; what is included and each redaction
 * reviewed; saved as a password-protected PDF. Screenshots and axe on each state.
 */
let h: Harness;
let requestId: string;
const today = londonDate(new Date().toISOString());

describe('the subject access bundle', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    const v = await createReferral(h, today, {
      offenceDescription: 'Bike taken from the hallway. Kieran Walsh admitted it to Zoë; his mother Niamh Walsh rang on 07700 900555.',
      participants: [
        { role: 'harmed', person: { givenName: 'Zoë', familyName: 'Ó Súilleabháin', dateOfBirth: '1984-02-29', phone: '07700 900111' } },
        { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh', dateOfBirth: '2009-04-01' } },
        { role: 'parent-guardian', person: { givenName: 'Niamh', familyName: 'Walsh', phone: '07700 900555' } },
      ],
    });
    requestId = await putRequest({ service: h.service }, { receivedOn: today, name: 'Zoe O Suilleabhain', dateOfBirth: '1984-02-29', caseIds: [v.case.id] });
    await reloadHome(h.page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows what is included and every redaction, then saves the bundle as a protected PDF', async () => {
    const page = h.page;
    await nav(page, 'Subject access', 'Subject access requests');
    await page.getByRole('button', { name: /SAR-/ }).click();
    await page.getByRole('button', { name: 'Prepare the bundle' }).click();
    const cases = page.getByTestId('bundle-cases');
    await cases.waitFor();
    expect(await cases.innerText()).toMatch(/Person harmed[\s\S]*Your details \(1\)[\s\S]*Other people in the case \(2\)/);
    const redactions = page.getByTestId('bundle-redactions');
    expect(await redactions.innerText()).toMatch(/\[the other party\][\s\S]*\[a parent or guardian\][\s\S]*\[phone number\]/);
    expect(await page.getByTestId('subject-access-bundle').innerText()).not.toMatch(/Kieran|Niamh|Walsh|900555/);
    await look(page, '13-subject-access-bundle-review');

    await page.getByLabel('Protect the PDF with a password').check();
    await page.getByLabel('Password (at least 8 characters)').fill('a long password');
    await page.getByLabel('Type the password again').fill('a long password');
    await page.getByRole('button', { name: 'Save the bundle' }).click();
    await page.getByTestId('bundle-status').getByText(`Saved subject-access-${requestId}.pdf, protected with your password.`, { exact: false }).waitFor();
    await look(page, '13-subject-access-bundle-saved');
    const file = h.saved.at(-1)!;
    await expect(textOfPdf(file.bytes)).rejects.toThrow(/protected with a password/);
    const text = (await textOfPdf(file.bytes, 'a long password')).map((p) => p.text).join('\n');
    expect(text).toContain('Zoe O Suilleabhain');
    expect(text).not.toMatch(/Kieran|Niamh|Walsh|900555/);
    expect(h.problems).toEqual([]);
  });
});
