import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { ADMIN, h1, invoke, look, nav, PASS, startWithCasebook } from '../support/e2e/steps';

/**
 * "Check for updates", end to end: an administrator sets the update address (https only) in
 * the service settings and checks; the page says what was found, in words for the person and
 * with what their IT team needs. The service runs in this process; its fetcher sends the
 * request for the (https) update address to a plain http server this test starts on
 * 127.0.0.1, so a real request is made and answered and nothing reaches the network.
 */

const ADDRESS = 'https://intranet.example.org/rj-casebook/update.json';
const INFO = {
  version: '0.2.0',
  notes: 'Letters in Welsh, and a faster case list.',
  downloadUrl: 'https://intranet.example.org/rj-casebook/RJ-Casebook-Setup-0.2.0.exe',
  sha256: '9f'.repeat(32),
};
const COORDINATOR = { name: 'Tomos Price', passphrase: 'coordinator passphrase 7' };

let h: Harness;
let page: Page;
let server: Server;
/** The paths the local server was asked for. */
const asked: string[] = [];
/** What the local server answers: a status and a body. */
let answer: { status: number; body: unknown } = { status: 200, body: INFO };

async function startUpdateServer(): Promise<string> {
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    res.statusCode = answer.status;
    res.setHeader('content-type', 'application/json');
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function unlockAs(user: string, passphrase: string): Promise<void> {
  await h1(page, 'Unlock the casebook');
  await page.getByLabel(user, { exact: true }).check();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await h1(page, 'Home');
}

async function checkNow(): Promise<string> {
  const updates = page.getByTestId('updates');
  await updates.getByRole('button', { name: 'Check for updates' }).click();
  const result = updates.getByTestId('update-result').locator('.govuk-inset-text');
  await result.waitFor();
  return (await result.locator('p').first().textContent()) ?? '';
}

describe('check for updates', () => {
  beforeAll(async () => {
    const local = await startUpdateServer();
    // Only the update address is ever asked for; anything else fails the test.
    const fetcher = (url: string, init: RequestInit) => {
      if (!url.startsWith('https://intranet.example.org/')) throw new Error(`unexpected request to ${url}`);
      return fetch(`${local}${new URL(url).pathname}`, init);
    };
    h = await startWithCasebook('screens', { fetch: fetcher });
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it('with no address set, says it does not check, and asks nothing', async () => {
    await nav(page, 'Settings');
    const updates = page.getByTestId('updates');
    await updates.getByRole('heading', { name: 'Updates' }).waitFor();
    expect(await updates.textContent()).toContain('never downloads or installs anything by itself');
    expect(await checkNow()).toMatch(/^No update address is set/);
    expect(asked).toEqual([]);
  });

  it('takes only an https address, in the service settings', async () => {
    const form = page.locator('section[aria-labelledby="service-settings-title"]');
    await form.getByLabel('Update address (optional)').fill('http://intranet.example.org/rj-casebook/update.json');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.locator('.govuk-error-summary').getByText(/must be a full https:\/\/ address/).waitFor();
    expect(h.service.settings().updateInfoUrl).toBeUndefined();

    await form.getByLabel('Update address (optional)').fill(ADDRESS);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('Settings saved').waitFor();
    expect(h.service.settings().updateInfoUrl).toBe(ADDRESS);
    const audit = await h.service.listAudit({ offset: 0, limit: 1 });
    expect(audit.entries[0]).toMatchObject({ action: 'settings.update' });
  });

  it('says a newer version is available, with the notes, and the download and checksum for the IT team', async () => {
    expect(await checkNow()).toBe('RJ Casebook 0.2.0 is available (you have 0.1.0). Ask your IT team to install it.');
    expect(asked).toEqual([new URL(ADDRESS).pathname]);
    expect((await h.service.listAudit({ offset: 0, limit: 1 })).entries[0]).toMatchObject({ action: 'updates.check', fields: ['intranet.example.org'] });
    const result = page.getByTestId('update-result');
    await result.getByText(INFO.notes).waitFor();
    await result.getByText('For your IT team').click();
    await result.getByText(INFO.downloadUrl).waitFor();
    await result.getByText(INFO.sha256).waitFor();
    // Shown as text for the IT team, never a link the person could follow.
    expect(await result.locator('a').count()).toBe(0);
    await look(page, 'updates-01-available');
  });

  it('says when this is the latest version, and when the check failed', async () => {
    answer = { status: 200, body: { ...INFO, version: '0.1.0' } };
    expect(await checkNow()).toBe('You have the latest version of RJ Casebook (0.1.0).');
    answer = { status: 404, body: 'Not found' };
    expect(await checkNow()).toBe('Could not check for updates: the update address answered with status 404. Check the update address in Settings, or ask your IT team.');
    await look(page, 'updates-02-failed');
  });

  it('lets a coordinator check but not change the address; a facilitator sees no update section', async () => {
    await invoke(h, 'addUser', { name: COORDINATOR.name, role: 'coordinator', passphrase: COORDINATOR.passphrase });
    await invoke(h, 'addUser', { name: 'Jo Bloggs', role: 'facilitator', passphrase: 'facilitator passphrase 1' });
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockAs(COORDINATOR.name, COORDINATOR.passphrase);
    await nav(page, 'Settings');
    const summary = page.locator('section[aria-labelledby="service-settings-title"]');
    expect(await summary.locator('.govuk-summary-list__row', { hasText: 'Update address' }).locator('dd').textContent()).toBe(ADDRESS);
    expect(await page.getByLabel('Update address (optional)').count()).toBe(0);
    answer = { status: 200, body: INFO };
    expect(await checkNow()).toMatch(/^RJ Casebook 0\.2\.0 is available/);

    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockAs('Jo Bloggs', 'facilitator passphrase 1');
    // A facilitator's Settings is "Your account" (issue 14); the service's page has no updates for them.
    await nav(page, 'Your account');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'Service settings' }).click();
    await h1(page, 'Service settings');
    expect(await page.getByTestId('updates').count()).toBe(0);
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockAs(ADMIN, PASS);
    expect(h.problems).toEqual([]);
  });
});
