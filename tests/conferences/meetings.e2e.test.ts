import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { ADMIN, addStaff, applyAll, caseWithMeeting, consentCommands, contactCommand, createReferral, expectClash, focusedClass, invoke, look, meetingCard, notice, openCase, reloadHome, riskCommand, scheduleForm, signOffCommand, startWithCasebook, tab, uk } from '../support/e2e/steps';
import type { CaseView, CaseworkReference } from '../../src-main/domain/cases/case-view';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import type { Venue } from '../../src-main/domain/conferences/venue';
import { addDays, formatDate } from '../../src-main/domain/time/dates';
import { clockChangeDays } from '../../src-main/domain/time/london-time';

/**
 * The "Meetings and process" section of a case, end to end in Chromium over the real service:
 * choose the process, book a conference that clashes with a meeting in another case (refused,
 * the clash named), book it at a free time, confirm it and record it held with an agreement;
 * postpone and reschedule a preparation meeting and save it as a calendar file; keep the log
 * of an indirect process. Each state is photographed (5p-…) and checked with axe.
 */

let h: Harness;
let page: Page;
let ref: CaseworkReference;
let venue: Venue;
const staff: Record<'sian' | 'priya' | 'tom', StaffMember> = {} as never;

/**
 * Take a case from referral to "consent recorded" as the casework screens would: team,
 * contacts, risk assessed and signed off, consent from everyone. The decision is per case.
 */
async function readyForProcess(view: CaseView, decision: 'direct' | 'indirect-only'): Promise<CaseView> {
  const people = view.case.participants;
  const by = staff.sian.id;
  return applyAll(h, view, [
    { type: 'assign-team', leadId: by },
    { type: 'advance' },
    { type: 'advance' },
    ...people.filter((p) => p.role !== 'supporter').map((p) => contactCommand(p.id, ref.today, by)),
    { type: 'advance' },
    // Assessed by Tom, a colleague, so that Siân's sign-off is not of her own assessment.
    ...people.map((p) => riskCommand(ref, p, { on: ref.today, by: staff.tom.id, decision, reviewOn: addDays(ref.today, 28) })),
    ...people.map((p) => signOffCommand(p.id, by)),
    { type: 'advance' },
    { type: 'advance' },
    ...people.flatMap((p) => consentCommands(ref, p, { on: ref.today, by })),
  ]);
}

describe('meetings and process on the case page', () => {
  let direct: CaseView;

  beforeAll(async () => {
    h = await startWithCasebook();
    page = h.page;
    staff.sian = await addStaff(h, ADMIN, 'coordinator', 'advanced');
    staff.priya = await addStaff(h, 'Priya Shah', 'facilitator', 'intermediate');
    staff.tom = await addStaff(h, 'Tom Okafor', 'facilitator', 'advanced');
    const venues = await invoke<Venue[]>(h, 'saveVenue', {
      name: 'Northshire Community Centre, Room 2',
      address: '14 Mill Lane, Northshire NS1 4QT',
      accessibilityNotes: 'Hearing loop in Room 2; quiet room for breaks on the ground floor.',
      separateWaitingAreas: true,
      stepFreeAccess: true,
      active: true,
    });
    venue = venues[0]!;
    await invoke<Venue[]>(h, 'saveVenue', { name: 'Old Library (closed)', address: '1 High Street', active: false });
    ref = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});

    direct = await createReferral(h, ref.today, {
      participants: [
        { role: 'harmed', person: { givenName: 'Aisha', familyName: 'Khan' } },
        { role: 'responsible', person: { givenName: 'Łukasz', familyName: 'Nowak' } },
        { role: 'supporter', person: { givenName: 'Bronwen', familyName: 'Khan' } },
      ],
    });
    direct = await readyForProcess(direct, 'direct');
    expect(direct.case.stage).toBe('consent');

    // Another case already has Siân and Room 2 from 10:00 to 12:00 today.
    await caseWithMeeting(h, ref.today, { date: ref.today, venueId: venue.id, leadFacilitatorId: staff.sian.id });
    // The page read the reference data (without staff or venues) when it unlocked; start afresh.
    await reloadHome(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the new section and chooses a direct, face-to-face process', async () => {
    await openCase(page, direct.case.reference);
    const sections = await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button').allTextContents();
    expect(sections).toContain('Meetings');
    expect(sections).toContain('Agreement');
    expect(sections).toContain('Feedback');
    await tab(page, 'Meetings and process');
    expect(await page.getByTestId('process-kind').textContent()).toContain('Not chosen yet');
    await page.getByTestId('meetings-schedule').getByText('No meetings are booked yet.').waitFor();
    await look(page, '5p-01-process-empty');

    await page.getByRole('button', { name: 'Choose the process' }).click();
    const form = page.getByTestId('process-choice-form');
    await form.getByLabel('Direct process', { exact: true }).check();
    await form.getByRole('button', { name: 'Save the process' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'Choose how the direct process will be carried out' }).waitFor();
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    await form.getByLabel('Face-to-face conference').check();
    await look(page, '5p-02-process-choice');
    await form.getByRole('button', { name: 'Save the process' }).click();
    await notice(page, 'Process chosen: face-to-face conference');
    expect(await page.getByTestId('process-form').textContent()).toContain('Face-to-face conference');

    await page.getByTestId('workflow').getByLabel('Direct (face to face or video)').check();
    await page.getByTestId('workflow').getByRole('button', { name: 'Start the restorative process', exact: true }).click();
    await notice(page, 'Moved to process');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Direct process');
    // Starting the process kept the form chosen above.
    expect(await page.getByTestId('process-form').textContent()).toContain('Face-to-face conference');
  });

  it('checks the schedule form, by keyboard, before anything is sent', async () => {
    const open = page.getByRole('button', { name: 'Schedule a meeting' });
    await open.focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('schedule-form');
    expect(await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent])).toEqual(['H3', 'Schedule a meeting']);
    // Tab moves from the heading into the first question.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Preparation meeting');
    await form.getByRole('button', { name: 'Schedule the meeting' }).press('Enter');
    const summary = form.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Choose the kind of meeting' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the start time' }).waitFor();
    await summary.getByRole('link', { name: 'Choose how long the meeting lasts' }).waitFor();
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('schedule-kind');

    // On the night the clocks go forward, 01:30 does not exist and a meeting over 01:00 ends an hour later by the clock.
    const spring = clockChangeDays(Number(ref.today.slice(0, 4)) + 1).forward;
    await form.getByLabel('Conference', { exact: true }).check();
    await form.getByLabel('Date', { exact: true }).fill(uk(spring));
    await form.getByLabel('Start time').fill('0030');
    await form.getByLabel('Length', { exact: true }).selectOption({ label: '2 hours' });
    expect(await form.getByTestId('meeting-ends').textContent()).toContain('Ends at 03:30. The clocks change during the meeting');
    await form.getByLabel('Start time').fill('1:30');
    await form.getByLabel('In person').check();
    await form.getByRole('button', { name: 'Schedule the meeting' }).click();
    await summary.getByRole('link', { name: /01:30 does not exist that day in the UK/ }).waitFor();
    await summary.getByRole('link', { name: 'Choose a venue for a meeting in person' }).waitFor();
    await summary.getByRole('link', { name: 'Choose at least one participant for the meeting' }).waitFor();
    await look(page, '5p-03-schedule-errors');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('schedule-form').count()).toBe(0);
  });

  it('refuses a conference that double-books the facilitator and the room, then books it at a free time', async () => {
    // Bronwen, the supporter, has since withdrawn her consent; a colleague recorded it.
    const bronwen = direct.case.participants.find((p) => p.role === 'supporter')!;
    direct = await invoke<CaseView>(h, 'getCaseView', { id: direct.case.id });
    direct = await applyAll(h, direct, [{ type: 'withdraw-consent', participantId: bronwen.id, on: ref.today, onBehalfOf: staff.sian.id, reason: 'She would rather not be in the room.' }]);
    await openCase(page, direct.case.reference);
    await tab(page, 'Meetings and process');

    const form = await scheduleForm(page, { kind: 'Conference', format: 'In person', date: ref.today, start: '11:00', length: '2 hours' });
    expect(await form.getByTestId('meeting-ends').textContent()).toBe('Ends at 13:00.');
    // The closed venue is not offered; the open one shows what matters about the room.
    expect(await form.getByLabel('Venue', { exact: true }).locator('option').allTextContents()).toEqual(['Choose a venue', venue.name]);
    await form.getByLabel('Venue', { exact: true }).selectOption({ label: venue.name });
    const details = await form.getByTestId('venue-details').textContent();
    expect(details).toContain('Separate waiting areas');
    expect(details).toContain('Hearing loop in Room 2');
    expect(await form.getByLabel('Lead facilitator').inputValue()).toBe(staff.sian.id);
    await form.getByLabel('Co-facilitator (optional)').selectOption(staff.tom.id);
    await form.getByLabel('Aisha Khan (person harmed)').check();
    await form.getByLabel('Łukasz Nowak (person responsible)').check();
    await form.getByLabel('Bronwen Khan (supporter)').check();
    await form.getByLabel('Notes (optional)').fill('Aisha arrives at 10:45 and waits in the quiet room; Łukasz arrives at 11:00.');
    await form.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expectClash(page, form, { date: ref.today, facilitator: 'Siân Evans', venue: venue.name });
    await look(page, '5p-04-schedule-clash');

    // A free time, confirmed at once: refused, because Bronwen has withdrawn her consent.
    const summary = form.locator('.govuk-error-summary');
    await form.getByLabel('Start time').fill('14:00');
    await form.getByLabel('Confirm the conference now').check();
    await form.getByRole('button', { name: 'Schedule the meeting' }).click();
    await summary.getByText('Bronwen Khan has not yet given consent to take part in the conference.').waitFor();
    expect(await summary.textContent()).not.toContain('already booked');
    await look(page, '5p-05-confirm-refused');

    // Without Bronwen, booked as proposed, to confirm once the details are agreed.
    await form.getByLabel('Bronwen Khan (supporter)').uncheck();
    await form.getByLabel('Confirm the conference now').uncheck();
    await form.getByRole('button', { name: 'Schedule the meeting' }).click();
    await notice(page, `Conference on ${formatDate(ref.today)}, 14:00–16:00: scheduled`);
    const conference = meetingCard(page, 'Conference on');
    expect(await conference.locator('.govuk-tag').textContent()).toBe('Proposed');
    const text = (await conference.textContent()) ?? '';
    expect(text).toContain('Siân Evans (lead), Tom Okafor (co-facilitator)');
    expect(text).toContain('Aisha Khan, Łukasz Nowak');
    expect(text).toContain(venue.name);
    await look(page, '5p-06-conference-proposed');
  });

  it('confirms the conference after checking consent and risk for everyone invited', async () => {
    const conference = meetingCard(page, 'Conference on');
    await conference.getByRole('button', { name: /^Confirm \(Conference on/ }).click();
    const form = page.getByTestId('meeting-status-form');
    const readiness = form.getByTestId('readiness');
    expect(await readiness.getByRole('row').count()).toBe(3);
    expect(await readiness.textContent()).toContain('Consent complete');
    expect(await readiness.textContent()).toContain('Signed off');
    await look(page, '5p-07-confirm');
    await form.getByRole('button', { name: 'Confirm the conference' }).click();
    await notice(page, `Conference on ${formatDate(ref.today)}, 14:00–16:00: confirmed`);
    expect(await conference.locator('.govuk-tag').textContent()).toBe('Confirmed');
  });

  it('records the conference as held with an agreement reached', async () => {
    const conference = meetingCard(page, 'Conference on');
    await conference.getByRole('button', { name: /^Record the conference \(Conference on/ }).click();
    const form = page.getByTestId('conference-record-form');
    expect(await form.getByLabel('Date held').inputValue()).toBe(uk(ref.today));
    expect(await form.getByRole('group', { name: 'Who attended', exact: true }).getByRole('checkbox', { checked: true }).count()).toBe(2);
    const rules = form.getByRole('group', { name: 'Ground rules agreed at the start' }).getByRole('checkbox');
    expect(await rules.count()).toBe(ref.conferences.groundRules.groundRules.length);
    expect(await form.getByRole('group', { name: 'Ground rules agreed at the start' }).getByRole('checkbox', { checked: true }).count()).toBe(ref.conferences.groundRules.groundRules.length);
    await form.getByRole('button', { name: 'Save the conference record' }).click();
    const summary = form.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Choose the result of the conference' }).waitFor();
    await summary.getByRole('link', { name: 'Enter a summary of the conference' }).waitFor();

    // "Add another" puts the new box in focus; Remove takes focus back to "Add another".
    await form.getByRole('button', { name: 'Add another ground rule' }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Added ground rule 1');
    await page.keyboard.type('Aisha may leave the room at any time with her support worker.');
    await form.getByRole('button', { name: 'Add another ground rule' }).click();
    await form.getByRole('button', { name: 'Remove added ground rule 2' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add another ground rule');
    await form.getByLabel('Others present (optional)').fill('Police officer (observer)');
    await form.getByLabel('Summary', { exact: true }).fill('Aisha described the effect of the burglary. Łukasz explained and apologised. They agreed a written apology and six hours of work for the community garden.');
    await form.getByLabel('Agreement reached').check();
    await look(page, '5p-08-record-form');
    await form.getByRole('button', { name: 'Save the conference record' }).click();
    await notice(page, 'Conference recorded: agreement reached');
    expect(await conference.locator('.govuk-tag').textContent()).toBe('Held');
    expect(await conference.getByRole('button', { name: /^Record the conference/ }).count()).toBe(0);
    const record = page.getByTestId('conference-records');
    expect(await record.textContent()).toContain('Agreement reached');
    expect(await record.textContent()).toContain('Aisha may leave the room at any time with her support worker.');
    expect(await record.textContent()).toContain('Police officer (observer)');
    expect(await page.getByTestId('case-tags').textContent()).toContain('Stage: Outcome agreement');
    await look(page, '5p-09-conference-held');
  });

  it('postpones a preparation meeting, reschedules it and saves it to a calendar file', async () => {
    const first = addDays(ref.today, 7);
    const second = addDays(ref.today, 14);
    await page.getByRole('button', { name: 'Schedule a meeting' }).click();
    let form = page.getByTestId('schedule-form');
    await form.getByLabel('Preparation meeting').check();
    await form.getByLabel('Video call').check();
    await form.getByLabel('Date', { exact: true }).fill(uk(first));
    await form.getByLabel('Start time').fill('9:30');
    await form.getByLabel('Length', { exact: true }).selectOption('other');
    await form.getByLabel('Length in minutes').fill('45');
    expect(await form.getByTestId('meeting-ends').textContent()).toBe('Ends at 10:15.');
    await form.getByLabel('Lead facilitator').selectOption(staff.priya.id);
    await form.getByLabel('Co-facilitator (optional)').selectOption('');
    await form.getByLabel('Łukasz Nowak (person responsible)').check();
    await form.getByLabel("Interpreter's name").fill('Marta Zielińska');
    await form.getByLabel('Language', { exact: true }).fill('Polish');
    await form.getByRole('button', { name: 'Schedule the meeting' }).click();
    const title = `Preparation meeting on ${formatDate(first)}, 09:30–10:15`;
    await notice(page, `${title}: scheduled`);
    let prep = meetingCard(page, `Preparation meeting on ${formatDate(first)}`);
    expect(await prep.textContent()).toContain('Marta Zielińska, Polish');
    expect(await prep.textContent()).toContain('45 minutes');

    await prep.getByRole('button', { name: /^Postpone \(Preparation meeting/ }).click();
    form = page.getByTestId('meeting-status-form');
    await form.getByRole('button', { name: 'Postpone the meeting' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'Say why the meeting is postponed' }).waitFor();
    await form.getByLabel('Reason').fill('Łukasz has a hospital appointment that week.');
    await form.getByRole('button', { name: 'Postpone the meeting' }).click();
    await notice(page, `${title}: postponed`);
    expect(await prep.locator('.govuk-tag').textContent()).toBe('Postponed');
    expect(await prep.textContent()).toContain('Łukasz has a hospital appointment that week.');
    await look(page, '5p-10-postponed');

    await prep.getByRole('button', { name: /^Reschedule \(Preparation meeting/ }).click();
    form = page.getByTestId('meeting-edit-form');
    expect(await form.getByLabel('Length in minutes').inputValue()).toBe('45');
    await form.getByLabel('Date', { exact: true }).fill(uk(second));
    await look(page, '5p-11-reschedule');
    await form.getByRole('button', { name: 'Reschedule the meeting' }).click();
    await notice(page, `Preparation meeting on ${formatDate(second)}, 09:30–10:15: rescheduled`);
    prep = meetingCard(page, `Preparation meeting on ${formatDate(second)}`);
    expect(await prep.locator('.govuk-tag').textContent()).toBe('Proposed');

    const before = h.saved.length;
    await prep.getByRole('button', { name: /^Add to calendar \(\.ics\)/ }).click();
    await prep.getByTestId('calendar-status').getByText(/^Saved .+\.ics\./).waitFor();
    const file = h.saved[before]!;
    const ics = readFileSync(file.file, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`${second.replaceAll('-', '')}T`);
    // Names stay out of the file; the case is named by its reference.
    expect(ics).not.toContain('Łukasz');
    await look(page, '5p-12-calendar-saved');
  });

  it('keeps the log of an indirect process: a letter passed on', async () => {
    let indirect = await createReferral(h, ref.today, {
      participants: [
        { role: 'harmed', person: { givenName: 'Niamh', familyName: 'Byrne' } },
        { role: 'responsible', person: { givenName: 'Callum', familyName: 'Reid' } },
      ],
    });
    indirect = await readyForProcess(indirect, 'indirect-only');
    indirect = await applyAll(h, indirect, [{ type: 'advance', processKind: 'indirect', processForm: 'letter-exchange' }]);
    await openCase(page, indirect.case.reference);
    await tab(page, 'Meetings and process');
    expect(await page.getByTestId('process-form').textContent()).toContain('Letter exchange');
    const log = page.getByTestId('indirect-log');
    await log.getByText('Nothing logged yet.').waitFor();

    await log.getByRole('button', { name: 'Add to the log' }).click();
    const form = page.getByTestId('indirect-form');
    await form.getByRole('button', { name: 'Save to the log' }).click();
    const summary = form.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Choose what was passed on' }).waitFor();
    await summary.getByRole('link', { name: 'Choose who it came from' }).waitFor();
    await look(page, '5p-13-indirect-errors');
    // A no-send letter goes to nobody, so "To" is not asked.
    await form.getByLabel('No-send letter (written, not sent)').check();
    expect(await form.getByLabel('To', { exact: true }).count()).toBe(0);
    await form.getByLabel('Letter', { exact: true }).check();
    await form.getByLabel('From', { exact: true }).selectOption({ label: 'Callum Reid (person responsible)' });
    await form.getByLabel('To', { exact: true }).selectOption({ label: 'Niamh Byrne (person harmed)' });
    await form.getByLabel('Summary', { exact: true }).fill('Letter of apology, read with Callum before it was passed on. Niamh asked for a few days before replying.');
    await form.getByRole('button', { name: 'Save to the log' }).click();
    await notice(page, 'Letter from Callum Reid logged');
    const row = log.locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Niamh Byrne');
    expect(await row.textContent()).toContain('Siân Evans');
    await look(page, '5p-14-indirect-log');

    // A phone call with Niamh earlier today, booked and then marked held.
    await page.getByRole('button', { name: 'Schedule a meeting' }).click();
    const schedule = page.getByTestId('schedule-form');
    await schedule.getByLabel('Preparation meeting').check();
    await schedule.getByLabel('Phone').check();
    await schedule.getByLabel('Date', { exact: true }).fill(uk(ref.today));
    await schedule.getByLabel('Start time').fill('08:00');
    await schedule.getByLabel('Length', { exact: true }).selectOption('30');
    await schedule.getByLabel('Niamh Byrne (person harmed)').check();
    await schedule.getByRole('button', { name: 'Schedule the meeting' }).click();
    await notice(page, `Preparation meeting on ${formatDate(ref.today)}, 08:00–08:30: scheduled`);
    const call = meetingCard(page, 'Preparation meeting on');
    await call.getByRole('button', { name: /^Mark as held/ }).click();
    await page.getByTestId('meeting-status-form').getByRole('button', { name: 'Mark as held' }).click();
    await notice(page, `Preparation meeting on ${formatDate(ref.today)}, 08:00–08:30: held`);
    expect(await call.locator('.govuk-tag').textContent()).toBe('Held');
    expect(await call.getByRole('button', { name: /^(Change|Postpone|Cancel meeting)/ }).count()).toBe(0);
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
