import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import { addDays } from '../../src-main/domain/time/dates';
import type { Harness } from '../support/e2e/harness';
import { addStaff, h1, invoke, look, nav, FAC_PASS, QL_PASS, signInAfterSetUp, startWithQualityTeam, uk, unlockWith } from '../support/e2e/steps';

/**
 * Training and the import on screen, in Chromium over the real service: the quality lead adds a
 * course with its certificate (refused first for a file too big and one that is not what its
 * name says, the reason at the box), saves a copy of it, and sees only the newest banner on the page; imports
 * a CPD spreadsheet (refused with the bad row's line, then imported whole); a facilitator saves
 * a copy of their own certificate from My record. Each new screen is photographed and checked with axe.
 */
const PDF = new TextEncoder().encode('%PDF-1.7 Certificate of completion: Working with complex and sensitive cases');
// Another file: the store keeps attachments by their content, so the same bytes would be one file under one name.
const FATIMAS = new TextEncoder().encode('%PDF-1.7 Certificate of completion: Restorative Justice Facilitation, Fatima Hussain');
let h: Harness;
let page: Page;
let today: string;
let sam: StaffMember;
let fatima: StaffMember;

const csv = (name: string, ...lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\r\n')) });

describe('training, certificates and the import on screen', () => {
  beforeAll(async () => {
    ({ h, today, fatima } = await startWithQualityTeam());
    page = h.page;
    sam = await addStaff(h, 'Sam Price', 'facilitator', 'intermediate');
    await invoke(h, 'saveRegisterDetails', { staffId: sam.id, employment: 'paid', started: addDays(today, -400) });
    h.toPick.push({ name: 'fatima-certificate.pdf', bytes: FATIMAS });
    await invoke(h, 'recordTraining', { staffId: fatima.id, date: addDays(today, -60), course: 'Restorative justice facilitation', provider: 'Restorative Justice Council', level: 'foundation', withCertificate: true });
    await signInAfterSetUp(h, QL_PASS, 'Quinn Lead');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds training with its certificate, refusing one too big and one that is not what it says, and shows only the newest banner', async () => {
    await nav(page, 'Quality');
    await page.getByTestId('compliance-table').getByRole('button', { name: 'Sam Price', exact: true }).click();
    await h1(page, /Sam Price/);
    // An older banner, from another section: the next action clears it.
    await page.getByRole('button', { name: 'Add CPD' }).click();
    let form = page.getByTestId('cpd-form');
    await form.getByLabel('Date').fill(uk(addDays(today, -5)));
    await form.getByLabel('Activity').fill('Reading on shuttle mediation');
    await form.getByLabel('Hours').fill('2');
    await form.getByRole('button', { name: 'Add CPD' }).click();
    await page.getByText('CPD added: Reading on shuttle mediation, 2 hours').waitFor();

    await page.getByRole('button', { name: 'Add training' }).click();
    expect(await page.getByText('CPD added: Reading on shuttle mediation, 2 hours').count()).toBe(0);
    form = page.getByTestId('training-form');
    await form.getByLabel('Date').fill(uk(addDays(today, -20)));
    await form.getByLabel('Course').fill('Working with complex and sensitive cases');
    await form.getByLabel('Provider').fill('Restorative Justice Council');
    await form.getByLabel('RJC level (optional)').selectOption('intermediate');
    await form.getByLabel('Attach the certificate now').check();
    await look(page, '11t-01-add-training');
    // Too big: refused at the box, before the file is kept.
    const big = new Uint8Array(26 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    h.toPick.push({ name: 'scan.pdf', bytes: big });
    await form.getByRole('button', { name: 'Add training' }).click();
    await form.locator('#training-withCertificate-error').getByText(/the largest that can be kept is 25 MB/).waitFor();
    h.toPick.push({ name: 'certificate.pdf', bytes: new TextEncoder().encode('not really a PDF') });
    await form.getByRole('button', { name: 'Add training' }).click();
    await form.locator('.govuk-error-summary').getByText(/certificate\.pdf is not a PDF or an image: a certificate must be a PDF, PNG or JPEG file/).waitFor();
    expect(await form.locator('#training-withCertificate-error').innerText()).toMatch(/must be a PDF, PNG or JPEG/);
    await look(page, '11t-02-certificate-refused');

    h.toPick.push({ name: 'certificate.pdf', bytes: PDF });
    await form.getByRole('button', { name: 'Add training' }).click();
    await page.getByText('Training added: Working with complex and sensitive cases, with its certificate').waitFor();
    const training = page.getByTestId('training');
    expect(await training.innerText()).toContain('Intermediate');

    const saves = h.saved.length;
    await training.getByRole('button', { name: /Save a copy of the certificate for Working with complex/ }).click();
    await page.getByText('A copy of the certificate for Working with complex and sensitive cases was saved as certificate.pdf').waitFor();
    expect(h.saved.length).toBe(saves + 1);
    expect(Buffer.from(h.saved.at(-1)!.bytes)).toEqual(Buffer.from(PDF));
    // One banner on the page: the training's "added" went when the copy was saved.
    expect(await page.locator('.govuk-notification-banner--success').count()).toBe(1);
    await look(page, '11t-03-certificate-saved');
  });

  it('imports a CPD spreadsheet: refused whole with the bad row named by its line, then imported', async () => {
    await nav(page, 'Quality');
    const section = page.getByTestId('register-import');
    await section.getByText('The columns of each kind of file').click();
    expect(await page.getByTestId('import-layout').innerText()).toMatch(/Supervision\s+One row a supervision session[\s\S]*?Needs staff, date, supervisor; may have kind, notes/);
    await look(page, '11t-04-import');
    h.toPick.push(csv('cpd.csv', 'staff,date,activity,hours,rjc_approved', 'Sam Price,01/02/2026,RJC webinar,1.5,yes', 'Nobody Known,02/02/2026,Reading,2,no'));
    await section.getByRole('button', { name: 'Choose a CSV file and import it' }).click();
    const summary = section.locator('.govuk-error-summary');
    await summary.getByText('1 line of the file has problems; nothing was imported.').waitFor();
    expect(await summary.innerText()).toMatch(/Line 3: .*Nobody Known/);
    await look(page, '11t-05-import-refused');

    h.toPick.push(csv('cpd.csv', 'staff,date,activity,hours,rjc_approved', `Sam Price,${uk(addDays(today, -3))},RJC webinar,1.5,yes`, `sam price,${uk(addDays(today, -2))},Peer learning circle,2,no`));
    await section.getByRole('button', { name: 'Choose a CSV file and import it' }).click();
    await section.getByText('Imported cpd.csv: 2 CPD entries for 1 person').waitFor();
    expect(await section.locator('.govuk-error-summary').count()).toBe(0);
    await look(page, '11t-06-imported');
    const [record] = await invoke<{ cpd?: { activity: string }[] }[]>(h, 'getStaffRecords', { staffId: sam.id });
    expect(record!.cpd!.map((c) => c.activity)).toEqual(expect.arrayContaining(['RJC webinar', 'Peer learning circle']));
  });

  it('lets a facilitator save a copy of their own certificate from My record, with no way to add training', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockWith(page, FAC_PASS, 'Fatima Hussain');
    await h1(page, 'Home');
    await nav(page, 'My record');
    expect(await page.getByRole('button', { name: 'Add training' }).count()).toBe(0);
    await page.getByTestId('training').getByRole('button', { name: /Save a copy of the certificate/ }).click();
    await page.getByText(/was saved as fatima-certificate\.pdf/).waitFor();
    expect(Buffer.from(h.saved.at(-1)!.bytes)).toEqual(Buffer.from(FATIMAS));
    await look(page, '11t-07-my-record-certificate');
    expect(h.problems).toEqual([]);
  });
});
