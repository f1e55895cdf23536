import { describe, expect, it } from 'vitest';
import { applyAll, consentCommands, contactCommand, createReferral, invoke, look, notice, openCase, riskCommand, staffLabel, tab, workflowButton } from '../support/e2e/steps';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import { addDays } from '../../src-main/domain/time/dates';
import type { ParticipantRole } from '../../src-main/domain/cases/case';
import { h, page, ref, staff, useCaseworkPage } from './casework-flow-world';
import { execFileSync } from 'node:child_process';

/** Whether this machine has a Chinese font for Chromium to fall back to (CI installs fonts-noto-cjk). */
function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/**
 * Casework on the case page, end to end in Chromium over the real service: a withdrawal of
 * consent and a case ended as withdrawn, with a reason; a case changed by someone else while
 * it was open; a sensitive case held back until an Advanced lead, a co-facilitator and the
 * approver's sign-off. Each state is photographed (3c-11… to 3c-19…) and checked with axe.
 */
describe('casework on the case page', () => {
  useCaseworkPage();

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
    // A person who withdraws is never asked for a reason: the field records what they said, if anything.
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Choose who withdrew']);
    await form.getByRole('checkbox', { name: 'No reason given' }).waitFor();
    await look(page, '3c-12-end-case-errors');
    await form.getByLabel('Who withdrew?').selectOption({ label: 'Grace Adeyemi (person harmed)' });
    await form.getByLabel("What they told you, or 'No reason given'").fill('Grace told us she no longer wants to take part. She knows she can come back to us.');
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
      // Siân assessed Fiona herself.
      riskCommand(ref, parent, { on, by: staff.sian.id, decision: 'indirect-only', reviewOn: addDays(on, 28) }),
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
    // On a sensitive case, the person who assessed may not sign off: the Risk tab says so before the button.
    expect(await page.getByTestId(`risk-${parent.id}`).getByTestId('self-sign-off').textContent()).toContain('You assessed this risk yourself. This is a sensitive case, so someone else must sign it off.');
    expect(await page.getByTestId('self-sign-off').count()).toBe(1);
    await look(page, '3c-15b-sensitive-own-assessment');
    for (const p of third.case.participants) {
      const name = `${p.person.givenName} ${p.person.familyName}`;
      const section = page.getByTestId(`risk-${p.id}`);
      await section.getByRole('button', { name: `Sign off the assessment for ${name}` }).click();
      const form = page.getByTestId('signoff-form');
      expect(await form.getByTestId('approver-needed').textContent()).toContain('a manager, because this is a sensitive case');
      // Siân is signed in, and she is a coordinator: the form says so before she tries.
      expect(await form.getByTestId('signed-by-you').textContent()).toBe('Signed off by you (Siân Evans, RJ coordinator).');
      expect(await form.getByTestId('signer-role').textContent()).toContain('You are an RJ coordinator');
      if (p.role === 'harmed') {
        // Signing off as herself is refused: the manager's sign-off cannot be hers.
        await form.getByRole('button', { name: 'Sign off' }).click();
        await form.locator('.govuk-error-summary').getByText(/must be signed off by a manager; Siân Evans is a rj coordinator/).waitFor();
        await look(page, '3c-16a-sensitive-sign-off-refused');
        // An administrator may record the manager's own sign-off; only the approver role is offered.
        await form.getByLabel('Record this for someone else').check();
        expect(await form.getByLabel('Who is this for?').locator('option').allTextContents()).toEqual(['Choose a member of staff', staffLabel(staff.margaret)]);
        await form.getByRole('button', { name: 'Sign off' }).click();
        await form.locator('.govuk-error-summary').getByRole('link', { name: 'Choose who you are recording this for' }).waitFor();
        await look(page, '3c-16-sensitive-sign-off');
      } else await form.getByLabel('Record this for someone else').check();
      await form.getByLabel('Who is this for?').selectOption({ label: staffLabel(staff.margaret) });
      expect(await form.getByTestId('signer-role').count()).toBe(0);
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
    // Enhanced rights are a victim's: never on the person responsible, even under 18; Niamh's say why.
    expect(await page.getByTestId(`person-${callum.id}`).locator('.govuk-tag', { hasText: 'Enhanced rights' }).count()).toBe(0);
    expect(await page.getByTestId(`person-${callum.id}`).getByText("Enhanced rights (Victims' Code)").count()).toBe(0);
    expect(await page.getByTestId(`person-${niamh.id}`).locator('.govuk-tag', { hasText: 'Enhanced rights' }).textContent()).toBe('Enhanced rights: intimidated victim');
    expect(await page.getByTestId(`person-${niamh.id}`).textContent()).toContain('Yes: intimidated victim');
    await look(page, '3c-18-sensitive-people');
    // Niamh is an intimidated victim: enhanced rights, so the shorter Victims' Code timescale.
    await tab(page, 'Deadlines');
    const rjInfo = page.getByTestId('deadlines').getByRole('row', { name: /Information about restorative justice/ });
    expect(await rjInfo.textContent()).toContain('Enhanced rights');
    await look(page, '3c-19-sensitive-deadlines');
  });

  it('shows names in every script: the shipped Noto faces for Indic, Arabic and Thai, the system\'s fonts for Chinese', async () => {
    const names = { bengali: 'শাহিদ রহমান', gurmukhi: 'ਹਰਪ੍ਰੀਤ ਕੌਰ', chinese: '王秀英' };
    const fourth = await createReferral(h, ref.today, {
      offenceCategory: 'criminal-damage',
      participants: [
        { role: 'harmed', person: { givenName: 'Harpreet', familyName: names.gurmukhi } },
        { role: 'responsible', person: { givenName: 'Shahid', familyName: names.bengali } },
        { role: 'supporter', person: { givenName: 'Xiuying', familyName: names.chinese } },
      ],
    });
    await openCase(page, fourth.case.reference);
    await tab(page, 'People');
    await page.evaluate(() => document.fonts.ready);
    // A glyph a font lacks is drawn as the same box as a private-use character: the name must
    // measure differently from as many boxes, in the font the page gives it.
    const drawn = async (name: string) =>
      page.evaluate((text) => {
        const el = [...document.querySelectorAll('h3')].find((x) => x.textContent?.includes(text));
        if (!el) return { found: false, boxes: true, font: '' };
        const font = getComputedStyle(el).font;
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = font;
        const letters = [...text].filter((c) => c !== ' ');
        return { found: true, boxes: ctx.measureText(letters.join('')).width === ctx.measureText('\uE000'.repeat(letters.length)).width, font };
      }, name);
    for (const script of ['bengali', 'gurmukhi'] as const) {
      expect(await drawn(names[script]), script).toMatchObject({ found: true, boxes: false });
      // Drawn with the face the app ships (the same as in the PDFs), not whatever the system has.
      expect(await page.evaluate((t) => document.fonts.check('16px "Casebook Scripts"', t), names[script])).toBe(true);
    }
    expect((await drawn(names.chinese)).font).toContain('Noto Sans CJK SC');
    // Chinese, Japanese and Korean come from the system's fonts (CI installs fonts-noto-cjk).
    if (hasCjkFont()) expect(await drawn(names.chinese), 'chinese').toMatchObject({ found: true, boxes: false });
    await look(page, '3c-20-names-in-every-script');
  });

  it('met no script errors and no Content Security Policy violations', () => {
    expect(h.problems).toEqual([]);
  });
});
