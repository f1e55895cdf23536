import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, screenshot, startHarness, type Harness } from './harness';
import type { CaseView, CaseworkReference } from '../../src-main/ipc/contract-casework';
import type { ReferralInput } from '../../src-main/domain/referral';
import type { StaffMember } from '../../src-main/domain/staff';
import type { AuditEntry } from '../../src-main/domain/audit';
import { addDays } from '../../src-main/domain/dates';

/**
 * The Documents section of a case, end to end in Chromium over the real service: preview a
 * consent form, save it as PDF (the harness's save dialog keeps the file) and DOCX, and find
 * both saves in the audit trail (kind and format, no content) and on the case's timeline.
 */

const SERVICE = 'Northshire Restorative Justice Service';
const ADMIN = 'Siân Evans';
const PASS = 'correct horse battery staple';

let h: Harness;
let page: Page;
let view: CaseView;

async function h1(p: Page, name: string | RegExp): Promise<void> {
  await p.getByRole('heading', { level: 1, name }).waitFor();
}

async function invoke<T>(name: string, input: unknown): Promise<T> {
  const r = await h.registry.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function look(p: Page, name: string): Promise<void> {
  await screenshot(p, name);
  await checkA11y(p, name);
}

describe('documents on the case page', () => {
  beforeAll(async () => {
    h = await startHarness();
    page = h.page;
    await h1(page, 'Create a casebook');
    await page.getByLabel('Name of your service').fill(SERVICE);
    await page.getByLabel('Your name').fill(ADMIN);
    await page.getByLabel('Choose a passphrase').fill(PASS);
    await page.getByLabel('Type the passphrase again').fill(PASS);
    await page.getByRole('button', { name: 'Create casebook' }).click();
    await h1(page, 'Your recovery key');
    await page.getByLabel('I have stored the recovery key safely').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await h1(page, 'Home');
    await invoke<StaffMember[]>('saveStaffMember', { name: ADMIN, role: 'coordinator', active: true, level: 'advanced' });
    const ref = await invoke<CaseworkReference>('getCaseworkReference', {});
    const referral: ReferralInput = {
      source: 'police',
      referrerName: 'PC Amara Okafor',
      receivedOn: addDays(ref.today, -7),
      offenceCategory: 'burglary',
      offenceDescription: 'The shed was broken into at night and garden tools were taken.',
      offenceDate: addDays(ref.today, -30),
      cjsStage: 'out-of-court',
      priority: 'routine',
      participants: [
        { role: 'harmed', person: { givenName: 'Aisha', familyName: 'Khan', dateOfBirth: '1984-05-02', preferredContact: 'phone' } },
        { role: 'responsible', person: { givenName: 'Łukasz', familyName: 'Nowak', dateOfBirth: '1999-11-23' } },
      ],
    };
    view = await invoke<CaseView>('createReferral', { referral, duplicatesSeen: true });
    await page.reload();
    await h1(page, 'Home');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('previews a consent form with the names filled in', async () => {
    const reference = view.case.reference;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Cases' }).click();
    await h1(page, 'Cases');
    await page.getByRole('button', { name: reference, exact: true }).click();
    await h1(page, `Case ${reference}`);
    await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name: 'Documents', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Documents', exact: true }).waitFor();
    await page.getByLabel('Document').selectOption('consent-form');
    const lukasz = view.case.participants.find((p) => p.role === 'responsible')!;
    await page.getByLabel('For', { exact: true }).selectOption(lukasz.id);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('document-preview');
    await preview.locator('article.rjdoc').waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Łukasz');
    expect(text).toContain('Nowak');
    expect(text).toContain(reference);
    expect(text).toContain(SERVICE);
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await look(page, '4d-01-consent-form-preview');
  });

  it('saves the consent form as PDF and DOCX through the save dialog', async () => {
    await page.getByRole('button', { name: 'Save as PDF', exact: true }).click();
    await page.getByTestId('document-status').getByText(/^Saved .*\.pdf\.$/).waitFor();
    expect(h.saved).toHaveLength(1);
    const pdf = h.saved[0]!;
    expect(pdf.name).toMatch(/^RJ-.*-consent-form-responsible\.pdf$/);
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'], { encoding: 'utf8' });
    expect(extracted).toContain('Łukasz Nowak');

    await page.getByRole('button', { name: 'Save as DOCX', exact: true }).click();
    await page.getByTestId('document-status').getByText(/^Saved .*\.docx\.$/).waitFor();
    expect(h.saved).toHaveLength(2);
    expect(Buffer.from(h.saved[1]!.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    await look(page, '4d-02-saved');
  });

  it('asks for the password twice before protecting a PDF', async () => {
    await page.getByLabel('Protect the PDF with a password').check();
    await page.getByLabel('Password (at least 8 characters)').fill('short');
    await page.getByRole('button', { name: 'Save as PDF', exact: true }).click();
    await page.getByText('Enter a password of at least 8 characters').waitFor();
    await page.getByLabel('Password (at least 8 characters)').fill('kettle-orchard-42');
    await page.getByLabel('Type the password again').fill('kettle-orchard-42');
    await page.getByRole('button', { name: 'Save as PDF', exact: true }).click();
    await page.getByTestId('document-status').getByText(/protected with your password/).waitFor();
    expect(h.saved).toHaveLength(3);
    // pdftotext cannot read it without the password, and can with it.
    expect(() => execFileSync('pdftotext', [h.saved[2]!.file, '-'], { stdio: 'pipe' })).toThrow();
    expect(execFileSync('pdftotext', ['-upw', 'kettle-orchard-42', '-enc', 'UTF-8', h.saved[2]!.file, '-'], { encoding: 'utf8' })).toContain('Łukasz Nowak');
  });

  it('records each save in the audit trail (kind and format only) and on the case timeline', async () => {
    const audit = await invoke<{ entries: AuditEntry[] }>('listAudit', { limit: 100, offset: 0 });
    const docs = audit.entries.filter((e) => e.action === 'document.generate');
    expect(docs).toHaveLength(3);
    expect(JSON.stringify(docs)).not.toContain('Nowak');
    expect(docs.map((d) => d.fields)).toContainEqual(['kind:consent-form', 'format:docx']);

    const c = await invoke<CaseView>('getCaseView', { id: view.case.id });
    const events = c.case.timeline.filter((e) => e.kind === 'document.generated').map((e) => e.text);
    expect(events).toEqual(['Consent form (PDF) generated for Person responsible', 'Consent form (DOCX) generated for Person responsible', 'Consent form (PDF) generated for Person responsible']);

    await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name: 'Overview', exact: true }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Consent form (DOCX) generated for Person responsible').waitFor();
    await look(page, '4d-03-timeline');
  });

  it('saves a blank consent form for a role', async () => {
    await page.getByRole('navigation', { name: 'Case sections' }).getByRole('button', { name: 'Documents', exact: true }).click();
    await page.getByLabel('Role').selectOption('supporter');
    await page.getByRole('button', { name: 'Save blank form as PDF' }).click();
    await page.getByTestId('blank-status').getByText(/^Saved blank-consent-form-supporter\.pdf\.$/).waitFor();
    const blank = h.saved.at(-1)!;
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', blank.file, '-'], { encoding: 'utf8' })).not.toContain('Nowak');
    expect(h.problems).toEqual([]);
  });
});
