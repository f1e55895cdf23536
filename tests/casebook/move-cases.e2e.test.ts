import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toCaseFile } from '../../src-main/domain/cases/case-file';
import { startHarness, type Harness } from '../support/e2e/harness';
import { createCasebook, focusedClass, h1, invoke, look, nav, settingsPage } from '../support/e2e/steps';
import { sampleCase } from '../support/e2e/fixtures';

/**
 * Moving cases in and out on Settings, administrators only: the export warns that the case
 * file is not encrypted and saves every case; an import with problems lists each one with
 * where it is in the file and adds nothing; a good file adds all its cases.
 */

const CASEBOOK = { service: 'Southshire RJ', admin: 'Dewi Morgan', passphrase: 'saffron meadow kettle 5' };
const COORDINATOR = { name: 'Nia Jones', role: 'coordinator', passphrase: 'coordinator passphrase 5' };

let h: Harness;
let page: Page;

/** A case file as the export writes it, as the harness's file dialog would choose it. */
function caseFile(name: string, data: unknown): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(JSON.stringify(data, null, 2)) };
}

async function actions(): Promise<string[]> {
  return (await h.service.listAudit({ offset: 0, limit: 50 })).entries.map((e) => e.action);
}

describe('moving cases in and out', () => {
  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    await createCasebook(page, CASEBOOK);
    await h.service.saveCase(sampleCase(1, 'preparation', ['Zoë', 'Ó Briain'], ['Łukasz', 'Nowak']));
    await h.service.saveCase(sampleCase(2, 'referral', ['Şükrü', 'Yılmaz'], ['Αλέξανδρος', 'Παππάς']));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('warns that the export is not encrypted, then saves every case', async () => {
    await settingsPage(page, 'Backups');
    const part = page.getByTestId('export-cases');
    const warning = part.locator('.govuk-warning-text');
    expect(await warning.textContent()).toMatch(/not encrypted.*personal data and criminal-offence data.*encrypted drive.*delete it/);
    await part.getByRole('button', { name: 'Export cases' }).click();
    const banner = part.getByRole('status');
    await banner.getByText(/^2 cases exported to casebook-cases-\d{4}-\d{2}-\d{2}\.json$/).waitFor();
    expect(await banner.textContent()).toContain('The file is not encrypted');
    const saved = h.saved.at(-1)!;
    expect(saved.name).toMatch(/^casebook-cases-.*\.json$/);
    const file = JSON.parse(new TextDecoder().decode(saved.bytes)) as { format: string; cases: { reference: string }[] };
    expect(file.format).toBe('rj-casebook-cases');
    expect(file.cases.map((c) => c.reference).sort()).toEqual(['RJ-2026-0041', 'RJ-2026-0042']);
    expect(await actions()).toContain('cases.export');
    await look(page, '9b-05-export-cases');
  });

  it('imports nothing when choosing the file is cancelled', async () => {
    const part = page.getByTestId('import-cases');
    await part.getByRole('button', { name: 'Import cases' }).click();
    await new Promise((r) => setTimeout(r, 300)); // real time for the call, and any message, to land
    expect(await part.getByRole('status').count()).toBe(0);
    expect(await part.locator('.govuk-error-summary').count()).toBe(0);
  });

  it('lists every problem in a case file with where it is, and imports none of it', async () => {
    const good = sampleCase(3, 'contact', ['Aisha', 'Khan'], ['Tomasz', 'Wiśniewski']);
    const bad = { ...sampleCase(4, 'referral', ['Ceri', 'Price'], ['Owen', 'Lloyd']), colour: 'blue' };
    bad.referral = { ...bad.referral, receivedOn: '14/03/2026' };
    h.toPick.push(caseFile('cases-with-problems.json', { ...toCaseFile([good], new Date()), cases: [good, bad] }));
    const part = page.getByTestId('import-cases');
    await part.getByRole('button', { name: 'Import cases' }).click();
    const summary = part.locator('.govuk-error-summary');
    await summary.getByText(/^The file has \d+ problems; nothing was imported/).waitFor();
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    const items = await summary.locator('li').allTextContents();
    expect(items).toContain('cases[1].colour: Unknown field; remove it or check its spelling');
    expect(items.some((t) => t.startsWith('cases[1].referral.receivedOn: '))).toBe(true);
    expect(h.service.listCases({})).toHaveLength(2);
    await look(page, '9b-06-import-problems');
  });

  it('imports a good file and says how many cases it added', async () => {
    const cases = [sampleCase(5, 'contact', ['Aisha', 'Khan'], ['Tomasz', 'Wiśniewski']), sampleCase(6, 'referral', ['Ceri', 'Price'], ['Owen', 'Lloyd'])];
    h.toPick.push(caseFile('cases.json', toCaseFile(cases, new Date())));
    const part = page.getByTestId('import-cases');
    await part.getByRole('button', { name: 'Import cases' }).click();
    await part.getByRole('status').getByText('2 cases imported').waitFor();
    expect(await part.locator('.govuk-error-summary').count()).toBe(0);
    await look(page, '9b-07-import-done');
    await nav(page, 'Cases');
    await page.getByRole('status').getByText('4 cases').waitFor();
  });

  it('is not offered to anyone but administrators', async () => {
    await invoke(h, 'addUser', COORDINATOR);
    await page.getByRole('button', { name: 'Lock' }).click();
    await h1(page, 'Unlock the casebook');
    await page.getByLabel(COORDINATOR.name, { exact: true }).check();
    await page.getByLabel('Passphrase', { exact: true }).fill(COORDINATOR.passphrase);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await settingsPage(page, 'Staff');
    // Coordinators change the staff list, but not backups or what leaves the casebook.
    await page.getByRole('button', { name: 'Add a member of staff' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'Backups' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Move cases in or out' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Backups', exact: true }).count()).toBe(0);
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
