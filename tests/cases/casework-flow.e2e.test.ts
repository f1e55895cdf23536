import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../support/e2e/harness';
import { addStaff, applyAll, consentCommands, contactCommand, createCasebook, createReferral, focusedClass, h1, invoke, look, notice, openCase, rateRisk, riskCommand, staffLabel, tab, uk, workflowButton } from '../support/e2e/steps';
import type { CaseView, CaseworkReference } from '../../src-main/domain/cases/case-view';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import { addDays, formatDate } from '../../src-main/domain/time/dates';
import { requiredElements } from '../../src-main/domain/consent/consent';
import type { ParticipantRole } from '../../src-main/domain/cases/case';

/**
 * Casework on the case page, end to end in Chromium over the real service: a referral taken
 * through contacts with both parties, consent from both, signed-off risk assessments and into
 * the restorative process; a withdrawal with a reason; a sensitive case held back until an
 * Advanced lead, a co-facilitator and the approver's sign-off. Every section of the case is
 * photographed (3c-…) and checked with axe.
 */

const SERVICE = 'Northshire Restorative Justice Service';
const ADMIN = 'Siân Evans';
const PASS = 'correct horse battery staple';

let h: Harness;
let page: Page;
let ref: CaseworkReference;
const staff: Record<'sian' | 'priya' | 'tom' | 'margaret', StaffMember> = {} as never;

describe('casework on the case page', () => {
  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    await createCasebook(page, { service: SERVICE, admin: ADMIN, passphrase: PASS });
    staff.sian = await addStaff(h, ADMIN, 'coordinator', 'advanced');
    staff.priya = await addStaff(h, 'Priya Shah', 'facilitator', 'intermediate');
    staff.tom = await addStaff(h, 'Tom Okafor', 'facilitator', 'advanced');
    staff.margaret = await addStaff(h, 'Margaret Hughes', 'manager');
    ref = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});
    // The page read the reference data (without the staff) when it unlocked; start afresh.
    await page.reload();
    await h1(page, 'Home');
  });
  afterAll(async () => {
    await h?.close();
  });

  let first: CaseView;

  it('opens a new referral as a case page with its stage, referral and sections', async () => {
    first = await createReferral(h, ref.today, {
      participants: [
        { role: 'harmed', person: { givenName: 'Aisha', familyName: 'Khan', dateOfBirth: '1984-05-02', preferredContact: 'phone', safeTimes: 'Weekdays after 6pm' } },
        { role: 'responsible', person: { givenName: 'Łukasz', familyName: 'Nowak', dateOfBirth: '1999-11-23' } },
      ],
    });
    await openCase(page, first.case.reference);
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Referral received');
    const summary = page.getByTestId('case-summary');
    expect(await summary.textContent()).toContain(formatDate(addDays(ref.today, -7)));
    expect(await summary.textContent()).toContain('Police, PC Amara Okafor');
    const navButtons = await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button').allTextContents();
    expect(navButtons).toEqual(['Overview', 'People', 'Contacts', 'Consent', 'Risk', 'Meetings and process', 'Agreement', 'Feedback', 'Deadlines', 'Documents']);
    await page.getByTestId('timeline').getByRole('heading', { name: 'Referral received' }).waitFor();
    await look(page, '3c-01-overview-new-referral');
  });

  it('assigns the team and moves the case to contact', async () => {
    // Cancel closes a form and puts focus back on the button that opened it.
    await page.getByRole('button', { name: 'Assign team' }).click();
    await page.getByTestId('team-form').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Assign team');
    expect(await page.getByTestId('team-form').count()).toBe(0);
    await page.getByRole('button', { name: 'Assign team' }).click();
    const form = page.getByTestId('team-form');
    await form.getByRole('button', { name: 'Save team' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'Choose a lead facilitator' }).waitFor();
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    await form.getByLabel('Lead facilitator').selectOption({ label: staffLabel(staff.priya) });
    await form.getByRole('button', { name: 'Save team' }).click();
    await notice(page, 'Team assigned');
    expect(await page.getByTestId('team').textContent()).toContain('Priya Shah, Intermediate practitioner');

    await workflowButton(page, 'Move to screening');
    await notice(page, 'Moved to screening');
    await workflowButton(page, 'Move to contact');
    await notice(page, 'Moved to contact');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Contact');
  });

  it('will not move to assessment before contact with both parties, and says why', async () => {
    const blockers = page.getByTestId('blockers');
    await blockers.getByText('Record a contact with the person harmed first.').waitFor();
    await blockers.getByText('Record a contact with the person responsible first.').waitFor();
    await workflowButton(page, 'Move to assessment');
    const summary = page.getByTestId('workflow').locator('.govuk-error-summary');
    await summary.getByText('Record a contact with the person harmed first.').waitFor();
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    await look(page, '3c-02-workflow-blocked');
  });

  it('records an attempt and contacts with both parties', async () => {
    const [harmed, responsible] = first.case.participants as [CaseView['case']['participants'][number], CaseView['case']['participants'][number]];
    await tab(page, 'Contacts');
    const harmedSection = page.getByTestId(`contacts-${harmed.id}`);
    await harmedSection.getByRole('button', { name: 'Record a contact with Aisha Khan' }).click();
    let form = page.getByTestId('contact-form');
    // The heading of a form that opens takes focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Record a contact with Aisha Khan');
    await form.getByLabel('No, this was an attempt').check();
    await form.getByLabel('Date', { exact: true }).fill('31/02/2026');
    await form.getByRole('button', { name: 'Save contact' }).click();
    const summary = form.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Date must be a real date, like 23/11/2026' }).waitFor();
    await summary.getByRole('link', { name: 'Choose what happened' }).waitFor();
    expect(await form.getByLabel('Date', { exact: true }).getAttribute('aria-describedby')).toContain('-on-error');
    await look(page, '3c-03-contact-form-errors');

    await form.getByLabel('Date', { exact: true }).fill(uk(ref.today));
    await form.getByLabel('Outcome').selectOption({ label: 'No answer' });
    await form.getByRole('button', { name: 'Save contact' }).click();
    await notice(page, 'Contact attempt with Aisha Khan recorded');

    await harmedSection.getByRole('button', { name: 'Record a contact with Aisha Khan' }).click();
    form = page.getByTestId('contact-form');
    await form.getByLabel('Yes, we spoke or met').check();
    await form.getByLabel('Outcome').selectOption({ label: 'Information given' });
    await form.getByLabel('Information about restorative justice was given').check();
    await form.getByLabel('Notes (optional)').fill('Explained what a restorative meeting involves. She would like to think it over.');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await notice(page, 'Contact with Aisha Khan recorded');

    await page.getByTestId(`contacts-${responsible.id}`).getByRole('button', { name: 'Record a contact with Łukasz Nowak' }).click();
    form = page.getByTestId('contact-form');
    await form.getByLabel('How', { exact: true }).selectOption({ label: 'In person' });
    await form.getByLabel('Outcome').selectOption({ label: 'Interested in taking part' });
    await form.getByRole('button', { name: 'Save contact' }).click();
    await notice(page, 'Contact with Łukasz Nowak recorded');
    expect(await harmedSection.locator('tbody tr').count()).toBe(2);
    await harmedSection.getByText('RJ information given').waitFor();

    await workflowButton(page, 'Move to assessment');
    await notice(page, 'Moved to assessment');
    await look(page, '3c-04-contacts');
  });

  it('assesses the risk for both parties and signs the assessments off', async () => {
    await tab(page, 'Risk');
    for (const [name, id] of first.case.participants.map((p) => [`${p.person.givenName} ${p.person.familyName}`, p.id] as const)) {
      const section = page.getByTestId(`risk-${id}`);
      await section.getByText('Not assessed yet.').waitFor();
      await section.getByRole('button', { name: `New assessment for ${name}` }).click();
      const form = page.getByTestId('assess-form');
      await form.getByRole('button', { name: 'Save assessment' }).click();
      await form.locator('.govuk-error-summary').getByRole('link', { name: /Rate physical safety/ }).waitFor();
      await rateRisk(form, 'Proceed: direct process possible');
      await form.getByRole('button', { name: 'Save assessment' }).click();
      await notice(page, `New risk assessment for ${name} saved`);
      await section.getByText('Awaiting sign-off').waitFor();
      await section.getByRole('button', { name: `Sign off the assessment for ${name}` }).click();
      const signOff = page.getByTestId('signoff-form');
      expect(await signOff.getByTestId('approver-needed').textContent()).toContain('an RJ coordinator or a manager');
      expect(await signOff.getByLabel('Signed off by').inputValue()).toBe(staff.sian.id);
      await signOff.getByRole('button', { name: 'Sign off' }).click();
      await notice(page, `Risk assessment for ${name} signed off`);
      await section.getByText('Signed off', { exact: true }).waitFor();
    }
    expect(await page.getByTestId(`risk-${first.case.participants[0]!.id}`).getByTestId('sign-off-row').textContent()).toContain('Siân Evans (RJ coordinator)');
    await look(page, '3c-05-risk');
    await workflowButton(page, 'Move to preparation');
    await notice(page, 'Moved to preparation');
  });

  it('records a preparation meeting and moves to consent', async () => {
    await tab(page, 'Contacts');
    await page.getByRole('button', { name: 'Record a preparation meeting' }).click();
    const form = page.getByTestId('meeting-form');
    await form.getByLabel('In person').check();
    await form.getByLabel('Aisha Khan (person harmed)').check();
    await form.getByLabel('Venue (optional)').fill('Victim Support office, Northshire');
    await form.getByRole('button', { name: 'Save meeting' }).click();
    await notice(page, 'Preparation meeting recorded');
    expect(await page.getByTestId('meetings').textContent()).toContain('Victim Support office');
    await workflowButton(page, 'Move to consent recorded');
    await notice(page, 'Moved to consent recorded');
  });

  it('records consent from both parties and starts the restorative process', async () => {
    // Before consent, the process gate lists what is missing for each person.
    const blockers = page.getByTestId('blockers');
    await blockers.getByText(/Aisha Khan has not given consent to elements 1, 2, 3/).waitFor();
    await tab(page, 'Consent');
    for (const p of first.case.participants) {
      const name = `${p.person.givenName} ${p.person.familyName}`;
      const section = page.getByTestId(`consent-${p.id}`);
      await section.getByText('No consent yet').waitFor();
      await section.getByRole('button', { name: `Record consent for ${name}` }).click();
      const form = page.getByTestId('consent-form');
      const ticked = await form.getByRole('checkbox', { checked: true }).count();
      expect(ticked).toBe(requiredElements(ref.consentElements, p.role).length);
      await form.getByLabel('Signed form').check();
      await form.getByRole('button', { name: 'Save consent' }).click();
      await notice(page, `Consent given by ${name}: ${ticked} elements recorded`);
      await section.getByText('Consent complete').waitFor();
    }
    const row = page.getByTestId(`consent-${first.case.participants[0]!.id}`).getByTestId('consent-row-voluntary');
    expect(await row.textContent()).toContain('Given');
    expect(await row.textContent()).toContain('Signed form');
    expect(await row.textContent()).toContain('Siân Evans');
    await row.getByText('History (1)', { exact: false }).click();
    await row.getByText(`Given on ${formatDate(ref.today)}, signed form, recorded by Siân Evans`).waitFor();
    await look(page, '3c-06-consent-complete');

    expect(await page.getByTestId('blockers').count()).toBe(0);
    await page.getByTestId('workflow').getByLabel('Direct (face to face or video)').check();
    await workflowButton(page, 'Start the restorative process');
    await notice(page, 'Moved to process');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Process');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Direct process');
  });

  it('shows the deadlines, people and timeline', async () => {
    await tab(page, 'Deadlines');
    const deadlines = page.getByTestId('deadlines');
    await deadlines.getByText('First contact with the person harmed').waitFor();
    expect(await deadlines.textContent()).toMatch(/Met/);
    expect(await deadlines.textContent()).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/);
    await look(page, '3c-07-deadlines');

    await tab(page, 'People');
    // Someone added once the process has started cannot join it.
    await page.getByRole('button', { name: 'Add a person' }).click();
    let form = page.getByTestId('add-person-form');
    await form.getByRole('button', { name: 'Add person' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'Choose their role in the case' }).waitFor();
    await form.getByLabel('Supporter').check();
    await form.getByLabel('Given name').fill('Bronwen');
    await form.getByLabel('Family name').fill('Khan');
    expect(await form.getByLabel('Takes part in the restorative process').isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Add person' }).click();
    await notice(page, 'Bronwen Khan added to the case');

    const harmed = first.case.participants[0]!;
    await page.getByTestId(`person-${harmed.id}`).getByRole('button', { name: 'Change details of Aisha Khan' }).click();
    form = page.getByTestId('person-form');
    await form.getByLabel('Pronouns (optional)').fill('she/her');
    await form.getByLabel('Email (optional)').fill('not an email');
    await form.getByRole('button', { name: 'Save details' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: /Enter an email address/ }).waitFor();
    await form.getByLabel('Email (optional)').fill('aisha.khan@example.org');
    await form.getByRole('button', { name: 'Save details' }).click();
    await notice(page, 'Details of Aisha Khan saved');
    expect(await page.getByTestId(`person-${harmed.id}`).textContent()).toContain('she/her');
    await look(page, '3c-08-people');

    await tab(page, 'Overview');
    const timeline = page.getByTestId('timeline');
    const titles = await timeline.locator('.cb-timeline__title').allTextContents();
    expect(titles[0]).toBe('Details changed');
    expect(titles.at(-1)).toBe('Referral received');
    expect(titles).toContain('Consent recorded');
    expect(titles).toContain('Risk assessment signed off');
    await look(page, '3c-09-overview-timeline');
  });

  it('moves on to monitoring, closes the case read-only, and reopens it', async () => {
    await openCase(page, first.case.reference);
    await workflowButton(page, 'Move to outcome agreement');
    await notice(page, 'Moved to outcome agreement');
    await workflowButton(page, 'Move to monitoring');
    await notice(page, 'Moved to monitoring');
    await workflowButton(page, 'Close the case');
    const form = page.getByTestId('close-form');
    await form.getByLabel('Process completed without an agreement').check();
    await form.getByLabel('Summary').fill('Letters exchanged; both parties satisfied without a formal agreement.');
    const closedBy = form.getByLabel('Closed by');
    if ((await closedBy.inputValue()) === '') await closedBy.selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Close the case' }).click();
    await notice(page, 'Case closed');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Closed');
    await page.getByRole('heading', { name: 'This case is closed' }).waitFor();
    expect(await page.getByRole('button', { name: 'Assign team' }).count()).toBe(0);
    await look(page, '3c-10-case-closed');
    await page.getByRole('button', { name: 'Reopen the case' }).click();
    await page.getByTestId('reopen-form').getByLabel('Reason for reopening').fill('The agreement needs another month of monitoring.');
    await page.getByTestId('reopen-form').getByRole('button', { name: 'Reopen the case' }).click();
    await notice(page, 'Case reopened');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Monitoring');
  });

  let second: CaseView;

  it('records a withdrawal of consent, then ends the case as withdrawn, with a reason', async () => {
    second = await createReferral(h, ref.today, {
      offenceCategory: 'criminal-damage',
      participants: [
        { role: 'harmed', person: { givenName: 'Grace', familyName: 'Adeyemi' } },
        { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh' } },
      ],
    });
    const grace = second.case.participants[0]!;
    await openCase(page, second.case.reference);
    await tab(page, 'Consent');
    const section = page.getByTestId(`consent-${grace.id}`);
    await section.getByRole('button', { name: 'Record consent for Grace Adeyemi' }).click();
    let form = page.getByTestId('consent-form');
    const ticked = form.getByRole('checkbox', { checked: true });
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    await form.getByLabel('1. The process explained and the type agreed').check();
    await form.getByLabel('2. Taking part is voluntary').check();
    await form.getByLabel('Recorded verbal consent').check();
    await form.getByRole('button', { name: 'Save consent' }).click();
    await notice(page, 'Consent given by Grace Adeyemi: 2 elements recorded');
    await section.getByText('Consent partly given').waitFor();

    await section.getByRole('button', { name: 'Record a withdrawal for Grace Adeyemi' }).click();
    form = page.getByTestId('withdraw-form');
    await form.getByText('People can withdraw consent at any time, for any reason or none.').waitFor();
    await form.getByLabel('Reason (optional)').fill('She wants to focus on her recovery for now.');
    await form.getByRole('button', { name: 'Record withdrawal' }).click();
    await notice(page, 'Withdrawal of consent by Grace Adeyemi recorded');
    await section.getByText('Consent withdrawn').waitFor();
    expect(await section.getByTestId('consent-row-voluntary').textContent()).toContain('Withdrawn');
    await section.getByTestId('consent-row-voluntary').getByText('History (2)', { exact: false }).click();
    await look(page, '3c-11-consent-withdrawn');

    await workflowButton(page, 'End the case early');
    form = page.getByTestId('exit-form');
    await form.getByLabel('Withdrawn').check();
    await form.getByRole('button', { name: 'End the case' }).click();
    const summary = form.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Choose who withdrew' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the reason the case is ending' }).waitFor();
    await look(page, '3c-12-end-case-errors');
    await form.getByLabel('Who withdrew?').selectOption({ label: 'Grace Adeyemi (person harmed)' });
    await form.getByLabel('Reason').fill('Grace told us she no longer wants to take part. She knows she can come back to us.');
    await form.getByRole('button', { name: 'End the case' }).click();
    await notice(page, 'Case ended: withdrawn');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Ended: Withdrawn');
    expect(await page.getByTestId('exit-summary').textContent()).toContain('withdrawn by Grace Adeyemi (person harmed)');
    // Read-only: nothing to change but "Reopen".
    expect(await page.getByRole('button', { name: /^Record consent/ }).count()).toBe(0);
    await tab(page, 'Overview');
    expect(await page.getByRole('button', { name: 'Add notes' }).count()).toBe(0);
    await look(page, '3c-13-case-ended');

    await page.getByRole('button', { name: 'Reopen the case' }).click();
    form = page.getByTestId('reopen-form');
    await form.getByLabel('Reason for reopening').fill('Grace got back in touch and would like to continue.');
    await form.getByRole('button', { name: 'Reopen the case' }).click();
    await notice(page, 'Case reopened');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Referral received');

    // Someone can step out of the process, with a reason, and stays on the record.
    await tab(page, 'People');
    const kieran = second.case.participants[1]!;
    await page.getByTestId(`person-${kieran.id}`).getByRole('button', { name: 'Mark Kieran Walsh as not taking part' }).click();
    form = page.getByTestId('participation-form');
    await form.getByLabel('Reason').fill('Kieran has moved away and asked not to be contacted again.');
    await form.getByRole('button', { name: 'Save' }).click();
    await notice(page, 'Kieran Walsh will not take part in the process');
    await page.getByTestId(`person-${kieran.id}`).locator('.govuk-tag', { hasText: 'Not taking part' }).waitFor();
    await tab(page, 'Overview');
  });

  it('reloads the case and says so when someone else changed it first', async () => {
    const current = await invoke<CaseView>(h, 'getCaseView', { id: second.case.id });
    await applyAll(h, current, [{ type: 'set-notes', notes: 'Grace prefers letters.' }]);
    await page.getByRole('button', { name: 'Add notes' }).click();
    await page.getByLabel('Notes', { exact: true }).fill('Call Grace on Thursday.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.locator('.govuk-error-summary').getByText(/changed by someone else/).waitFor();
    // The form keeps what was typed; the case underneath is the latest.
    expect(await page.getByLabel('Notes', { exact: true }).inputValue()).toBe('Call Grace on Thursday.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await notice(page, 'Notes saved');
    expect(await page.getByTestId('case-notes').textContent()).toBe('Call Grace on Thursday.');
  });

  it('holds a sensitive case back until an Advanced lead, a co-facilitator and the approver have signed off', async () => {
    let third = await createReferral(h, ref.today, {
      offenceCategory: 'domestic-abuse',
      offenceDescription: 'Repeated threatening messages after the relationship ended.',
      sensitive: ['domestic-abuse'],
      priority: 'high',
      participants: [
        { role: 'harmed', person: { givenName: 'Niamh', familyName: 'Byrne', vulnerabilities: ['intimidated'] } },
        { role: 'responsible', person: { givenName: 'Callum', familyName: 'Reid', dateOfBirth: addDays(ref.today, -16 * 365) } },
      ],
    });
    await openCase(page, third.case.reference);
    expect(await page.getByTestId('case-tags').textContent()).toContain('Sensitive: Domestic abuse');
    await workflowButton(page, 'Move to screening');
    await notice(page, 'Moved to screening');
    const blockers = page.getByTestId('blockers');
    await blockers.getByText('Assign a lead facilitator from the staff list.').waitFor();
    await blockers.getByText('This is a sensitive case: assign a co-facilitator.').waitFor();
    await look(page, '3c-14-sensitive-blocked');

    await page.getByRole('button', { name: 'Assign team' }).click();
    const team = page.getByTestId('team-form');
    await team.getByLabel('Lead facilitator').selectOption({ label: staffLabel(staff.priya) });
    await team.getByRole('button', { name: 'Save team' }).click();
    const summary = team.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'A sensitive case must be led by an Advanced practitioner; Priya Shah is not' }).waitFor();
    await summary.getByRole('link', { name: 'A sensitive case needs a co-facilitator' }).waitFor();
    await look(page, '3c-15-sensitive-team-errors');
    await team.getByLabel('Lead facilitator').selectOption({ label: staffLabel(staff.tom) });
    await team.getByLabel('Co-facilitator').selectOption({ label: staffLabel(staff.priya) });
    await team.getByRole('button', { name: 'Save team' }).click();
    await notice(page, 'Team assigned');
    expect(await page.getByTestId('blockers').count()).toBe(0);
    await workflowButton(page, 'Move to contact');
    await notice(page, 'Moved to contact');

    // Contacts, assessments and consent recorded by a colleague; nobody has signed off yet.
    third = await invoke<CaseView>(h, 'getCaseView', { id: third.case.id });
    const [niamh, callum] = third.case.participants as [CaseView['case']['participants'][number], CaseView['case']['participants'][number]];
    const on = ref.today;
    const contact = (participantId: string) => contactCommand(participantId, on, staff.tom.id);
    const assessment = (p: { id: string; role: ParticipantRole }) => riskCommand(ref, p, { on, by: staff.tom.id, decision: 'indirect-only', reviewOn: addDays(on, 28) });
    const consent = (p: { id: string; role: ParticipantRole }) => consentCommands(ref, p, { on, by: staff.tom.id });
    const parent = { role: 'parent-guardian' as const, id: 'p_parentof01', person: { givenName: 'Fiona', familyName: 'Reid' } };
    third = await applyAll(h, third, [
      { type: 'add-participant', participant: parent },
      contact(niamh.id),
      contact(callum.id),
      contact(parent.id),
      { type: 'advance' },
      assessment(niamh),
      assessment(callum),
      assessment(parent),
      { type: 'advance' },
      { type: 'advance' },
      ...consent(niamh),
      ...consent(parent),
      ...consent(callum).map((c) => (c.type === 'record-consent' && c.elementId === 'signatures' ? { ...c, parentGuardianId: parent.id } : c)),
    ]);
    expect(third.case.stage).toBe('consent');

    await openCase(page, third.case.reference);
    await page.getByTestId('blockers').getByText("Niamh Byrne's risk assessment is not signed off.").waitFor();
    await page.getByTestId('blockers').getByText("Callum Reid's risk assessment is not signed off.").waitFor();
    await tab(page, 'Risk');
    for (const p of third.case.participants) {
      const name = `${p.person.givenName} ${p.person.familyName}`;
      const section = page.getByTestId(`risk-${p.id}`);
      await section.getByRole('button', { name: `Sign off the assessment for ${name}` }).click();
      const form = page.getByTestId('signoff-form');
      expect(await form.getByTestId('approver-needed').textContent()).toContain('a manager, because this is a sensitive case');
      // Only the approver role is offered.
      expect(await form.getByLabel('Signed off by').locator('option').allTextContents()).toEqual(['Choose a member of staff', staffLabel(staff.margaret)]);
      if (p.role === 'harmed') {
        await form.getByRole('button', { name: 'Sign off' }).click();
        await form.locator('.govuk-error-summary').getByRole('link', { name: 'Choose who is signing off' }).waitFor();
        await look(page, '3c-16-sensitive-sign-off');
      }
      await form.getByLabel('Signed off by').selectOption({ label: staffLabel(staff.margaret) });
      await form.getByLabel('Note (optional)').fill('Indirect only: letters through the facilitator.');
      await form.getByRole('button', { name: 'Sign off' }).click();
      await notice(page, `Risk assessment for ${name} signed off`);
    }

    // Every assessment allows an indirect process only, so that is what is offered first.
    const workflow = page.getByTestId('workflow');
    expect(await workflow.getByLabel('Indirect (messages, letters or recordings)').isChecked()).toBe(true);
    await workflow.getByLabel('Direct (face to face or video)').check();
    await workflow.getByTestId('blockers').getByText("Niamh Byrne's risk assessment allows an indirect process only.").waitFor();
    await workflow.getByLabel('Indirect (messages, letters or recordings)').check();
    expect(await page.getByTestId('blockers').count()).toBe(0);
    await look(page, '3c-17-sensitive-ready');
    await workflowButton(page, 'Start the restorative process');
    await notice(page, 'Moved to process');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Indirect process');
    await tab(page, 'People');
    await page.getByTestId(`person-${callum.id}`).locator('.govuk-tag', { hasText: 'Under 18' }).waitFor();
    await page.getByTestId(`person-${callum.id}`).locator('.govuk-tag', { hasText: 'Enhanced rights' }).waitFor();
    await look(page, '3c-18-sensitive-people');
    // Niamh is an intimidated victim: enhanced rights, so the shorter Victims' Code timescale.
    await tab(page, 'Deadlines');
    const rjInfo = page.getByTestId('deadlines').getByRole('row', { name: /Information about restorative justice/ });
    expect(await rjInfo.textContent()).toContain('Enhanced rights');
    await look(page, '3c-19-sensitive-deadlines');
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});

