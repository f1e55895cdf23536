import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { ADMIN, addStaff, applyAll, consentCommands, contactCommand, createReferral, h1, invoke, look, nav, reloadHome, riskCommand, signOffCommand, startWithCasebook, settingsPage } from '../support/e2e/steps';
import type { CaseView, CaseworkReference } from '../../src-main/domain/cases/case-view';
import type { WorkflowCommand } from '../../src-main/domain/cases/workflow';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import type { Venue } from '../../src-main/domain/conferences/venue';
import type { MeetingInput } from '../../src-main/domain/cases/process-commands';
import { addDays, formatDate } from '../../src-main/domain/time/dates';

/**
 * The restorative process across cases, end to end in Chromium over the real service: the
 * calendar in week and month views (meetings on the two clock-change days of 2026 at the
 * right local times), the facilitator and status filters, the keyboard, the .ics export in
 * UTC, venues in Settings, the figures page with its CSV, and agreement actions overdue on
 * the dashboard. Data is set up through the handler registry; every screen is photographed
 * (5c-…) and checked with axe.
 */

let h: Harness;
let page: Page;
let ref: CaseworkReference;
let venue: Venue;
const staff = {} as Record<'sian' | 'priya' | 'tom', StaffMember>;
/** A: in the process, meets on both clock-change days, agreement overdue. B: meetings today. C: a later referral. */
const cases = {} as Record<'a' | 'b' | 'c', CaseView>;

async function referral(receivedOn: string, source: string, harmed: [string, string], responsible: [string, string]): Promise<CaseView> {
  return createReferral(h, ref.today, {
    source,
    receivedOn,
    offenceDate: addDays(receivedOn, -10),
    participants: [
      { role: 'harmed', person: { givenName: harmed[0], familyName: harmed[1] } },
      { role: 'responsible', person: { givenName: responsible[0], familyName: responsible[1] } },
    ],
  });
}

/** Screening, team, contact, assessment, consent and into a direct process, as colleagues would record them. */
async function intoProcess(view: CaseView, lead: StaffMember, approver: StaffMember): Promise<CaseView> {
  const people = view.case.participants;
  const on = addDays(view.case.referral.receivedOn, 3);
  return applyAll(h, view, [
    { type: 'advance' },
    { type: 'assign-team', leadId: lead.id },
    { type: 'advance' },
    ...people.map((p) => contactCommand(p.id, on, lead.id)),
    { type: 'advance' },
    ...people.map((p) => riskCommand(ref, p, { on, by: lead.id, decision: 'direct', reviewOn: addDays(ref.today, 60) })),
    { type: 'advance' },
    ...people.flatMap((p) => consentCommands(ref, p, { on, by: lead.id })),
    ...people.map((p) => signOffCommand(p.id, approver.id)),
    { type: 'advance' },
    { type: 'advance', processKind: 'direct' },
  ]);
}

function meeting(view: CaseView, m: Pick<MeetingInput, 'id' | 'kind' | 'date' | 'start' | 'durationMinutes' | 'leadFacilitatorId'> & Partial<MeetingInput>): WorkflowCommand {
  const people = view.case.participants.map((p) => p.id);
  return { type: 'schedule-meeting', meeting: { format: 'in-person', venueId: venue.id, participantIds: people, supporterIds: [], ...m } } as WorkflowCommand;
}

const grid = (p: Page) => p.getByTestId('calendar-grid');
const caption = (p: Page, text: string) => grid(p).locator('caption', { hasText: text }).waitFor();
const countText = (p: Page) => p.getByTestId('calendar-count');

async function goTo(p: Page, ukDate: string): Promise<void> {
  await p.getByRole('textbox', { name: 'Go to a date' }).fill(ukDate);
  await p.getByRole('button', { name: 'Go', exact: true }).click();
}

async function loaded(p: Page): Promise<void> {
  await countText(p).getByText(/meetings? shown/).waitFor();
}

describe('calendar, figures, venues and overdue agreement actions', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    page = h.page;

    staff.sian = await addStaff(h, ADMIN, 'coordinator', 'advanced');
    staff.priya = await addStaff(h, 'Priya Shah', 'facilitator', 'intermediate');
    staff.tom = await addStaff(h, 'Tom Okafor', 'facilitator', 'advanced');
    const venues = await invoke<Venue[]>(h, 'saveVenue', { name: 'Northshire Community Centre, Room 1', address: '12 High Street\nNorthshire NS1 2AB', stepFreeAccess: true, separateWaitingAreas: true, active: true });
    venue = venues[0]!;
    ref = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});

    cases.a = await intoProcess(await referral('2026-03-02', 'police', ['Aisha', 'Khan'], ['Łukasz', 'Nowak']), staff.tom, staff.sian);
    expect(cases.a.case.stage).toBe('process');
    cases.b = await referral('2026-03-09', 'police', ['Grace', 'Adeyemi'], ['Callum', 'Reid']);
    cases.c = await referral('2026-04-15', 'probation', ['Zoë', 'Martin'], ['Şükrü', 'Yılmaz']);

    // 29 March 2026: the clocks go forward at 1am, so 09:00 is 08:00 UTC.
    // 25 October 2026: they go back at 2am, so a two-hour meeting from 00:30 ends at 01:30 by the clock.
    cases.a = await applyAll(h, cases.a, [
      meeting(cases.a, { id: 'm_springconf01', kind: 'conference', date: '2026-03-29', start: '09:00', durationMinutes: 120, leadFacilitatorId: staff.tom.id, coFacilitatorId: staff.sian.id }),
      meeting(cases.a, { id: 'm_autumnprep01', kind: 'preparation', format: 'video', venueId: undefined, date: '2026-10-25', start: '00:30', durationMinutes: 120, leadFacilitatorId: staff.priya.id }),
    ]);
    // Today: one meeting led by Priya, one led by Tom that is then cancelled.
    cases.b = await applyAll(h, cases.b, [
      meeting(cases.b, { id: 'm_todayprep001', kind: 'preparation', format: 'video', venueId: undefined, date: ref.today, start: '10:00', durationMinutes: 60, leadFacilitatorId: staff.priya.id }),
      meeting(cases.b, { id: 'm_todaycancel1', kind: 'preparation', date: ref.today, start: '15:00', durationMinutes: 90, leadFacilitatorId: staff.tom.id }),
      { type: 'set-meeting-status', meetingId: 'm_todaycancel1', to: 'cancelled', reason: 'The room was flooded.' },
    ]);
    // An agreement signed three weeks ago whose apology letter was due five days ago.
    const [aisha, lukasz] = cases.a.case.participants;
    cases.a = await applyAll(h, cases.a, [
      {
        type: 'record-agreement',
        agreement: {
          meetingId: 'm_springconf01',
          actions: [
            { id: 'a_overdue0001', kind: 'letter', description: 'Write a letter of apology to Aisha.', byParticipantId: lukasz!.id, dueOn: addDays(ref.today, -5), completionShownBy: 'A copy of the letter', status: 'pending' },
          ],
          signatoryIds: [aisha!.id, lukasz!.id],
          signedOn: addDays(ref.today, -20),
        },
        // Tom countersigned; the administrator records it for him.
        onBehalfOf: staff.tom.id,
      } as WorkflowCommand,
    ]);
    // The page read the reference data (without staff and venues) when it unlocked; start afresh.
    await reloadHome(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows this week with today marked, and moves by week', async () => {
    await nav(page, 'Calendar', 'Calendar');
    await loaded(page);
    const today = grid(page).locator(`td[data-date="${ref.today}"]`);
    expect(await today.getAttribute('aria-current')).toBe('date');
    await today.getByRole('button', { name: `10:00–11:00 ${cases.b.case.reference} Preparation meeting` }).waitFor();
    const cancelled = today.getByTestId('meeting-m_todaycancel1');
    expect(await cancelled.textContent()).toContain('Cancelled');
    expect(await countText(page).textContent()).toBe('2 meetings shown.');
    await look(page, '5c-01-calendar-this-week');

    await page.getByRole('button', { name: 'Next week' }).click();
    await grid(page).locator(`td[data-date="${addDays(ref.today, 7)}"]`).waitFor();
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await today.getByTestId('meeting-m_todayprep001').waitFor();
  });

  it('shows the spring clock-change conference at 09:00–11:00 on Sunday 29 March', async () => {
    await goTo(page, '29/03/2026');
    await caption(page, '23 to 29 March 2026');
    await loaded(page);
    const sunday = grid(page).getByRole('row', { name: /Sunday 29 March/ });
    await sunday.getByRole('button', { name: `09:00–11:00 ${cases.a.case.reference} Conference` }).waitFor();
    expect(await sunday.textContent()).toContain('Clocks go forward 1 hour at 1am');
    expect(await sunday.textContent()).toContain('Northshire Community Centre, Room 1');
    expect(await sunday.textContent()).toContain('Facilitated by Tom Okafor and Siân Evans');
    await look(page, '5c-02-calendar-week-clocks-forward');
  });

  it('shows the autumn clock-change meeting ending at 01:30 in the month view', async () => {
    await page.getByRole('radio', { name: 'Month' }).check();
    await goTo(page, '25/10/2026');
    await caption(page, 'October 2026');
    await loaded(page);
    const day = grid(page).locator('td[data-date="2026-10-25"]');
    await day.getByRole('button', { name: `00:30–01:30 ${cases.a.case.reference} Preparation meeting` }).waitFor();
    expect(await day.textContent()).toContain('Clocks go back 1 hour at 2am');
    expect(await day.textContent()).toContain('Video call');
    // Days from the months either side fill the first and last weeks, and say their month.
    expect(await grid(page).locator('td[data-date="2026-09-28"]').textContent()).toContain('28 Sep');
    await look(page, '5c-03-calendar-month-clocks-back');
  });

  it('moves between days with the arrow keys and between months with Page Down', async () => {
    const first = grid(page).locator('td[tabindex="0"]');
    expect(await first.getAttribute('data-date')).toBe('2026-10-01');
    await first.focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-date'));
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('2026-10-02');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('2026-10-09');
    await page.keyboard.press('End');
    expect(await focused()).toBe('2026-10-11');
    await page.keyboard.press('PageDown');
    await caption(page, 'November 2026');
    expect(await focused()).toBe('2026-11-11');
    // Only one day is in the tab order at a time.
    expect(await grid(page).locator('td[tabindex="0"]').count()).toBe(1);
    // Tab goes on to a day's meetings.
    await page.getByRole('radio', { name: 'Week' }).check();
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await loaded(page);
    await grid(page).locator(`td[data-date="${ref.today}"]`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`10:00–11:00 ${cases.b.case.reference} Preparation meeting`);
  });

  it('narrows to one facilitator and leaves out cancelled meetings', async () => {
    await page.getByLabel('Facilitator').selectOption({ label: 'Priya Shah' });
    await countText(page).getByText('1 meeting shown for Priya Shah.').waitFor();
    expect(await grid(page).getByTestId('meeting-m_todaycancel1').count()).toBe(0);
    await look(page, '5c-04-calendar-facilitator');

    await page.getByLabel('Facilitator').selectOption({ label: 'Tom Okafor' });
    await countText(page).getByText('1 meeting shown for Tom Okafor.').waitFor();
    await page.getByLabel('Hide postponed and cancelled meetings').check();
    await countText(page).getByText('No meetings shown for Tom Okafor, leaving out postponed and cancelled meetings.').waitFor();
    await page.getByText('To see more, choose “Everyone”').waitFor();
    await look(page, '5c-05-calendar-empty');

    await page.getByLabel('Facilitator').selectOption({ label: 'Everyone' });
    await countText(page).getByText('1 meeting shown, leaving out postponed and cancelled meetings.').waitFor();
    await page.getByLabel('Hide postponed and cancelled meetings').uncheck();
    await countText(page).getByText('2 meetings shown.').waitFor();
  });

  it('exports the week shown as .ics with times in UTC and no names unless asked', async () => {
    await goTo(page, '29/03/2026');
    await caption(page, '23 to 29 March 2026');
    await loaded(page);
    const exporter = page.getByTestId('calendar-export');
    await exporter.getByRole('button', { name: 'Export to calendar (.ics)' }).click();
    await exporter.getByTestId('calendar-export-status').getByText('Saved rj-meetings-2026-03-23-to-2026-03-29.ics with 1 meeting.').waitFor();
    const spring = readFileSync(h.saved.at(-1)!.file, 'utf8');
    expect(spring).toContain('DTSTART:20260329T080000Z');
    expect(spring).toContain('DTEND:20260329T100000Z');
    expect(spring).toContain(`SUMMARY:RJ conference ${cases.a.case.reference}`);
    expect(spring).not.toMatch(/Aisha|Łukasz|Khan|Nowak/);

    await exporter.getByLabel('Include first names').check();
    await exporter.locator('.govuk-warning-text').getByText('Calendars are often synced to phones').waitFor();
    await look(page, '5c-06-calendar-export-names-warning');
    await exporter.getByRole('button', { name: 'Export to calendar (.ics)' }).click();
    await exporter.getByTestId('calendar-export-status').waitFor();
    const named = readFileSync(h.saved.at(-1)!.file, 'utf8');
    expect(named).toContain(`SUMMARY:RJ conference ${cases.a.case.reference} (Aisha\\, Łukasz)`);
    expect(named).not.toMatch(/Khan|Nowak/);
    await exporter.getByLabel('Include first names').uncheck();

    await goTo(page, '25/10/2026');
    await caption(page, '19 to 25 October 2026');
    await loaded(page);
    await exporter.getByRole('button', { name: 'Export to calendar (.ics)' }).click();
    await exporter.getByTestId('calendar-export-status').getByText('Saved rj-meetings-2026-10-19-to-2026-10-25.ics with 1 meeting.').waitFor();
    const autumn = readFileSync(h.saved.at(-1)!.file, 'utf8');
    // 00:30 BST on the 25th is 23:30 UTC on the 24th; two hours later is 01:30 GMT.
    expect(autumn).toContain('DTSTART:20261024T233000Z');
    expect(autumn).toContain('DTEND:20261025T013000Z');
  });

  it('opens the case from a meeting, and comes back to the same week', async () => {
    await grid(page).getByRole('button', { name: `00:30–01:30 ${cases.a.case.reference} Preparation meeting` }).click();
    await h1(page, `Case ${cases.a.case.reference}`);
    await nav(page, 'Calendar', 'Calendar');
    await caption(page, '19 to 25 October 2026');
  });

  it('adds and changes venues in Settings', async () => {
    await settingsPage(page, 'Venues');
    const section = page.getByTestId('venues');
    await section.getByRole('cell', { name: 'Northshire Community Centre, Room 1', exact: true }).waitFor();
    await section.getByRole('button', { name: 'Add a venue' }).click();
    const form = section.getByTestId('venue-form');
    await form.getByRole('button', { name: 'Add venue' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'Enter venue name' }).waitFor();
    await look(page, '5c-07-venue-errors');

    await form.getByLabel('Name').fill('Northshire Community Centre, Room 1');
    await form.getByRole('button', { name: 'Add venue' }).click();
    await form.locator('.govuk-error-summary').getByRole('link', { name: 'There is already a venue with that name' }).waitFor();

    await form.getByLabel('Name').fill('Riverside Library, Meeting Room 2');
    await form.getByLabel('Address').fill('3 Mill Lane\nRiverside RS4 7QT');
    await form.getByRole('group', { name: 'Step-free access' }).getByLabel('Yes', { exact: true }).check();
    await form.getByRole('group', { name: 'Separate waiting areas' }).getByLabel('No', { exact: true }).check();
    await form.getByLabel('Accessibility notes (optional)').fill('Hearing loop at reception. Free parking behind the library.');
    await form.getByRole('button', { name: 'Add venue' }).click();
    await section.getByText('Riverside Library, Meeting Room 2 added to the venues').waitFor();
    const row = section.getByRole('row', { name: /Riverside Library/ });
    expect(await row.textContent()).toContain('Step-free access: yes');
    expect(await row.textContent()).toContain('Separate waiting areas: no');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-venue');

    await row.getByRole('button', { name: 'Change Riverside Library, Meeting Room 2' }).click();
    await form.getByLabel('In use').uncheck();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await section.getByText('Riverside Library, Meeting Room 2 saved').waitFor();
    expect(await row.textContent()).toContain('No longer used');
    await look(page, '5c-08-venues');
    const stored = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});
    expect(stored.venues.map((v) => [v.name, v.active])).toEqual([
      ['Northshire Community Centre, Room 1', true],
      ['Riverside Library, Meeting Room 2', false],
    ]);
  });

  it('shows the figures for a period, explains them, and saves them as CSV', async () => {
    await nav(page, 'Figures', 'Figures');
    await page.getByTestId('figures').waitFor();
    await page.getByLabel('From', { exact: true }).fill('01/03/2026');
    await page.getByLabel('To', { exact: true }).fill('31/03/2026');
    await page.getByRole('button', { name: 'Show figures' }).click();
    const figures = page.getByTestId('figures');
    await figures.getByRole('heading', { level: 2, name: '1 to 31 March 2026' }).waitFor();
    expect(await page.getByTestId('figure-referrals').textContent()).toBe('Referrals received2');
    const sources = page.getByTestId('chart-sources');
    expect(await sources.getByRole('row', { name: /Police/ }).locator('td').allTextContents()).toEqual(['2', '100%']);
    // The chart is drawn (hidden from screen readers, which have the table), its share scaled to 100%.
    const drawing = sources.locator('svg.cb-chart__svg');
    expect(await drawing.getAttribute('aria-hidden')).toBe('true');
    expect(await drawing.locator('text').allTextContents()).toEqual(['Police', '2 (100%)']);
    const [track, bar] = await drawing.locator('rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
    expect(bar).toBe(track);
    // Nothing to count is said in words, never "None".
    expect(await page.getByTestId('figure-overall').textContent()).toBe('Overall scoreNo data in this periodNo scores given in this period');
    // A and B were open in March; A is now in monitoring, B at referral.
    const stages = page.getByTestId('chart-stages');
    expect(await stages.getByRole('row', { name: /Monitoring/ }).locator('td').first().textContent()).toBe('1');
    expect(await stages.getByRole('row', { name: /Referral received/ }).locator('td').first().textContent()).toBe('1');
    await page.getByText('How each figure is counted').click();
    await page.getByTestId('how-counted').getByText('Referrals received in the period, counted on the day each was received.').waitFor();
    await look(page, '5c-09-figures-march');

    await page.getByRole('button', { name: 'Last 12 months' }).click();
    await figures.getByRole('heading', { level: 2, name: new RegExp(`to ${formatDate(ref.today)}$`) }).waitFor();
    expect(await page.getByTestId('figure-agreements-reached').textContent()).toBe('Agreements reached1');

    await figures.getByRole('button', { name: 'Download CSV' }).click();
    await figures.getByTestId('figures-csv-status').getByText(/^Saved rj-figures-.*\.csv\.$/).waitFor();
    const csv = readFileSync(h.saved.at(-1)!.file, 'utf8');
    expect(csv).toContain('Agreements reached,,1');
    expect(csv.split(/\r?\n/)[0]).toBe('Figure,Breakdown,Value');

    // Issue 15: the comparisons, the funnel and the breakdowns as tables, and the one-page report.
    expect(await page.getByTestId('figures-comparison').getByRole('row', { name: /Agreements reached/ }).locator('td').first().textContent()).toBe('1');
    expect(await page.getByTestId('figures-funnel').getByRole('row', { name: /Agreement reached/ }).locator('td').allTextContents()).toEqual(['1', 'agreements']);
    await page.getByTestId('figures-equality').getByText('No data in this period').waitFor();
    await figures.getByRole('button', { name: 'Save the figures report (PDF)' }).click();
    await figures.getByTestId('figures-report-status').getByText(/^Saved rj-figures-report-.*\.pdf\.$/).waitFor();
    expect(readFileSync(h.saved.at(-1)!.file).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('figures-funnel').scrollIntoViewIfNeeded();
    await look(page, '5c-09b-figures-funnel-and-breakdowns');
    // The breakdowns charted beside their tables: twelve months compared with last year only
    // (the previous twelve months are last year), the funnel's steps with their units.
    const months = page.getByTestId('chart-months-referrals');
    expect(await months.locator('svg.cb-chart__svg text').allTextContents()).toEqual(expect.arrayContaining(['This period', 'Same period last year']));
    expect(await months.locator('svg.cb-chart__svg text').allTextContents()).not.toContain('Previous period');
    // A header, then each calendar month the twelve months touch (13 when they start mid-month).
    expect(await months.getByRole('row').count()).toBeGreaterThanOrEqual(1 + 12);
    expect(await page.getByTestId('chart-funnel').getByRole('row', { name: /Agreement reached \(agreements\)/ }).locator('td').first().textContent()).toBe('1');
    for (const id of ['chart-months-processes', 'chart-months-closures', 'chart-right-3', 'chart-right-4', 'chart-outcomes-by-process', 'chart-satisfaction-by-role']) await page.getByTestId(id).waitFor();
    await months.scrollIntoViewIfNeeded();
    await look(page, '5c-09c-figures-month-charts');

    await page.getByLabel('From', { exact: true }).fill('31/02/2026');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'The start of the period must be a real date, like 01/04/2026' }).waitFor();
    // One message at a time: no results of the last period under an invalid one, and no stale "Saved".
    await page.getByTestId('figures-hidden').waitFor();
    expect(await page.getByTestId('figures').count()).toBe(0);
    expect(await page.locator('.govuk-notification-banner--success').count()).toBe(0);
    await look(page, '5c-10-figures-error');
  });

  it('lists the case with an overdue agreement action on the dashboard', async () => {
    await nav(page, 'Home', 'Home');
    const panel = page.getByTestId('dash-overdue-actions');
    await panel.getByRole('heading', { name: 'Agreement actions overdue (1)' }).waitFor();
    const row = panel.locator('tbody tr');
    expect(await row.locator('td').allTextContents()).toEqual([cases.a.case.reference, 'Tom Okafor', '1', `${formatDate(addDays(ref.today, -5))} (5 days overdue)`]);
    await look(page, '5c-11-dashboard-overdue-actions');
    await row.getByRole('button', { name: cases.a.case.reference }).click();
    await h1(page, `Case ${cases.a.case.reference}`);
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
