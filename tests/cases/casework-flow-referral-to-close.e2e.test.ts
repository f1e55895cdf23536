import { describe, expect, it } from 'vitest';
import { createReferral, focusedClass, look, notice, openCase, rateRisk, staffLabel, tab, uk, workflowButton } from '../support/e2e/steps';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import { addDays, formatDate } from '../../src-main/domain/time/dates';
import { requiredElements } from '../../src-main/domain/consent/consent';
import { h, page, ref, staff, useCaseworkPage } from './casework-flow-world';

/**
 * Casework on the case page, end to end in Chromium over the real service: a referral taken
 * through contacts with both parties, consent from both, signed-off risk assessments and into
 * the restorative process, then to monitoring, closed read-only and reopened. Every section
 * of the case is photographed (3c-01… to 3c-10…) and checked with axe.
 */
describe('casework on the case page', () => {
  useCaseworkPage();

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
    // Signed in as an administrator, who also sees who opened the case (Access history).
    const navButtons = await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button').allTextContents();
    // The tabs show short words where the whole name would not fit one row (the button's name is the whole one).
    expect(navButtons).toEqual(['Overview', 'People', 'Contacts', 'Consent', 'Risk', 'Meetings', 'Agreement', 'Feedback', 'Deadlines', 'Documents', 'Access']);
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
    for (const [i, name, id] of first.case.participants.map((p, n) => [n, `${p.person.givenName} ${p.person.familyName}`, p.id] as const)) {
      const section = page.getByTestId(`risk-${id}`);
      await section.getByText('Not assessed yet.').waitFor();
      await section.getByRole('button', { name: `New assessment for ${name}` }).click();
      const form = page.getByTestId('assess-form');
      expect(await form.getByTestId('signed-by-you').textContent()).toBe('Assessed by you (Siân Evans, RJ coordinator).');
      await form.getByRole('button', { name: 'Save assessment' }).click();
      await form.locator('.govuk-error-summary').getByRole('link', { name: /Rate physical safety/ }).waitFor();
      await rateRisk(form, 'Proceed: direct process possible');
      // The first was assessed by Priya on paper: Siân, an administrator, records it for her.
      if (i === 0) {
        await form.getByLabel('Record this for someone else').check();
        await form.getByLabel('Who is this for?').selectOption({ label: staffLabel(staff.priya) });
      }
      await form.getByRole('button', { name: 'Save assessment' }).click();
      await notice(page, `New risk assessment for ${name} saved`);
      await section.getByText('Awaiting sign-off').waitFor();
      if (i === 0) expect(await section.textContent()).toContain('by Priya Shah (recorded by Siân Evans)');
      // Siân assessed the second herself: the warning comes before the sign-off button.
      expect(await section.getByTestId('self-sign-off').count()).toBe(i);
      if (i === 1) await look(page, '3c-05-risk-own-assessment');
      await section.getByRole('button', { name: `Sign off the assessment for ${name}` }).click();
      const signOff = page.getByTestId('signoff-form');
      expect(await signOff.getByTestId('approver-needed').textContent()).toContain('an RJ coordinator or a manager');
      expect(await signOff.getByTestId('signed-by-you').textContent()).toBe('Signed off by you (Siân Evans, RJ coordinator).');
      if (i === 1) {
        // Her own assessment: the sign-off waits until she confirms the warning.
        await signOff.getByRole('button', { name: 'Sign off' }).click();
        await signOff.locator('.govuk-error-summary').getByRole('link', { name: /Confirm that you are signing off an assessment you made yourself/ }).waitFor();
        await look(page, '3c-05-risk-own-sign-off-confirm');
        await signOff.getByLabel('I understand the record will say this was signed off by the person who assessed it').check();
      }
      await signOff.getByRole('button', { name: 'Sign off' }).click();
      await notice(page, `Risk assessment for ${name} signed off`);
      await section.getByText('Signed off', { exact: true }).waitFor();
    }
    expect(await page.getByTestId(`risk-${first.case.participants[0]!.id}`).getByTestId('sign-off-row').textContent()).toContain('Siân Evans (RJ coordinator)');
    expect(await page.getByTestId(`risk-${first.case.participants[1]!.id}`).getByTestId('sign-off-row').textContent()).toContain('Signed off by the same person who assessed it.');
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
    expect(await form.getByTestId('signed-by-you').textContent()).toBe('Closed by you (Siân Evans, RJ coordinator).');
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

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
