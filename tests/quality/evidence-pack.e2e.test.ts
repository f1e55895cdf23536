import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Case, CaseSummary } from '../../src-main/domain/cases/case';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import type { Harness } from '../support/e2e/harness';
import { pdfText } from '../support/pdf-text';
import { focusedClass, invoke, look, nav, QL_PASS, signInAfterSetUp, startWithQualityTeam } from '../support/e2e/steps';

/**
 * The evidence pack on screen, in Chromium over the real service and a year of demo casework:
 * the quality lead builds a PDF pack with a case study by keyboard and sees what was saved; a
 * pack holding an e-mail address the casebook does not list is refused until she gives a reason; and
 * a pack holding a participant's family name (in a policy title) is refused, naming the page
 * and the kind, never the name, with no way round it on screen. Each state is photographed and
 * checked with axe.
 */
let h: Harness;
let page: Page;
let fatima: StaffMember;

const BUILD = 'Build and save the pack';

async function savePolicy(title: string): Promise<void> {
  await invoke(h, 'savePolicy', { title, version: '1', ownerId: fatima.id, approvedOn: '2025-06-01', nextReview: '2027-06-01', indicators: ['2.1'] });
}

async function build(): Promise<void> {
  await page.getByRole('button', { name: BUILD }).focus();
  await page.keyboard.press('Enter');
}

describe('the evidence pack on screen', () => {
  beforeAll(async () => {
    ({ h, fatima } = await startWithQualityTeam());
    page = h.page;
    await h.service.addDemoCases({ count: 30, seed: 'pack' });
    await signInAfterSetUp(h, QL_PASS, 'Quinn Lead');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('draws the case-file audit sample, takes the auditor’s judgement and notes, and updates the totals', async () => {
    await nav(page, 'Case-file audit');
    await page.getByLabel('Sample size').fill('4');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    const first = page.getByTestId('audited-file').first();
    await first.waitFor();
    expect(await first.getByText('For you to judge').count()).toBeGreaterThan(0);
    const judged = page.getByTestId('audit-totals').getByRole('row', { name: /Basic facts acknowledged/ });
    expect(await judged.innerText()).toMatch(/For you to judge/);
    await first.getByRole('group', { name: /Basic facts acknowledged and responsibility taken \(File 1\)/ }).getByLabel('Met', { exact: true }).check();
    await first.getByLabel('Notes on File 1').fill('Responsibility accepted at the first preparation visit.');
    await first.getByRole('button', { name: 'Save File 1' }).click();
    await first.getByRole('status').filter({ hasText: 'File 1 saved.' }).waitFor();
    expect(await judged.innerText()).toMatch(/1\s+1\s+100%/);
    await look(page, 'case-file-audit');
  });

  it('builds a PDF pack with a case study and says what was saved', async () => {
    await nav(page, 'Evidence pack');
    const form = page.getByTestId('pack-form');
    await form.waitFor();
    // The frameworks by the titles their files give, the quality mark chosen; the last 12 months.
    expect(await page.getByLabel('Restorative Service Quality Mark').isChecked()).toBe(true);
    await page.getByLabel('Registered Service Provider renewal').waitFor();
    expect(await page.getByLabel('PDF').isChecked()).toBe(true);
    expect(await page.getByLabel('Case-file audit sample').inputValue()).toBe('30');
    await look(page, 'evidence-pack-form');

    // Closed cases by reference only: no participant's name anywhere on the page.
    const closed = await invoke<CaseSummary[]>(h, 'listCases', { stage: 'closed' });
    expect(closed.length).toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    for (const c of closed) for (const name of c.names) expect(text).not.toContain(name);

    // A sample size out of range is put right at its field, the summary taking focus.
    await page.getByLabel('Case-file audit sample').fill('0');
    await build();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    await look(page, 'evidence-pack-errors');
    await page.getByRole('link', { name: /Case-file audit sample must be a whole number/ }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('12');

    await page.getByLabel(closed[0]!.reference).check();
    // Read the case study as it will print, and reword its first paragraph.
    await page.getByRole('button', { name: 'Review the case studies' }).click();
    const review = page.getByTestId('study-review');
    await review.waitFor();
    expect(await review.getByRole('heading', { name: 'Case study A' }).count()).toBe(1);
    const reviewText = await review.innerText();
    for (const name of closed[0]!.names) expect(reviewText).not.toContain(name);
    await review.getByRole('button', { name: 'Reword paragraph 1 of Case study A' }).click();
    const paragraph = page.getByLabel('Paragraph 1 of Case study A');
    await paragraph.fill('Two neighbours, both in their forties, after a falling-out over a shed.');
    await look(page, 'evidence-pack-case-study-review');
    const before = h.saved.length;
    await build();
    const banner = page.getByRole('status').filter({ hasText: /Saved rsqm-evidence-pack-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.pdf, \d+ pages/ });
    await banner.waitFor({ timeout: 60_000 });
    expect(h.saved.length).toBe(before + 1);
    expect(h.saved.at(-1)!.name).toMatch(/^rsqm-evidence-pack-.*\.pdf$/);
    const packText = pdfText(h.saved.at(-1)!.bytes);
    expect(packText).toContain('Two neighbours, both in their forties, after a falling-out over a shed.');
    // The banner is far above the button: it takes focus, so nobody is left at the foot wondering.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('pack-saved');
    await look(page, 'evidence-pack-saved');
  });

  it('keeps an e-mail address the casebook does not list only with a reason', async () => {
    await savePolicy('Questions to the office at office@northshire-rj.example');
    const before = h.saved.length;
    await build();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText(/looks like personal data the casebook does not list \(page \d+: /).waitFor({ timeout: 60_000 });
    expect(h.saved.length).toBe(before);
    await summary.getByRole('link', { name: 'If it is not personal data, give the reason for keeping it' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pack-waiver');
    await look(page, 'evidence-pack-looks-personal');

    await page.getByLabel('Reason for keeping it').fill('The service’s own office address, not anyone in a case');
    await page.getByRole('button', { name: 'Save anyway with this reason' }).click();
    await page.getByRole('status').filter({ hasText: /Saved rsqm-evidence-pack-.*\.pdf/ }).waitFor({ timeout: 60_000 });
    expect(h.saved.length).toBe(before + 1);
    expect(await page.getByLabel('Reason for keeping it').count()).toBe(0);
  });

  it('refuses a pack that would name a participant, saying where and never who', async () => {
    const c = (await invoke<CaseSummary[]>(h, 'listCases', {}))[0]!;
    const person = (await invoke<Case>(h, 'getCase', { id: c.id })).participants[0]!.person;
    await savePolicy(`Lessons from the ${person.familyName} case`);
    const before = h.saved.length;
    await build();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText(/personal data from the casebook was found \(page \d+: a name/).waitFor({ timeout: 60_000 });
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    expect(await page.locator('main').innerText()).not.toContain(person.familyName);
    // A name from the casebook is put right at its source: no reason can keep it.
    expect(await page.getByLabel('Reason for keeping it').count()).toBe(0);
    expect(h.saved.length).toBe(before);
    await look(page, 'evidence-pack-refused');
  });
});
