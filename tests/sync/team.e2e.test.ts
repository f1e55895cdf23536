import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeToResolve } from '../../src-main/domain/sync/status';
import { londonDate } from '../../src-main/domain/time/dates';
import { startHarness, type Harness } from '../support/e2e/harness';
import { createReferral, h1, invoke, look, PASS, reloadHome, startWithCasebook } from '../support/e2e/steps';
import { startSyncServer, type SyncServer } from '../support/sync-server';

/**
 * Team use on screen (issue 16), in Chromium over the real service and the project's local
 * CouchDB-protocol server: the administrator turns team use on in Settings → Team, a coordinator
 * joins from a second computer through the join screen, both change the same field of one case,
 * and the second computer's Changes to resolve page keeps one version, which reaches the first;
 * with the server stopped, the status line says so plainly.
 * Screens at 1280×800; axe on each.
 */
const COORDINATOR = 'Tom Okafor';
const TOM_PASS = 'coordinator passphrase 1';
const today = londonDate(new Date().toISOString());

let server: SyncServer;
let a: Harness;
let b: Harness | undefined;
let caseId: string;
let revision: number;

describe('team use', () => {
  beforeAll(async () => {
    server = await startSyncServer();
    a = await startWithCasebook('service');
    await a.service.addUser({ name: COORDINATOR, role: 'coordinator', passphrase: TOM_PASS });
    const v = await createReferral(a, today, { participants: [{ role: 'harmed', person: { givenName: 'Grace', familyName: 'Adeyemi' } }, { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh' } }] });
    caseId = v.case.id;
    revision = v.case.revision;
    await a.page.setViewportSize({ width: 1280, height: 800 });
    await reloadHome(a.page);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await server?.stop();
  });

  it('an administrator turns team use on in Settings → Team', async () => {
    const p = a.page;
    await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await p.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name: 'Team', exact: true }).click();
    await h1(p, 'Team');
    await p.getByRole('button', { name: 'Turn on team use' }).click();
    await p.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the server address' }).waitFor();
    await p.getByLabel('Server address').fill(`${server.url}/northshire-casebook`);
    await p.getByRole('button', { name: 'Turn on team use' }).click();
    await p.getByText('Team use is on', { exact: true }).waitFor();
    await p.getByTestId('sync-status').getByText(/^Synced (just now|1 minute ago)$/).waitFor();
    await look(p, '16-team-settings-on');
    expect(a.problems).toEqual([]);
  });

  it('a coordinator joins from another computer through the join screen', async () => {
    b = await startHarness();
    const p = b.page;
    await p.setViewportSize({ width: 1280, height: 800 });
    await h1(p, 'Create a casebook');
    await p.getByRole('button', { name: 'join a team casebook' }).click();
    await h1(p, 'Join a team casebook');
    await p.getByLabel('Server address').fill(`${server.url}/northshire-casebook`);
    await p.getByLabel('Your name').fill(COORDINATOR);
    await p.getByLabel('Your passphrase').fill('not the passphrase');
    await p.getByRole('button', { name: 'Join the team casebook' }).click();
    await p.locator('.govuk-error-summary').getByText(/That passphrase does not open the team casebook/).waitFor();
    await look(p, '16-join-team-refused');
    await p.getByLabel('Your passphrase').fill(TOM_PASS);
    await p.getByRole('button', { name: 'Join the team casebook' }).click();
    await h1(p, 'Home');
    await p.getByTestId('signed-in-as').getByText(COORDINATOR).waitFor();
    await p.getByTestId('sync-status').getByText(/^Synced (just now|1 minute ago)$/).waitFor();
    await look(p, '16-joined-home');
    expect((await invoke<{ id: string }[]>(b, 'listCases', {})).map((c) => c.id)).toEqual([caseId]);
    expect(b.problems).toEqual([]);
  });

  it('the same field changed on both computers waits to be resolved, and the version kept reaches the other', async () => {
    const p = b!.page;
    const change = (h: Harness, text: string) => invoke(h, 'applyCaseCommand', { caseId, revision, command: { type: 'update-referral', changes: { offenceDescription: text } } });
    await change(a, 'The shed was broken into and the mower was taken.');
    await invoke(a, 'syncNow', {});
    await change(b!, 'The shed door was forced; garden tools and a mower were taken.');
    await p.getByTestId('sync-status').getByRole('button', { name: 'Sync now' }).click();
    await p.getByTestId('sync-status').getByRole('button', { name: '1 change to resolve' }).click();
    await h1(p, 'Changes to resolve');
    // Only the field changed two ways is a choice: the timeline merges as a set, and when the case was last saved settles itself.
    const card = p.getByTestId('change-to-resolve');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    await card.getByText('Referral › Offence description', { exact: true }).waitFor();
    expect(await card.getByTestId('version').count()).toBe(2);
    await card.getByText('Kept for now', { exact: true }).first().waitFor();
    await look(p, '16-changes-to-resolve');
    const [listed] = await invoke<ChangeToResolve[]>(b!, 'listChangesToResolve', {});
    const keep = listed!.versions.findIndex((v) => v.text.includes('door was forced'));
    await card.getByRole('button', { name: 'Keep this version' }).click();
    await card.locator('.govuk-error-summary').getByRole('link', { name: 'Choose the version to keep' }).waitFor();
    await card.getByLabel(`Version ${keep + 1}, from`, { exact: false }).check();
    await card.getByRole('button', { name: 'Keep this version' }).click();
    await p.getByText(/^Kept the version from Tom Okafor .* for Case RJ-\d{4}-\d{4}: Referral › Offence description\.$/).waitFor();
    await p.getByTestId('nothing-to-resolve').waitFor();
    await look(p, '16-changes-resolved');
    expect(b!.problems).toEqual([]);

    // The choice travels: B sends it, A fetches it, and A has nothing left to resolve.
    await invoke(b!, 'syncNow', {});
    await invoke(a, 'syncNow', {});
    const onA = await invoke<{ referral: { offenceDescription: string } }>(a, 'getCase', { id: caseId });
    expect(onA.referral.offenceDescription).toBe('The shed door was forced; garden tools and a mower were taken.');
    expect(await invoke(a, 'listChangesToResolve', {})).toEqual([]);
  });

  it('says plainly when the server does not answer, and clears it once the server answers again', async () => {
    const p = b!.page;
    await server.pause();
    try {
      await p.getByTestId('sync-status').getByRole('button', { name: 'Sync now' }).click();
      await p.getByTestId('sync-status').getByRole('status').getByText('The server did not answer.', { exact: true }).waitFor();
      await p.getByTestId('sync-status').getByText(/^Last synced (just now|1 minute ago)$/).waitFor();
      await look(p, '16-sync-server-down');
    } finally {
      await server.resume();
    }
    await p.getByTestId('sync-status').getByRole('button', { name: 'Sync now' }).click();
    await p.getByTestId('sync-status').getByText(/^Synced just now$/).waitFor();
    await expect.poll(() => p.getByTestId('sync-status').getByRole('status').innerText()).toBe('');
    expect(b!.problems).toEqual([]);
  });

  it("takes the key changed on another computer with the new passphrase, from the status line", async () => {
    const p = b!.page;
    const tom = (await a.service.users()).find((u) => u.name === COORDINATOR)!;
    const fresh = 'Tom new passphrase 22';
    await a.service.rotateDataKey({ passphrase: PASS, others: [{ userId: tom.id, passphrase: fresh }] });
    await p.getByTestId('sync-status').getByRole('button', { name: 'Sync now' }).click();
    const form = p.locator('.cb-take-key');
    await form.getByLabel(/Enter the new passphrase you were given/).waitFor();
    await form.getByLabel(/Enter the new passphrase you were given/).fill(TOM_PASS);
    await form.getByRole('button', { name: 'Take the new key' }).click();
    await form.locator('.govuk-error-message').getByText(/does not open the new key/).waitFor();
    await look(p, '16-take-new-key');
    await form.getByLabel(/Enter the new passphrase you were given/).fill(fresh);
    await form.getByRole('button', { name: 'Take the new key' }).click();
    await p.locator('.cb-take-key').waitFor({ state: 'detached' });
    await p.getByTestId('sync-status').getByText(/^Synced just now$/).waitFor();
    expect(b!.problems).toEqual([]);
  });
});
