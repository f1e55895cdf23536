import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../src-main/domain/time/dates';
import type { Harness } from '../support/e2e/harness';
import { addStaff, FAC_PASS, h1, invoke, look, nav, QL_PASS, signInAfterSetUp, startWithQualityTeam } from '../support/e2e/steps';

/**
 * The health check in Chromium: the quality lead opens an indicator, sees the gap the casebook
 * shows beside it (practitioners never supervised), is told what to fix when saving nothing,
 * rates it with a narrative and a linked policy, and sees progress change; attaches a file as
 * its evidence (chosen in the form first), saves a copy and removes it. A facilitator is not
 * offered the page.
 */
const MINUTES = { name: 'Supervision minutes.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n% minutes of the March team meeting\n') };
let h: Harness;
let page: Page;

describe('the health check on screen', () => {
  beforeAll(async () => {
    const team = await startWithQualityTeam();
    h = team.h;
    page = h.page;
    const sam = await addStaff(h, 'Sam Price', 'facilitator', 'intermediate');
    await invoke(h, 'saveRegisterDetails', { staffId: sam.id, employment: 'paid', started: addDays(team.today, -400) });
    await invoke(h, 'savePolicy', { title: 'Case supervision', version: '2', ownerId: sam.id, approvedOn: addDays(team.today, -100), nextReview: addDays(team.today, 200), indicators: ['4.1'] });
    await signInAfterSetUp(h, QL_PASS, 'Quinn Lead');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lets the quality lead rate an indicator with a narrative and a policy, beside the gaps the app sees, and shows progress change', async () => {
    await nav(page, 'Health check');
    await page.getByLabel('Framework').selectOption({ label: 'Restorative Service Quality Mark' });
    const progress = page.getByTestId('health-check-progress');
    await progress.filter({ hasText: /^0 of \d+ indicators rated/ }).waitFor();
    await page.getByRole('button', { name: /^4\.1 Practitioners receive case supervision/ }).waitFor();
    await look(page, 'hc-01-overview');

    await page.getByRole('button', { name: /^4\.1 Practitioners receive case supervision/ }).click();
    await page.getByRole('heading', { level: 2, name: /^4\.1 / }).waitFor();
    expect(await page.getByTestId('health-check-gaps').innerText()).toMatch(/2 practitioners past 12 weeks without case supervision/);
    await look(page, 'hc-02-indicator');

    await page.getByRole('button', { name: 'Save indicator 4.1' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Choose a rating, write the narrative or link a policy' }).waitFor();
    await look(page, 'hc-03-errors');

    await page.getByLabel('Partly met').check();
    await page.getByLabel('Narrative').fill('Case supervision is monthly with our Advanced practitioner.\nOne new practitioner is still to start.');
    await page.getByLabel('Case supervision (version 2)').check();
    await page.getByRole('button', { name: 'Save indicator 4.1' }).click();
    await page.getByText('4.1 is saved.').waitFor();
    await progress.filter({ hasText: /^1 of \d+ indicators rated: 0 met, 1 partly met, 0 not yet met/ }).waitFor();
    const row = page.getByTestId('health-check-indicators').getByRole('row', { name: /^4\.1 / });
    await row.getByText('Partly met').waitFor();
    await row.getByText(/by Quinn Lead/).waitFor();
    await look(page, 'hc-04-saved');

    // Coming back to it shows what was saved, ready to change.
    await page.getByRole('button', { name: /^4\.1 Practitioners receive case supervision/ }).click();
    expect(await page.getByLabel('Partly met').isChecked()).toBe(true);
    expect(await page.getByLabel('Narrative').inputValue()).toMatch(/^Case supervision is monthly/);
    expect(await page.getByLabel('Case supervision (version 2)').isChecked()).toBe(true);

    // Files as evidence: chosen in the form before attaching, listed, copied, removed.
    const files = page.getByTestId('health-check-evidence');
    await files.getByText('No files are attached to 4.1 yet.').waitFor();
    await files.getByRole('button', { name: 'Attach the file to 4.1' }).click();
    await files.getByRole('link', { name: 'Choose the file to attach' }).waitFor();
    h.toPick.push(MINUTES);
    await files.getByRole('button', { name: /^Choose a file/ }).click();
    await files.getByTestId('evidence-chosen').filter({ hasText: `${MINUTES.name} (1 KB)` }).waitFor();
    await files.getByLabel('Title').fill('Minutes of the March team meeting');
    await files.getByRole('button', { name: 'Attach the file to 4.1' }).click();
    await page.getByText('“Minutes of the March team meeting” is attached to 4.1.').waitFor();
    await files.getByRole('row', { name: /^Minutes of the March team meeting Supervision minutes\.pdf \(PDF, 1 KB\) .* by Quinn Lead/ }).waitFor();
    expect(await files.getByTestId('evidence-chosen').innerText()).toBe('No file chosen');
    await look(page, 'hc-05-evidence');

    await files.getByRole('button', { name: 'Save a copy of Minutes of the March team meeting' }).click();
    await expect.poll(() => h.saved.map((f) => f.name)).toEqual([MINUTES.name]);
    await files.getByRole('button', { name: 'Remove Minutes of the March team meeting' }).click();
    await files.getByRole('button', { name: 'Remove the file' }).click();
    await page.getByText('“Minutes of the March team meeting” is no longer attached to 4.1.').waitFor();
    await files.getByText('No files are attached to 4.1 yet.').waitFor();
  });

  it('is not offered to a facilitator', async () => {
    await signInAfterSetUp(h, FAC_PASS, 'Fatima Hussain');
    await h1(page, 'Home');
    const main = page.getByRole('navigation', { name: 'Main' });
    await main.getByRole('button', { name: 'Cases', exact: true }).waitFor();
    expect(await main.getByRole('button', { name: 'Health check' }).count()).toBe(0);
  });
});
