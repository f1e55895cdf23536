import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { WorkflowCommand } from '../../../src-main/domain/cases/workflow';
import type { StaffMember } from '../../../src-main/domain/staff/staff';
import type { ReferralInput } from '../../../src-main/domain/referrals/referral';
import type { ParticipantRole } from '../../../src-main/domain/cases/case';
import type { CaseView, CaseworkReference } from '../../../src-main/domain/cases/case-view';
import { addDays, formatDate } from '../../../src-main/domain/time/dates';
import { requiredElements } from '../../../src-main/domain/consent/consent';
import { factorsFor, type RiskDecision } from '../../../src-main/domain/risk/risk';
import { checkA11y, screenshot, startHarness, type Harness, type HarnessOptions } from './harness';

/**
 * Steps every end-to-end test takes: wait for a page, look at it (screenshot + axe), call the
 * real handlers behind the page, open a case and its sections, read the notice after a save.
 */
export async function h1(p: Page, name: string | RegExp): Promise<void> {
  await p.getByRole('heading', { level: 1, name }).waitFor();
}

/** A screenshot for people to look at, and axe on the same state. */
export async function look(p: Page, name: string): Promise<void> {
  await screenshot(p, name);
  await checkA11y(p, name);
}

/** A command through the same registry the page uses (setting up, or acting as someone else). */
export async function invoke<T>(h: Harness, name: string, input: unknown): Promise<T> {
  const r = await h.registry.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Apply workflow commands outside the page, each on the latest revision. */
export async function applyAll(h: Harness, view: CaseView, commands: readonly WorkflowCommand[]): Promise<CaseView> {
  let v = view;
  for (const command of commands) v = await invoke<CaseView>(h, 'applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command });
  return v;
}

/** Add someone to the staff list (as an administrator would in Settings) and return them. */
/**
 * Put someone on the staff list with this role and level. People who can unlock are on it
 * already (one list of people): their record is changed rather than a second one added.
 */
export async function addStaff(h: Harness, name: string, role: StaffMember['role'], level?: StaffMember['level']): Promise<StaffMember> {
  const existing = h.service.cases.getCaseworkReference().staff.find((s) => s.name === name);
  const list = await invoke<StaffMember[]>(h, 'saveStaffMember', { ...(existing ? { id: existing.id } : {}), name, role, active: true, ...(level ? { level } : {}) });
  return list.find((s) => s.name === name)!;
}

/**
 * A referral set up outside the page: by default a burglary the police referred a week before
 * `today`, a month after the offence; `r` names the people and changes anything else.
 */
export async function createReferral(h: Harness, today: string, r: Partial<ReferralInput> & Pick<ReferralInput, 'participants'>): Promise<CaseView> {
  const referral: ReferralInput = {
    source: 'police',
    referrerName: 'PC Amara Okafor',
    receivedOn: addDays(today, -7),
    offenceCategory: 'burglary',
    offenceDescription: 'The shed was broken into at night and garden tools were taken.',
    offenceDate: addDays(today, -30),
    cjsStage: 'out-of-court',
    priority: 'routine',
    ...r,
  };
  return invoke<CaseView>(h, 'createReferral', { referral, duplicatesSeen: true });
}

/**
 * Another case whose preparation meeting has this facilitator and this room from 10:00 to 12:00
 * on `date`: the booking a conference must not clash with.
 */
export async function caseWithMeeting(h: Harness, today: string, o: { date: string; venueId: string; leadFacilitatorId: string }): Promise<CaseView> {
  const other = await createReferral(h, today, {
    participants: [
      { role: 'harmed', person: { givenName: 'Grace', familyName: 'Adeyemi' } },
      { role: 'responsible', person: { givenName: 'Kieran', familyName: 'Walsh' } },
    ],
  });
  return applyAll(h, other, [
    {
      type: 'schedule-meeting',
      meeting: { id: 'm_otherprep0000001', kind: 'preparation', format: 'in-person', date: o.date, start: '10:00', durationMinutes: 120, venueId: o.venueId, leadFacilitatorId: o.leadFacilitatorId, participantIds: [other.case.participants[0]!.id], supporterIds: [] },
    },
  ]);
}

/*
 * What a colleague records outside the page (for applyAll). The page's administrator is the
 * one signed in, so the record is theirs when `by` is their own staff id, and otherwise they
 * record it for the colleague `by` names (onBehalfOf: an administrator's explicit act, which
 * the record and the timeline keep with both names). Who signs is who is signed in.
 */

/** A phone contact in which the person was interested. */
export function contactCommand(participantId: string, on: string, by: string): WorkflowCommand {
  return { type: 'record-contact', participantId, entry: { kind: 'contact', on, method: 'phone', outcome: 'interested', rjInformationGiven: true }, onBehalfOf: by };
}

/** A risk assessment with every factor for the person's role rated low. */
export function riskCommand(ref: CaseworkReference, p: { id: string; role: ParticipantRole }, o: { on: string; by: string; decision: RiskDecision; reviewOn: string }): WorkflowCommand {
  return {
    type: 'assess-risk',
    participantId: p.id,
    assessedOn: o.on,
    factors: factorsFor(ref.riskFactors, p.role).map((f) => ({ factorId: f.id, rating: 'low' as const })),
    decision: o.decision,
    reviewOn: o.reviewOn,
    onBehalfOf: o.by,
  };
}

/** The sign-off of a person's current risk assessment, by `by`. */
export function signOffCommand(participantId: string, by: string): WorkflowCommand {
  return { type: 'sign-off-risk', participantId, onBehalfOf: by, confirmSelfSignOff: true };
}

/** Consent given, on a signed form, to every element the person's role requires. */
export function consentCommands(ref: CaseworkReference, p: { id: string; role: ParticipantRole }, o: { on: string; by: string }): WorkflowCommand[] {
  return requiredElements(ref.consentElements, p.role).map((e) => ({ type: 'record-consent', participantId: p.id, elementId: e.id, status: 'given', on: o.on, method: 'signed-form', onBehalfOf: o.by }));
}

/** Create a casebook through the first-run screens and arrive at Home. */
export async function createCasebook(p: Page, o: { service: string; admin: string; passphrase: string }): Promise<void> {
  await h1(p, 'Create a casebook');
  await p.getByLabel('Name of your service').fill(o.service);
  await p.getByLabel('Your name').fill(o.admin);
  await p.getByLabel('Choose a passphrase').fill(o.passphrase);
  await p.getByLabel('Type the passphrase again').fill(o.passphrase);
  await p.getByRole('button', { name: 'Create casebook' }).click();
  await h1(p, 'Your recovery key');
  await p.getByLabel('I have stored the recovery key safely').check();
  await p.getByRole('button', { name: 'Continue' }).click();
  await h1(p, 'Home');
}

/** The casebook most end-to-end tests start from: its service, its administrator, her passphrase. */
export const SERVICE = 'Northshire Restorative Justice Service';
export const ADMIN = 'Siân Evans';
export const PASS = 'correct horse battery staple';

/**
 * A harness over a new casebook of SERVICE, with ADMIN unlocked by PASS: created through the
 * first-run screens (the page arrives at Home), or straight through the service where those
 * screens are not what the test is about (the page shows them until `reloadHome`).
 */
export async function startWithCasebook(through: 'screens' | 'service' = 'screens', opts: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness(opts);
  try {
    if (through === 'screens') await createCasebook(h.page, { service: SERVICE, admin: ADMIN, passphrase: PASS });
    else await h.service.create({ serviceName: SERVICE, userName: ADMIN, passphrase: PASS });
  } catch (e) {
    await h.close();
    throw e;
  }
  return h;
}

/** Reload the page and wait for Home: after set-up behind the page, which read the reference data when it unlocked. */
/** On the unlock screen: type the passphrase (the one person, or the one chosen) and unlock. */
export async function unlockWith(p: Page, passphrase: string, person?: string): Promise<void> {
  await p.getByRole('heading', { level: 1, name: 'Unlock the casebook' }).waitFor();
  if (person) await p.getByLabel(person).check();
  await p.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await p.getByRole('button', { name: 'Unlock', exact: true }).click();
}

export async function reloadHome(p: Page): Promise<void> {
  await p.reload();
  await h1(p, 'Home');
}

export const QL_PASS = 'quality lead passphrase 1';
export const FAC_PASS = 'facilitator passphrase 1';

/**
 * The quality screens' casebook, set up behind the page: a quality lead (Quinn Lead, QL_PASS)
 * and a facilitator (Fatima Hussain, Intermediate, FAC_PASS) who can sign in, and the day it is.
 */
export async function startWithQualityTeam(): Promise<{ h: Harness; today: string; fatima: StaffMember }> {
  const h = await startWithCasebook('service');
  await h.service.addUser({ name: 'Quinn Lead', role: 'quality-lead', passphrase: QL_PASS });
  await h.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC_PASS });
  return { h, today: h.service.cases.getCaseworkReference().today, fatima: await addStaff(h, 'Fatima Hussain', 'facilitator', 'intermediate') };
}

/** After set-up behind the page (as the administrator): lock, reload, and sign in on screen as `person`, who reads what was set up. */
export async function signInAfterSetUp(h: Harness, passphrase: string, person: string): Promise<void> {
  await h.service.lock('manual');
  await h.page.reload();
  await unlockWith(h.page, passphrase, person);
  await h1(h.page, 'Home');
}

/** A page from the main navigation, waiting for its heading. */
export async function nav(p: Page, item: string, heading: string | RegExp = item): Promise<void> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: item, exact: true }).click();
  await h1(p, heading);
}

/** One of the settings pages (issue 14 split Settings by job), from the main navigation and the settings one. */
export async function settingsPage(p: Page, name: string): Promise<void> {
  await nav(p, 'Settings', /./);
  const button = p.getByRole('navigation', { name: 'Settings' }).getByRole('button', { name, exact: true });
  await button.click();
  expect(await button.getAttribute('aria-current')).toBe('page');
  await h1(p, name);
}

/** Open a case from the case list by its reference. */
export async function openCase(p: Page, reference: string): Promise<void> {
  await nav(p, 'Cases');
  await p.getByRole('button', { name: reference, exact: true }).click();
  await h1(p, `Case ${reference}`);
  await p.getByTestId('workflow').waitFor();
}

/** A section of the case page; its heading may differ from the tab's name. */
export async function tab(p: Page, name: string, heading: string = name): Promise<void> {
  const button = p.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name, exact: true });
  await button.click();
  expect(await button.getAttribute('aria-current')).toBe('page');
  await p.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
}

/** The notice the case page shows after a save. */
export async function notice(p: Page, text: string | RegExp): Promise<void> {
  await p.getByTestId('case-notice').getByText(text).waitFor();
}

export async function workflowButton(p: Page, name: string): Promise<void> {
  await p.getByTestId('workflow').getByRole('button', { name, exact: true }).click();
}

/** The class of the element with focus, to follow keyboard focus. */
export async function focusedClass(p: Page): Promise<string> {
  return p.evaluate(() => (document.activeElement as HTMLElement | null)?.className ?? '');
}

/** An ISO date as typed into the app's date fields (dd/mm/yyyy). */
export function uk(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A member of staff as the staff pickers name them: "Priya Shah (Facilitator, Intermediate practitioner)". */
export function staffLabel(s: StaffMember): string {
  const role = { coordinator: 'RJ coordinator', facilitator: 'Facilitator', manager: 'Manager' }[s.role as 'manager'];
  return `${s.name} (${role}${s.level ? `, ${s.level[0]!.toUpperCase()}${s.level.slice(1)} practitioner` : ''})`;
}

/** In a risk assessment form: rate every factor low (one medium, with a mitigation) and choose a decision. */
export async function rateRisk(form: Locator, decision: string): Promise<void> {
  const lows = form.getByRole('radio', { name: 'Low', exact: true });
  const n = await lows.count();
  for (let i = 0; i < n; i++) await lows.nth(i).check();
  const emotional = form.getByTestId('factor-emotional-harm');
  await emotional.getByRole('radio', { name: 'Medium', exact: true }).check();
  await emotional.getByLabel(/Mitigation/).fill('Meet at the victim service office, with her support worker nearby.');
  await form.getByRole('radio', { name: decision }).check();
}

/** On "Meetings and process": the card of the one meeting whose title starts with these words. */
export function meetingCard(p: Page, title: string): Locator {
  return p.getByTestId('meetings-schedule').locator('[data-testid^="meeting-m_"]', { has: p.locator('.govuk-summary-card__title', { hasText: title }) });
}

/** On "Meetings and process": open the schedule form and fill in what and when; returns the form. */
export async function scheduleForm(p: Page, m: { kind: string; format: string; date: string; start: string; length: string }): Promise<Locator> {
  await p.getByRole('button', { name: 'Schedule a meeting' }).click();
  const form = p.getByTestId('schedule-form');
  await form.getByLabel(m.kind, { exact: true }).check();
  await form.getByLabel(m.format).check();
  await form.getByLabel('Date', { exact: true }).fill(uk(m.date));
  await form.getByLabel('Start time').fill(m.start);
  await form.getByLabel('Length', { exact: true }).selectOption({ label: m.length });
  return form;
}

/** The schedule form refused a booking over the meeting of caseWithMeeting, naming the facilitator and the room it double-books. */
export async function expectClash(p: Page, form: Locator, o: { date: string; facilitator: string; venue: string }): Promise<void> {
  const summary = form.locator('.govuk-error-summary');
  // The other meeting is named by its kind, time and case reference, never by who is in it.
  const when = `Preparation meeting on ${formatDate(o.date)}, 10:00–12:00 (case RJ-`;
  await summary.getByText(`${o.facilitator} (facilitator) is already booked at that time: ${when}`).waitFor();
  await summary.getByText(`${o.venue} is already booked at that time: ${when}`).waitFor();
  expect(await focusedClass(p)).toContain('govuk-error-summary');
}

/** One action row of the agreement's draft form. */
export async function fillAction(row: Locator, a: { kind: string; description: string; by: string; dueOn: string; shown?: string }): Promise<void> {
  await row.getByLabel('Kind of action').selectOption({ label: a.kind });
  await row.getByLabel('What will be done').fill(a.description);
  await row.getByLabel('Who will do it').selectOption({ label: a.by });
  await row.getByLabel('Due by').fill(uk(a.dueOn));
  if (a.shown) await row.getByLabel('How completion will be shown').fill(a.shown);
}
