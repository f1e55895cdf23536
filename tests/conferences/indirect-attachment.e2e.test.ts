import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { addStaff, applyAll, invoke, look, notice, openCase, startWithCasebook, tab } from '../support/e2e/steps';
import { steps } from '../support/steps';
import type { CaseView, CaseworkReference } from '../../src-main/domain/cases/case-view';
import { addDays } from '../../src-main/domain/time/dates';

/**
 * A letter exchange with the scanned letter attached: the user chooses the file in the form
 * (the system's dialog: the harness's queue) before saving, then saves, and later saves a copy
 * back out. Cancelling the dialog chooses nothing and saves nothing.
 */
const LETTER = Buffer.from('%PDF-1.7 Annwyl Aisha, mae’n ddrwg gennyf am yr hyn a wnes i.');

let h: Harness;
let page: Page;
let view: CaseView;

describe('an indirect process log with an attached letter', () => {
  beforeAll(async () => {
    h = await startWithCasebook();
    page = h.page;
    const lead = await addStaff(h, 'Siân Evans', 'coordinator', 'advanced');
    const ref = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});
    const s = steps(ref);
    view = await invoke<CaseView>(h, 'createReferral', {
      referral: {
        source: 'police',
        receivedOn: addDays(ref.today, -14),
        offenceCategory: 'burglary',
        offenceDescription: 'A shed was broken into.',
        cjsStage: 'out-of-court',
        priority: 'routine',
        participants: [
          { role: 'harmed', person: { givenName: 'Aisha', familyName: 'Khan', dateOfBirth: '1979-02-11' } },
          { role: 'responsible', person: { givenName: 'Daniel', familyName: 'Price', dateOfBirth: '2001-06-30' } },
        ],
      },
      duplicatesSeen: true,
    });
    const [harmed, responsible] = [view.case.participants[0]!.id, view.case.participants[1]!.id];
    const day = addDays(ref.today, -7);
    view = await applyAll(h, view, [
      { type: 'advance' },
      { type: 'assign-team', leadId: lead.id },
      { type: 'advance' },
      s.contact(harmed, day),
      s.contact(responsible, day),
      { type: 'advance' },
      { ...(s.assess(harmed, 'harmed') as object), assessedOn: day, reviewOn: addDays(ref.today, 60) } as never,
      { ...(s.assess(responsible, 'responsible') as object), assessedOn: day, reviewOn: addDays(ref.today, 60) } as never,
      { type: 'advance' },
      { type: 'advance' },
      ...s.consentAll(harmed).map((c) => ({ ...(c as object), on: day }) as never),
      ...s.consentAll(responsible).map((c) => ({ ...(c as object), on: day }) as never),
      s.signOff(harmed),
      s.signOff(responsible),
      { type: 'advance', processKind: 'indirect', processForm: 'letter-exchange' },
    ]);
    expect(view.case.stage).toBe('process');
  });

  afterAll(async () => {
    expect(h.problems).toEqual([]);
    await h.close();
  });

  async function fillEntry(): Promise<void> {
    await page.getByRole('button', { name: 'Add to the log' }).click();
    const form = page.getByTestId('indirect-form');
    await form.getByRole('radio', { name: 'Letter', exact: true }).check();
    await form.getByLabel('From', { exact: true }).selectOption({ label: 'Daniel Price (person responsible)' });
    await form.getByLabel('To', { exact: true }).selectOption({ label: 'Aisha Khan (person harmed)' });
    await form.getByLabel('Summary').fill('Letter of apology, read with the facilitator before it was passed on.');
  }

  it('chooses the file in the form, before saving; a cancelled dialog chooses nothing and saves nothing', async () => {
    await openCase(page, view.case.reference);
    await tab(page, 'Meetings and process');
    await fillEntry();
    const field = page.getByTestId('indirect-form').getByTestId('attachment-field');
    await field.getByRole('button', { name: 'Choose a file' }).click();
    expect(await field.getByTestId('attachment-chosen').textContent()).toBe('No file chosen');
    await look(page, '5i-01-attach-cancelled');
    const now = await invoke<CaseView>(h, 'getCaseView', { id: view.case.id });
    expect(now.case.indirectLog ?? []).toEqual([]);
  });

  it('keeps the chosen file with the entry, and saves a copy back out', async () => {
    h.toPick.push({ name: 'llythyr-ymddiheuro.pdf', bytes: LETTER });
    const field = page.getByTestId('indirect-form').getByTestId('attachment-field');
    await field.getByRole('button', { name: 'Choose a file' }).click();
    await field.getByTestId('attachment-chosen').getByText(/^llythyr-ymddiheuro\.pdf \(\d+ KB\)$/).waitFor();
    await look(page, '5i-01b-attach-chosen');
    await page.getByTestId('indirect-form').getByRole('button', { name: 'Save to the log' }).click();
    await notice(page, 'Letter from Daniel Price logged with its file');
    const log = page.getByTestId('indirect-log');
    await log.getByRole('button', { name: /Save a copy/ }).click();
    await log.getByText('Saved a copy of llythyr-ymddiheuro.pdf.').waitFor();
    expect(Buffer.from(h.saved.at(-1)!.bytes).equals(LETTER)).toBe(true);
    await look(page, '5i-02-attached');
    const stored = await invoke<CaseView>(h, 'getCaseView', { id: view.case.id });
    expect(stored.case.indirectLog?.[0]?.attachment).toMatch(/^[0-9a-f]{64}$/);
    expect((await invoke<{ ok: boolean }>(h, 'verifyStore', {})).ok).toBe(true);
  });
});
