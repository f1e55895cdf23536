import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { addStaff, applyAll, consentCommands, contactCommand, createReferral, fillAction, invoke, look, notice, openCase, reloadHome, riskCommand, signOffCommand, staffLabel, startWithCasebook, tab, uk } from '../support/e2e/steps';
import type { CaseView, CaseworkReference } from '../../src-main/domain/cases/case-view';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import type { Participant } from '../../src-main/domain/cases/case';
import { addDays, formatDate } from '../../src-main/domain/time/dates';

/**
 * The outcome agreement and feedback on the case page, end to end in Chromium over the real
 * service. A case is taken through to a conference behind the scenes; then, in the page, an
 * agreement with three actions is drafted, saved as a PDF to print, signed, monitored (one
 * action done, one not done, a review) and the case closed as partly completed. Feedback is
 * entered for the person harmed with equality monitoring; the person responsible, who did not
 * agree to be contacted for feedback, cannot give it. Every state is photographed (5a-…) and
 * checked with axe; the progress form and the statement scale are driven by keyboard alone.
 */

let h: Harness;
let page: Page;
let ref: CaseworkReference;
let view: CaseView;
let aisha: Participant;
let daniel: Participant;
const staff: Record<'sian' | 'priya', StaffMember> = {} as never;

const focused = (p: Page) => p.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '', tag: document.activeElement?.tagName ?? '' }));

describe('outcome agreement and feedback on the case page', () => {
  beforeAll(async () => {
    h = await startWithCasebook();
    page = h.page;
    staff.sian = await addStaff(h, 'Siân Evans', 'coordinator', 'advanced');
    staff.priya = await addStaff(h, 'Priya Shah', 'facilitator', 'intermediate');
    ref = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});

    // A burglary referral taken through contact, risk, consent and a conference by a colleague.
    view = await createReferral(h, ref.today, {
      receivedOn: addDays(ref.today, -30),
      offenceDate: addDays(ref.today, -40),
      participants: [
        { role: 'harmed', person: { givenName: 'Aisha', familyName: 'Khan', dateOfBirth: '1984-05-02' } },
        { role: 'responsible', person: { givenName: 'Daniel', familyName: 'Price', dateOfBirth: '1999-11-23' } },
      ],
    });
    [aisha, daniel] = view.case.participants as [Participant, Participant];
    const both = [aisha, daniel];
    const conferenceOn = addDays(ref.today, -14);
    const meetingId = 'm_conference01';
    view = await applyAll(h, view, [
      { type: 'assign-team', leadId: staff.priya.id },
      { type: 'advance' },
      { type: 'advance' },
      ...both.map((p) => contactCommand(p.id, ref.today, staff.priya.id)),
      { type: 'advance' },
      ...both.map((p) => riskCommand(ref, p, { on: ref.today, by: staff.priya.id, decision: 'direct', reviewOn: addDays(ref.today, 28) })),
      ...both.map((p) => signOffCommand(p.id, staff.sian.id)),
      { type: 'advance' },
      { type: 'advance' },
      ...both.flatMap((p) => consentCommands(ref, p, { on: ref.today, by: staff.priya.id })),
      // Aisha may be asked for feedback; Daniel said no.
      { type: 'record-consent', participantId: aisha.id, elementId: 'feedback-contact', status: 'given', on: ref.today, method: 'signed-form', onBehalfOf: staff.priya.id },
      { type: 'record-consent', participantId: daniel.id, elementId: 'feedback-contact', status: 'declined', on: ref.today, method: 'signed-form', onBehalfOf: staff.priya.id },
      { type: 'advance', processKind: 'direct' },
      {
        type: 'schedule-meeting',
        confirm: true,
        meeting: { id: meetingId, kind: 'conference', format: 'video', date: conferenceOn, start: '10:00', durationMinutes: 120, leadFacilitatorId: staff.priya.id, participantIds: [aisha.id, daniel.id], supporterIds: [] },
      },
      {
        type: 'record-conference',
        record: {
          meetingId,
          heldOn: conferenceOn,
          attendedIds: [aisha.id, daniel.id],
          attendedStaffIds: [staff.priya.id],
          groundRules: ref.conferences.groundRules.groundRules,
          summary: 'Aisha described the effect of the break-in; Daniel explained what happened and apologised. They agreed three actions.',
          result: 'agreement-reached',
        },
        onBehalfOf: staff.priya.id,
      },
    ]);
    expect(view.case.stage).toBe('outcome');

    // The page read the reference data (without the staff) when it unlocked; start afresh.
    await reloadHome(page);
    await openCase(page, view.case.reference);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('drafts an agreement with three actions, adding and removing rows by keyboard', async () => {
    await tab(page, 'Agreement');
    await page.getByText('No agreement has been recorded.').waitFor();
    await look(page, '5a-01-agreement-none');

    await page.getByRole('button', { name: 'Draft the agreement' }).click();
    const form = page.getByTestId('agreement-form');
    expect((await focused(page)).text).toBe('Draft the outcome agreement');
    // The conference just held is chosen; both parties sign by default; whoever is signed in countersigns.
    expect(await form.getByLabel('Conference it was made at').inputValue()).toBe('m_conference01');
    expect(await form.getByLabel('Aisha Khan (person harmed)').isChecked()).toBe(true);
    expect(await form.getByLabel('Daniel Price (person responsible)').isChecked()).toBe(true);
    expect(await form.getByTestId('signed-by-you').textContent()).toContain('Countersigned by you (Siân Evans, RJ coordinator).');

    await form.getByRole('button', { name: 'Save agreement' }).click();
    const summary = form.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Action 1: choose the kind of action' }).waitFor();
    await summary.getByRole('link', { name: 'Action 1: say what will be done' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the action 1 due date' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'DIV' });
    await look(page, '5a-02-agreement-errors');

    // Choosing a kind offers the service's suggested evidence.
    const row1 = form.getByTestId('action-row-1');
    await row1.getByLabel('Kind of action').selectOption({ label: 'Letter' });
    expect(await row1.getByLabel('How completion will be shown').inputValue()).toBe('The facilitator reads the letter and records the date it was passed on.');
    await row1.getByText('Read by the facilitator before it is passed on.').waitFor();
    await fillAction(row1, { kind: 'Letter', description: 'Daniel writes a letter of apology to Aisha, passed on by the facilitator.', by: 'Daniel Price (person responsible)', dueOn: addDays(ref.today, -7) });

    // Keyboard only: "Add another action" adds a row and moves to it; "Remove" moves to the next.
    const addAnother = form.getByRole('button', { name: 'Add another action' });
    for (const n of [2, 3, 4]) {
      await addAnother.focus();
      await page.keyboard.press('Enter');
      await form.getByTestId(`action-row-${n}`).waitFor();
      expect((await focused(page)).id).toBe(await form.getByTestId(`action-row-${n}`).getByLabel('Kind of action').getAttribute('id'));
    }
    expect((await focused(page)).id).toMatch(/^agreement-kind-a_[0-9a-f]{16}$/);
    await form.getByRole('button', { name: 'Remove action 3' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByTestId('action-row-4').count()).toBe(0);
    // Focus went to the row that took its place.
    const row3 = form.getByTestId('action-row-3');
    expect((await focused(page)).id).toBe(await row3.getByLabel('Kind of action').getAttribute('id'));

    await fillAction(form.getByTestId('action-row-2'), {
      kind: 'Reparation',
      description: 'Daniel repairs the shed door and fits a new padlock, with Aisha’s agreement on a day that suits her.',
      by: 'Daniel Price (person responsible)',
      dueOn: addDays(ref.today, 14),
    });
    await fillAction(row3, {
      kind: 'Keeping the person harmed informed of progress',
      description: 'Daniel tells the facilitator how his course with the youth service is going, and the facilitator tells Aisha.',
      by: 'Daniel Price (person responsible)',
      dueOn: addDays(ref.today, -3),
      shown: 'The facilitator notes each update passed on to Aisha.',
    });
    // Daniel has actions, so he must sign.
    await form.getByLabel('Daniel Price (person responsible)').uncheck();
    await form.getByRole('button', { name: 'Save agreement' }).click();
    await summary.getByRole('link', { name: 'Daniel Price has an action, so must sign the agreement: tick their name' }).waitFor();
    await form.getByLabel('Daniel Price (person responsible)').check();
    // Priya, the lead, countersigns the printed agreement: Siân, an administrator, records it for her.
    await form.getByLabel('Record this for someone else').check();
    await form.getByLabel('Who is this for?').selectOption({ label: staffLabel(staff.priya) });
    await form.getByRole('button', { name: 'Save agreement' }).click();
    await notice(page, 'Draft agreement saved: print it for signing');
  });

  it('shows the draft and saves it as a PDF to print for signing', async () => {
    const agreement = page.getByTestId('agreement');
    await agreement.getByText('Draft: not signed yet').waitFor();
    const actions = page.getByTestId('agreement-actions');
    expect(await actions.locator('tbody tr').count()).toBe(3);
    expect(await actions.getByTestId('action-1').textContent()).toContain('1. Letter');
    expect(await page.getByTestId('agreement-details').textContent()).toContain('Aisha Khan, Daniel Price');
    expect(await page.getByTestId('agreement-details').textContent()).toContain('Priya Shah');
    // The draft can be changed until it is signed: the form opens with it filled in.
    await page.getByRole('button', { name: 'Change the draft' }).click();
    const change = page.getByTestId('agreement-form');
    expect(await change.locator('.cb-action-row').count()).toBe(3);
    expect(await change.getByTestId('action-row-2').getByLabel('Kind of action').inputValue()).toBe('reparation');
    expect(await change.getByTestId('action-row-3').getByLabel('Due by').inputValue()).toBe(uk(addDays(ref.today, -3)));
    await change.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('agreement-form').count()).toBe(0);

    await page.getByRole('button', { name: 'Preview to print' }).click();
    const preview = page.getByTestId('agreement-preview');
    await preview.getByRole('heading', { name: /^Preview: / }).waitFor();
    expect(await preview.textContent()).toContain('Daniel repairs the shed door');
    await page.getByTestId('agreement-document').getByRole('button', { name: 'Print', exact: true }).waitFor();
    await look(page, '5a-03-agreement-draft');

    await page.getByRole('button', { name: 'Save the agreement as PDF' }).click();
    await page.getByTestId('agreement-document-status').getByText(/^Saved .*outcome-agreement\.pdf\.$/).waitFor();
    expect(h.saved).toHaveLength(1);
    const pdf = h.saved[0]!;
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Daniel Price');
    expect(text).toMatch(/shed\s+door/);
    // The save is on the case timeline.
    const saved = await invoke<CaseView>(h, 'getCaseView', { id: view.case.id });
    expect(saved.case.timeline.some((e) => e.kind === 'document.generated' && /outcome agreement/i.test(e.text))).toBe(true);
  });

  it('records the signatures, then shows progress with the overdue actions', async () => {
    await page.getByRole('button', { name: 'Record signatures' }).click();
    const form = page.getByTestId('sign-form');
    await form.getByLabel('Date signed').fill(uk(addDays(ref.today, -15)));
    await form.getByRole('button', { name: 'Record signatures' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: `The date signed must be on or after the conference (${formatDate(addDays(ref.today, -14))})` }).waitFor();
    await form.getByLabel('Date signed').fill(uk(addDays(ref.today, -14)));
    await form.getByRole('button', { name: 'Record signatures' }).click();
    await notice(page, 'Signatures recorded: the agreement is now being monitored');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Monitoring');
    const progress = page.getByTestId('agreement-progress');
    expect(await progress.getByTestId('progress-text').textContent()).toBe('0 of 3 actions done, 3 pending, 2 overdue');
    expect(await progress.getByTestId('overdue-count').textContent()).toBe('2 overdue');
    await page.getByTestId('action-1').getByText('Overdue').waitFor();
    await page.getByTestId('action-3').getByText('Overdue').waitFor();
    expect(await page.getByTestId('action-2').getByText('Overdue').count()).toBe(0);
    await look(page, '5a-04-agreement-signed');
  });

  it('records progress on an action with the keyboard alone', async () => {
    await page.getByRole('button', { name: 'Record progress on action 1' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('progress-form');
    expect((await focused(page)).text).toBe('Record progress on action 1: letter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('progress-' + (await invoke<CaseView>(h, 'getCaseView', { id: view.case.id })).case.agreement!.actions[0]!.id + '-status');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await form.getByLabel('Done', { exact: true }).isChecked()).toBe(true);
    // The date it was done is revealed under "Done", filled with today.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(uk(ref.today));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(uk(addDays(ref.today, -8)));
    await page.keyboard.press('Tab');
    await page.keyboard.type('Aisha received the letter on the 8th and told the facilitator it answered her questions.');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Save progress');
    await page.keyboard.press('Enter');
    await notice(page, 'Action 1 marked done');
    const row = page.getByTestId('action-1');
    await row.getByText('Done', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Evidence: Aisha received the letter');
    expect(await row.getByText('Overdue').count()).toBe(0);
  });

  it('marks an action not done, which needs a reason, and adds a monitoring review', async () => {
    await page.getByRole('button', { name: 'Record progress on action 2' }).click();
    let form = page.getByTestId('progress-form');
    await form.getByLabel('Not done', { exact: true }).check();
    await form.getByRole('button', { name: 'Save progress' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'Say why the action was not done' }).waitFor();
    await look(page, '5a-05-progress-errors');
    await form.getByLabel('Why it was not done').fill('Aisha had the door repaired by her landlord before Daniel could do it. Both agreed the action no longer applies.');
    await form.getByRole('button', { name: 'Save progress' }).click();
    await notice(page, 'Action 2 marked not done');
    expect(await page.getByTestId('progress-text').textContent()).toBe('1 of 3 actions done, 1 not done, 1 pending, 1 overdue');
    await page.getByTestId('action-2').getByText('Not done', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Add a monitoring review' }).click();
    form = page.getByTestId('review-form');
    expect(await form.getByTestId('signed-by-you').textContent()).toBe('Reviewed by you (Siân Evans, RJ coordinator).');
    await form.getByLabel('What the review found').fill('Spoke to Aisha and Daniel. The letter was well received; updates on the course are late.');
    await form.getByRole('button', { name: 'Add review' }).click();
    await notice(page, 'Monitoring review added');
    const reviews = page.getByTestId('agreement-reviews');
    expect(await reviews.locator('tbody tr').count()).toBe(1);
    expect(await reviews.textContent()).toContain('Siân Evans');
    await look(page, '5a-06-agreement-monitoring');
  });

  it('closes the case as partly completed once every action is resolved', async () => {
    const workflow = page.getByTestId('workflow');
    await workflow.getByRole('button', { name: 'Close the case', exact: true }).click();
    let form = page.getByTestId('close-form');
    await form.getByLabel('Agreement partly completed').check();
    await form.getByLabel('Summary').fill('The letter was delivered; the repair was no longer needed.');
    await form.getByRole('button', { name: 'Close the case' }).click();
    await form.locator('.govuk-error-summary').getByText('Action 3 is still open: record whether it was done before closing.').waitFor();
    // The blocker names the action and links to where it is cleared.
    await form.locator('.govuk-error-summary').getByRole('button', { name: 'Record progress' }).waitFor();
    await look(page, '5a-07-close-blocked');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Record progress on action 3' }).click();
    const progress = page.getByTestId('progress-form');
    await progress.getByLabel('Done', { exact: true }).check();
    await progress.getByLabel('Evidence notes').fill('Three updates passed on to Aisha; the course finished last week.');
    await progress.getByRole('button', { name: 'Save progress' }).click();
    await notice(page, 'Action 3 marked done');
    expect(await page.getByTestId('progress-text').textContent()).toBe('2 of 3 actions done, 1 not done');
    await page.getByTestId('agreement').getByText('Partly completed', { exact: true }).waitFor();

    await workflow.getByRole('button', { name: 'Close the case', exact: true }).click();
    form = page.getByTestId('close-form');
    // The agreement's state suggests the outcome.
    expect(await form.getByLabel('Agreement partly completed').isChecked()).toBe(true);
    await form.getByLabel('Summary').fill('The letter was delivered and updates passed on; the repair was no longer needed.');
    await form.getByRole('button', { name: 'Close the case' }).click();
    await notice(page, 'Case closed');
    await page.getByRole('heading', { name: 'This case is closed' }).waitFor();
    // Read-only now: the agreement is still shown, with nothing to change.
    expect(await page.getByRole('button', { name: /^Record progress/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a monitoring review' }).count()).toBe(0);
    await look(page, '5a-08-agreement-closed');
  });

  it('enters feedback with equality monitoring on the closed case', async () => {
    await tab(page, 'Feedback');
    expect(await page.getByTestId('feedback-count').textContent()).toBe('Feedback from 0 of 2 people.');
    const section = page.getByTestId(`feedback-${aisha.id}`);
    await look(page, '5a-09-feedback-none');

    await section.getByRole('button', { name: 'Enter feedback from Aisha Khan' }).click();
    const form = page.getByTestId('feedback-form');
    await form.getByRole('button', { name: 'Save feedback' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'Say whether they agreed to answer the equality monitoring questions' }).waitFor();
    await look(page, '5a-10-feedback-errors');

    // Keyboard: from "No answer" (the last choice), the left arrow moves to "Strongly agree".
    const first = form.getByTestId('statement-preparedAndInformed');
    await first.getByLabel('No answer').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await first.getByLabel('Strongly agree').isChecked()).toBe(true);
    expect(await first.getByRole('group').getAttribute('class')).toContain('govuk-fieldset');
    const answers: Record<string, string> = { feltSafe: 'Agree', listenedTo: 'Strongly agree', facilitatorFair: 'Strongly agree', satisfiedWithOutcome: 'Agree' };
    for (const [item, label] of Object.entries(answers)) await form.getByTestId(`statement-${item}`).getByLabel(label, { exact: true }).check();
    await form.getByLabel('Overall score out of 10').selectOption('9');
    await form.getByRole('group', { name: /Would they recommend/ }).getByLabel('Yes').check();
    await form.getByLabel('Comments (optional)').fill('I was nervous, but Priya made sure I felt safe. Getting the letter helped.');
    await form.getByRole('group', { name: 'Did they agree to answer equality monitoring questions?' }).getByLabel('Yes').check();
    await form.getByLabel('Age').selectOption('35 to 44');
    await form.getByLabel('Ethnic group').selectOption('Asian or Asian British');
    await form.getByLabel('Religion or belief').selectOption('Prefer not to say');
    await look(page, '5a-11-feedback-form');
    await form.getByRole('button', { name: 'Save feedback' }).click();
    await notice(page, 'Feedback from Aisha Khan saved');

    const record = section.getByTestId('feedback-record');
    const text = await record.textContent();
    expect(text).toContain('I felt prepared and well informed about what would happen');
    expect(text).toContain('Strongly agree (5 of 5)');
    expect(text).toContain('9 out of 10');
    expect(text).toContain('Agreed to answer (3 of 7 questions answered)');
    expect(await record.getByRole('definition').filter({ hasText: 'No answer' }).count()).toBe(1);
    await section.getByText('Equality monitoring answers').click();
    expect(await section.getByTestId('equality-answers').textContent()).toContain('Asian or Asian British');
    expect(await page.getByTestId('feedback-count').textContent()).toBe('Feedback from 1 of 2 people.');
    await look(page, '5a-12-feedback-recorded');

    const stored = (await invoke<CaseView>(h, 'getCaseView', { id: view.case.id })).case.feedback?.[0];
    expect(stored).toMatchObject({
      participantId: aisha.id,
      answers: { preparedAndInformed: 5, feltSafe: 4, listenedTo: 5, facilitatorFair: 5, satisfiedWithOutcome: 4 },
      overall: 9,
      wouldRecommend: 'yes',
      equalityConsent: true,
      equality: { ageBand: '35 to 44', ethnicity: 'Asian or Asian British', religion: 'Prefer not to say' },
    });
    expect(stored?.answers.harmAcknowledged).toBeUndefined();
  });

  it('does not take feedback from someone who did not agree to be contacted for it', async () => {
    const section = page.getByTestId(`feedback-${daniel.id}`);
    expect(await section.getByTestId('no-feedback-consent').textContent()).toContain('Daniel Price did not agree to be contacted for feedback');
    expect(await section.getByRole('button', { name: /Enter feedback/ }).count()).toBe(0);
    // The main process refuses it too.
    const current = await invoke<CaseView>(h, 'getCaseView', { id: view.case.id });
    const r = await h.registry.invoke('applyCaseCommand', {
      caseId: view.case.id,
      revision: current.case.revision,
      command: { type: 'record-feedback', feedback: { participantId: daniel.id, givenOn: ref.today, answers: {}, equalityConsent: false } },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('did not agree to be contacted for feedback');
    await section.scrollIntoViewIfNeeded();
    await look(page, '5a-13-feedback-refused');
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
