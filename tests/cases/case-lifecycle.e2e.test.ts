import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { ADMIN, addStaff, caseWithMeeting, expectClash, fillAction, h1, invoke, look, meetingCard, nav, notice, rateRisk, reloadHome, scheduleForm, staffLabel, startWithCasebook, tab, uk, workflowButton } from '../support/e2e/steps';
import type { CaseView, CaseworkReference } from '../../src-main/domain/cases/case-view';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import type { Venue } from '../../src-main/domain/conferences/venue';
import type { AuditEntry } from '../../src-main/domain/casebook/audit';
import { addDays, formatDate } from '../../src-main/domain/time/dates';

/**
 * The whole life of one case, in the page, as a coordinator would work it: a referral typed
 * into the New referral form; contacts, risk, consent and sign-off; a direct, face-to-face
 * process; a conference refused because it clashes with another case's meeting, booked at a
 * free time, confirmed and recorded as held with an agreement; the agreement drafted, signed
 * and completed; the case closed; feedback from the person harmed; then the Figures and the
 * Calendar showing it all. Only the staff list, a venue and the other case (whose meeting makes
 * the clash) are set up through the registry. Every step is photographed (5l-…) and checked
 * with axe; at the end the audit trail has the process commands and no names or summaries.
 */

const AISHA = 'Aisha Khan';
const DANIEL = 'Daniel Price';
/** Free text typed into the case: none of it may reach the audit trail. */
const WORDS = {
  offence: 'The shed was broken into at night and garden tools were taken.',
  conference: 'Aisha described how the break-in left her afraid at night. Daniel listened, explained and apologised. They agreed two actions.',
  letter: 'Daniel writes a letter of apology to Aisha, passed on by the facilitator.',
  repair: 'Daniel repairs the shed door and fits a new padlock.',
  letterDone: 'The facilitator passed the letter on; Aisha said it answered her questions.',
  repairDone: 'Aisha confirmed the door was mended and the padlock fitted.',
  closure: 'Both actions were completed; Aisha and Daniel are content with how it ended.',
  feedback: 'Meeting Daniel was hard, but I am glad I did it.',
};

let h: Harness;
let page: Page;
let ref: CaseworkReference;
let venue: Venue;
let other: CaseView;
let reference = '';
const staff = {} as Record<'sian' | 'tom', StaffMember>;

describe('the whole life of a case, in the page', () => {
  beforeAll(async () => {
    h = await startWithCasebook();
    page = h.page;

    staff.sian = await addStaff(h, ADMIN, 'coordinator', 'advanced');
    staff.tom = await addStaff(h, 'Tom Okafor', 'facilitator', 'advanced');
    [venue] = (await invoke<Venue[]>(h, 'saveVenue', {
      name: 'Northshire Community Centre, Room 2',
      address: '14 Mill Lane, Northshire NS1 4QT',
      stepFreeAccess: true,
      separateWaitingAreas: true,
      active: true,
    })) as [Venue];
    ref = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});

    // Another case already has Siân and Room 2 from 10:00 to 12:00 today.
    other = await caseWithMeeting(h, ref.today, { date: ref.today, venueId: venue.id, leadFacilitatorId: staff.sian.id });
    // The page read the reference data (without staff or venues) when it unlocked; start afresh.
    await reloadHome(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes the referral on the New referral form', async () => {
    await nav(page, 'New referral');
    await page.getByLabel('Where did the referral come from?').selectOption({ label: 'Police' });
    await page.getByLabel('Referrer’s name (optional)').fill('PC Amara Okafor');
    expect(await page.getByLabel('Date received').inputValue()).toBe(uk(ref.today));
    await page.getByLabel('Offence category').selectOption({ label: 'Burglary' });
    await page.getByLabel('What happened (optional)').fill(WORDS.offence);
    await page.getByLabel('Offence date (optional)').fill(uk(addDays(ref.today, -12)));
    await page.getByLabel('Criminal-justice stage').selectOption({ label: 'Out-of-court disposal' });
    // Person 1 is the person harmed and person 2 the person responsible, unless changed.
    await page.locator('#participants-0-person-givenName').fill('Aisha');
    await page.locator('#participants-0-person-familyName').fill('Khan');
    await page.locator('#participants-0-person-dateOfBirth').fill('2/5/1984');
    await page.locator('#participants-1-person-givenName').fill('Daniel');
    await page.locator('#participants-1-person-familyName').fill('Price');
    await page.locator('#participants-1-person-dateOfBirth').fill('23/11/1999');
    await look(page, '5l-01-referral-form');
    await page.getByRole('button', { name: 'Save referral' }).click();

    const heading = await page.getByRole('heading', { level: 1, name: /^Case [A-Z]+-\d{4}-\d{4}$/ }).textContent();
    reference = heading!.replace('Case ', '');
    await page.getByTestId('workflow').waitFor();
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Referral received');
    expect(await page.getByTestId('case-summary').textContent()).toContain('Police, PC Amara Okafor');
    await look(page, '5l-02-case-opened');
  });

  it('assigns the team and records a contact with each party', async () => {
    await page.getByRole('button', { name: 'Assign team' }).click();
    const team = page.getByTestId('team-form');
    await team.getByLabel('Lead facilitator').selectOption({ label: staffLabel(staff.sian) });
    await team.getByRole('button', { name: 'Save team' }).click();
    await notice(page, 'Team assigned');
    await workflowButton(page, 'Move to screening');
    await notice(page, 'Moved to screening');
    await workflowButton(page, 'Move to contact');
    await notice(page, 'Moved to contact');

    await tab(page, 'Contacts');
    for (const [name, outcome] of [
      [AISHA, 'Information given'],
      [DANIEL, 'Interested in taking part'],
    ] as const) {
      await page.getByRole('button', { name: `Record a contact with ${name}` }).click();
      const form = page.getByTestId('contact-form');
      expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe(uk(ref.today));
      await form.getByLabel('How', { exact: true }).selectOption({ label: 'Phone' });
      await form.getByLabel('Outcome').selectOption({ label: outcome });
      await form.getByLabel('Information about restorative justice was given').check();
      await form.getByRole('button', { name: 'Save contact' }).click();
      await notice(page, `Contact with ${name} recorded`);
    }
    await workflowButton(page, 'Move to assessment');
    await notice(page, 'Moved to assessment');
    await look(page, '5l-03-contacts');
  });

  it('assesses the risk for both parties', async () => {
    await tab(page, 'Risk');
    for (const name of [AISHA, DANIEL]) {
      await page.getByRole('button', { name: `New assessment for ${name}` }).click();
      const form = page.getByTestId('assess-form');
      await rateRisk(form, 'Proceed: direct process possible');
      if (name === AISHA) await look(page, '5l-04-risk-form');
      await form.getByRole('button', { name: 'Save assessment' }).click();
      await notice(page, `New risk assessment for ${name} saved`);
    }
    expect(await page.getByText('Awaiting sign-off').count()).toBe(2);
    await workflowButton(page, 'Move to preparation');
    await notice(page, 'Moved to preparation');
    await workflowButton(page, 'Move to consent recorded');
    await notice(page, 'Moved to consent recorded');
    await look(page, '5l-05-risk-assessed');
  });

  it('records consent from both, and Aisha agrees to be asked for feedback', async () => {
    await tab(page, 'Consent');
    for (const name of [AISHA, DANIEL]) {
      await page.getByRole('button', { name: `Record consent for ${name}` }).click();
      const form = page.getByTestId('consent-form');
      // Only the required elements are ticked; contact for feedback is asked separately.
      expect(await form.getByLabel('9. Contact for feedback (optional)').isChecked()).toBe(false);
      if (name === AISHA) await form.getByLabel('9. Contact for feedback (optional)').check();
      await form.getByLabel('Signed form').check();
      if (name === AISHA) await look(page, '5l-06-consent-form');
      await form.getByRole('button', { name: 'Save consent' }).click();
      await notice(page, new RegExp(`^Consent given by ${name}: \\d+ elements recorded$`));
    }
    expect(await page.getByText('Consent complete').count()).toBe(2);
    // The risk assessments are not signed off yet, so the process cannot start.
    await page.getByTestId('blockers').getByText(`${AISHA}'s risk assessment is not signed off.`).waitFor();
    await look(page, '5l-07-consent-complete');
  });

  it('signs off both risk assessments', async () => {
    await tab(page, 'Risk');
    // Siân assessed both herself: before the sign-off buttons, each section warns that the record will say so.
    expect(await page.getByTestId('self-sign-off').count()).toBe(2);
    expect(await page.getByTestId('self-sign-off').first().textContent()).toContain('You assessed this risk yourself. You can still sign it off');
    for (const name of [AISHA, DANIEL]) {
      await page.getByRole('button', { name: `Sign off the assessment for ${name}` }).click();
      const form = page.getByTestId('signoff-form');
      // Who signs is who is signed in.
      expect(await form.getByTestId('signed-by-you').textContent()).toBe('Signed off by you (Siân Evans, RJ coordinator).');
      // Signing off your own assessment is confirmed knowingly.
      await form.getByLabel('I understand the record will say this was signed off by the person who assessed it').check();
      await form.getByRole('button', { name: 'Sign off' }).click();
      await notice(page, `Risk assessment for ${name} signed off`);
    }
    expect(await page.getByText('Signed off', { exact: true }).count()).toBe(2);
    expect(await page.getByTestId('blockers').count()).toBe(0);
    await look(page, '5l-08-risk-signed-off');
  });

  it('chooses a direct, face-to-face process and starts it', async () => {
    await tab(page, 'Meetings and process');
    await page.getByRole('button', { name: 'Choose the process' }).click();
    const form = page.getByTestId('process-choice-form');
    await form.getByLabel('Direct process', { exact: true }).check();
    await form.getByLabel('Face-to-face conference').check();
    await form.getByRole('button', { name: 'Save the process' }).click();
    await notice(page, 'Process chosen: face-to-face conference');
    await page.getByTestId('workflow').getByLabel('Direct (face to face or video)').check();
    await workflowButton(page, 'Start the restorative process');
    await notice(page, 'Moved to process');
    const tags = await page.getByTestId('case-tags').textContent();
    expect(tags).toContain('Stage: Process');
    expect(tags).toContain('Direct process');
    expect(await page.getByTestId('process-form').textContent()).toContain('Face-to-face conference');
    await look(page, '5l-09-process-started');
  });

  it('refuses a conference that clashes with the other case, naming the facilitator, the room and the meeting', async () => {
    const form = await scheduleForm(page, { kind: 'Conference', format: 'In person', date: ref.today, start: '11:00', length: '2 hours' });
    await form.getByLabel('Venue', { exact: true }).selectOption({ label: venue.name });
    expect(await form.getByLabel('Lead facilitator').inputValue()).toBe(staff.sian.id);
    await form.getByLabel('Co-facilitator (optional)').selectOption(staff.tom.id);
    await form.getByLabel(`${AISHA} (person harmed)`).check();
    await form.getByLabel(`${DANIEL} (person responsible)`).check();
    await form.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expectClash(page, form, { date: ref.today, facilitator: ADMIN, venue: venue.name });
    // The other case's people are not named in this case.
    expect(await form.locator('.govuk-error-summary').textContent()).not.toMatch(/Grace|Adeyemi|Kieran|Walsh/);
    // The clash marks the fields it is about, and offers the next time the same people and room are free.
    for (const label of ['Lead facilitator', 'Venue']) expect(await form.locator('.govuk-form-group--error').filter({ has: page.getByLabel(label, { exact: true }) }).count()).toBe(1);
    await form.locator('.govuk-error-summary').getByText(/^The next time these people and the venue are all free is /).waitFor();
    await form.locator('.govuk-error-summary').getByRole('button', { name: 'Use this time' }).waitFor();
    await look(page, '5l-10-conference-clash');
  });

  it('books the conference at a free time and confirms it', async () => {
    const form = page.getByTestId('schedule-form');
    await form.getByLabel('Start time').fill('14:00');
    await form.getByRole('button', { name: 'Schedule the meeting' }).click();
    const title = `Conference on ${formatDate(ref.today)}, 14:00–16:00`;
    await notice(page, `${title}: scheduled`);
    const conference = meetingCard(page, 'Conference on');
    expect(await conference.locator('.govuk-tag').textContent()).toBe('Proposed');

    await conference.getByRole('button', { name: /^Confirm \(Conference on/ }).click();
    const confirm = page.getByTestId('meeting-status-form');
    const readiness = await confirm.getByTestId('readiness').textContent();
    expect(readiness).toContain('Consent complete');
    expect(readiness).toContain('Signed off');
    await look(page, '5l-11-confirm-conference');
    await confirm.getByRole('button', { name: 'Confirm the conference' }).click();
    await notice(page, `${title}: confirmed`);
    expect(await conference.locator('.govuk-tag').textContent()).toBe('Confirmed');
    const text = await conference.textContent();
    expect(text).toContain(`${ADMIN} (lead), Tom Okafor (co-facilitator)`);
    expect(text).toContain(venue.name);
    await look(page, '5l-12-conference-confirmed');
  });

  it('records the conference as held, with an agreement reached', async () => {
    // Booked for today, so it can be recorded as held today (a record may not be dated in the future).
    const conference = meetingCard(page, 'Conference on');
    await conference.getByRole('button', { name: /^Record the conference \(Conference on/ }).click();
    const form = page.getByTestId('conference-record-form');
    expect(await form.getByLabel('Date held').inputValue()).toBe(uk(ref.today));
    expect(await form.getByRole('group', { name: 'Who attended', exact: true }).getByRole('checkbox', { checked: true }).count()).toBe(2);
    await form.getByLabel('Summary', { exact: true }).fill(WORDS.conference);
    await form.getByLabel('Agreement reached').check();
    await look(page, '5l-13-conference-record-form');
    await form.getByRole('button', { name: 'Save the conference record' }).click();
    await notice(page, 'Conference recorded: agreement reached');
    expect(await conference.locator('.govuk-tag').textContent()).toBe('Held');
    expect(await page.getByTestId('conference-records').textContent()).toContain('Agreement reached');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Outcome agreement');
    await look(page, '5l-14-conference-held');
  });

  it('drafts the agreement with two actions and records the signatures', async () => {
    await tab(page, 'Agreement');
    await page.getByRole('button', { name: 'Draft the agreement' }).click();
    const form = page.getByTestId('agreement-form');
    // The conference just held is chosen and both parties sign.
    expect(await form.getByLabel(`${AISHA} (person harmed)`).isChecked()).toBe(true);
    expect(await form.getByLabel(`${DANIEL} (person responsible)`).isChecked()).toBe(true);
    await fillAction(form.getByTestId('action-row-1'), { kind: 'Letter', description: WORDS.letter, by: `${DANIEL} (person responsible)`, dueOn: addDays(ref.today, 14) });
    await form.getByRole('button', { name: 'Add another action' }).click();
    await fillAction(form.getByTestId('action-row-2'), { kind: 'Reparation', description: WORDS.repair, by: `${DANIEL} (person responsible)`, dueOn: addDays(ref.today, 28) });
    await look(page, '5l-15-agreement-draft-form');
    await form.getByRole('button', { name: 'Save agreement' }).click();
    await notice(page, 'Draft agreement saved: print it for signing');
    await page.getByTestId('agreement').getByText('Draft: not signed yet').waitFor();
    expect(await page.getByTestId('agreement-actions').locator('tbody tr').count()).toBe(2);

    await page.getByRole('button', { name: 'Record signatures' }).click();
    const sign = page.getByTestId('sign-form');
    expect(await sign.getByLabel('Date signed').inputValue()).toBe(uk(ref.today));
    await sign.getByRole('button', { name: 'Record signatures' }).click();
    await notice(page, 'Signatures recorded: the agreement is now being monitored');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Monitoring');
    expect(await page.getByTestId('progress-text').textContent()).toBe('0 of 2 actions done, 2 pending');
    await look(page, '5l-16-agreement-signed');
  });

  it('marks both actions done, with the evidence', async () => {
    for (const [n, evidence] of [
      [1, WORDS.letterDone],
      [2, WORDS.repairDone],
    ] as const) {
      await page.getByRole('button', { name: `Record progress on action ${n}` }).click();
      const form = page.getByTestId('progress-form');
      await form.getByLabel('Done', { exact: true }).check();
      await form.getByLabel('Evidence notes').fill(evidence);
      await form.getByRole('button', { name: 'Save progress' }).click();
      await notice(page, `Action ${n} marked done`);
      expect(await page.getByTestId(`action-${n}`).textContent()).toContain(`Evidence: ${evidence}`);
    }
    expect(await page.getByTestId('progress-text').textContent()).toBe('2 of 2 actions done');
    await page.getByTestId('agreement').getByText('Completed', { exact: true }).waitFor();
    await look(page, '5l-17-agreement-completed');
  });

  it('closes the case as "Agreement completed", the outcome the agreement suggests', async () => {
    await workflowButton(page, 'Close the case');
    const form = page.getByTestId('close-form');
    expect(await form.getByLabel('Agreement completed', { exact: true }).isChecked()).toBe(true);
    expect(await form.getByTestId('signed-by-you').textContent()).toBe('Closed by you (Siân Evans, RJ coordinator).');
    await form.getByLabel('Summary').fill(WORDS.closure);
    await look(page, '5l-18-close-form');
    await form.getByRole('button', { name: 'Close the case' }).click();
    await notice(page, 'Case closed');
    await page.getByRole('heading', { name: 'This case is closed' }).waitFor();
    expect(await page.getByTestId('case-tags').textContent()).toContain('Closed');
    expect(await page.getByRole('button', { name: /^Record progress/ }).count()).toBe(0);
    await look(page, '5l-19-case-closed');
  });

  it('enters feedback from the person harmed', async () => {
    await tab(page, 'Feedback');
    expect(await page.getByTestId('feedback-count').textContent()).toBe('Feedback from 0 of 2 people.');
    await page.getByRole('button', { name: `Enter feedback from ${AISHA}` }).click();
    const form = page.getByTestId('feedback-form');
    await form.getByTestId('statement-satisfiedWithOutcome').getByLabel('Agree', { exact: true }).check();
    await form.getByTestId('statement-feltSafe').getByLabel('Strongly agree', { exact: true }).check();
    await form.getByLabel('Overall score out of 10').selectOption('8');
    await form.getByLabel('Comments (optional)').fill(WORDS.feedback);
    await form.getByRole('group', { name: 'Did they agree to answer equality monitoring questions?' }).getByLabel('No', { exact: true }).check();
    await look(page, '5l-20-feedback-form');
    await form.getByRole('button', { name: 'Save feedback' }).click();
    await notice(page, `Feedback from ${AISHA} saved`);
    expect(await page.getByTestId('feedback-count').textContent()).toBe('Feedback from 1 of 2 people.');
    expect(await page.getByTestId('feedback-record').textContent()).toContain('8 out of 10');
    await look(page, '5l-21-feedback-recorded');
  });

  it('counts the conference, the agreement, the closure and the satisfaction in the Figures', async () => {
    await nav(page, 'Figures');
    await page.getByLabel('From', { exact: true }).fill(uk(addDays(ref.today, -6)));
    await page.getByLabel('To', { exact: true }).fill(uk(ref.today));
    await page.getByRole('button', { name: 'Show figures' }).click();
    const figures = page.getByTestId('figures');
    await figures.getByRole('heading', { level: 2, name: new RegExp(`to ${formatDate(ref.today)}$`) }).waitFor();
    // The other case was received a week ago, before the period.
    expect(await page.getByTestId('figure-referrals').textContent()).toBe('Referrals received1');
    expect(await page.getByTestId('figure-conferences').textContent()).toBe('Conferences held1');
    expect(await page.getByTestId('figure-agreements-reached').textContent()).toBe('Agreements reached1');
    expect(await page.getByTestId('figure-agreements-completed').textContent()).toBe('Agreements completed1');
    expect(await page.getByTestId('figure-satisfied').textContent()).toBe('Satisfied with the outcome100%1 of 1 person who answered');
    const outcomes = page.getByTestId('chart-outcomes');
    expect(await outcomes.locator('tbody tr').count()).toBe(1);
    expect(await outcomes.getByRole('row', { name: /Agreement completed/ }).locator('td').allTextContents()).toEqual(['1', '100%']);
    await look(page, '5l-22-figures');
  });

  it('shows the held conference on the Calendar, beside the other case’s meeting', async () => {
    await nav(page, 'Calendar');
    const count = page.getByTestId('calendar-count');
    await count.getByText(/meetings? shown/).waitFor();
    const today = page.getByTestId('calendar-grid').locator(`td[data-date="${ref.today}"]`);
    expect(await today.getAttribute('aria-current')).toBe('date');
    const entry = today.locator('li', { has: page.getByRole('button', { name: `14:00–16:00 ${reference} Conference`, exact: true }) });
    const text = await entry.textContent();
    expect(text).toContain('Held');
    expect(text).toContain(venue.name);
    expect(text).toContain(`Facilitated by ${ADMIN} and Tom Okafor`);
    await today.getByRole('button', { name: `10:00–12:00 ${other.case.reference} Preparation meeting`, exact: true }).waitFor();
    // The calendar may be on a shared screen: no participant is named.
    expect(await page.getByTestId('calendar-grid').textContent()).not.toMatch(/Aisha|Daniel|Grace|Kieran/);
    await look(page, '5l-23-calendar');

    await entry.getByRole('button').click();
    await h1(page, `Case ${reference}`);
  });

  it('keeps the process commands in the audit trail, with no names and no summaries', async () => {
    const { entries } = await invoke<{ entries: AuditEntry[] }>(h, 'listAudit', { limit: 500, offset: 0 });
    const mine = entries.filter((e) => e.entity.type === 'case' && e.entity.id !== other.case.id);
    const actions = new Set(mine.map((e) => e.action));
    for (const action of ['case.create', 'case.record-contact', 'case.assess-risk', 'case.record-consent', 'case.sign-off-risk', 'case.choose-process', 'case.schedule-meeting', 'case.set-meeting-status', 'case.record-conference', 'case.record-agreement', 'case.sign-agreement', 'case.update-action', 'case.close', 'case.record-feedback']) {
      expect(actions, action).toContain(action);
    }
    // One booking went through (the clash was refused before anything was saved).
    expect(mine.filter((e) => e.action === 'case.schedule-meeting')).toHaveLength(1);
    expect(mine.filter((e) => e.action === 'case.update-action')).toHaveLength(2);

    const trail = JSON.stringify(entries);
    for (const name of ['Aisha', 'Khan', 'Daniel', 'Price', 'Grace', 'Adeyemi', 'Kieran', 'Walsh']) expect(trail).not.toContain(name);
    for (const text of Object.values(WORDS)) expect(trail).not.toContain(text.slice(0, 30));
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
