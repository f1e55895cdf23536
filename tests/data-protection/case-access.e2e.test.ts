import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import type { Harness } from '../support/e2e/harness';
import { ADMIN, addStaff, createReferral, FAC_PASS, h1, invoke, look, nav, openCase, PASS, signInAfterSetUp, startWithQualityTeam, tab, unlockWith } from '../support/e2e/steps';

/**
 * Access to cases (issue 13) on screen, in Chromium over the real service: an administrator
 * keeps facilitators to their own cases in Settings; the facilitator then sees only the case
 * they lead and opens it; the administrator sees that opening in the case's access history.
 * Screenshots and axe on each state.
 */
let h: Harness;
let mine: CaseView;
let other: CaseView;

describe('a facilitator limited to their cases', () => {
  beforeAll(async () => {
    const team = await startWithQualityTeam();
    h = team.h;
    const priya = await addStaff(h, 'Priya Shah', 'facilitator', 'intermediate');
    const people = (given: string) => [
      { role: 'harmed' as const, person: { givenName: given, familyName: 'Evans' } },
      { role: 'responsible' as const, person: { givenName: 'Kieran', familyName: `${given}son` } },
    ];
    const assign = async (v: CaseView, leadId: string) => invoke<CaseView>(h, 'applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'assign-team', leadId } });
    mine = await assign(await createReferral(h, team.today, { participants: people('Mair') }), team.fatima.id);
    other = await assign(await createReferral(h, team.today, { participants: people('Rhys'), offenceCategory: 'criminal-damage' }), priya.id);
    await signInAfterSetUp(h, PASS, ADMIN);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is set in Settings, leaves the facilitator only their case, and shows the administrator who opened it', async () => {
    const page = h.page;
    await nav(page, 'Settings');
    const casework = page.getByTestId('casework-settings');
    await casework.getByLabel('Facilitators see only the cases they work on').check();
    await casework.getByRole('button', { name: 'Save casework settings' }).click();
    await casework.getByText('Casework settings saved').waitFor();
    await look(page, '13-case-access-setting');

    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockWith(page, FAC_PASS, 'Fatima Hussain');
    await h1(page, 'Home');
    await nav(page, 'Cases');
    await page.getByRole('button', { name: mine.case.reference, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: other.case.reference, exact: true }).count()).toBe(0);
    await look(page, '13-case-access-facilitator-list');
    await openCase(page, mine.case.reference);
    // Only administrators see a case's access history.
    expect(await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name: 'Access history' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Lock' }).click();
    await unlockWith(page, PASS, ADMIN);
    await h1(page, 'Home');
    await openCase(page, mine.case.reference);
    await tab(page, 'Access history');
    const history = page.getByRole('table');
    await history.getByRole('cell', { name: 'Fatima Hussain' }).waitFor();
    expect(await history.innerText()).toMatch(/Fatima Hussain\s+Opened the case/);
    await look(page, '13-case-access-history');
    expect(h.problems).toEqual([]);
  });
});
