import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { ADMIN, addStaff, createReferral, invoke, look, openCase, reloadHome, SERVICE, startWithCasebook, tab } from '../support/e2e/steps';
import type { CaseView, CaseworkReference } from '../../src-main/domain/cases/case-view';
import type { AuditEntry } from '../../src-main/domain/casebook/audit';

/**
 * The Documents section of a case, end to end in Chromium over the real service: preview a
 * consent form, save it as PDF (the harness's save dialog keeps the file) and DOCX, and find
 * both saves in the audit trail (kind and format, no content) and on the case's timeline.
 */

let h: Harness;
let page: Page;
let view: CaseView;

describe('documents on the case page', () => {
  beforeAll(async () => {
    h = await startWithCasebook();
    page = h.page;
    await addStaff(h, ADMIN, 'coordinator', 'advanced');
    const ref = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});
    view = await createReferral(h, ref.today, {
      participants: [
        { role: 'harmed', person: { givenName: 'Aisha', familyName: 'Khan', dateOfBirth: '1984-05-02', preferredContact: 'phone' } },
        { role: 'responsible', person: { givenName: 'Łukasz', familyName: 'Nowak', dateOfBirth: '1999-11-23' } },
      ],
    });
    await reloadHome(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('previews a consent form with the names filled in', async () => {
    const reference = view.case.reference;
    await openCase(page, reference);
    await tab(page, 'Documents');
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
    const audit = await invoke<{ entries: AuditEntry[] }>(h, 'listAudit', { limit: 100, offset: 0 });
    const docs = audit.entries.filter((e) => e.action === 'document.generate');
    expect(docs).toHaveLength(3);
    expect(JSON.stringify(docs)).not.toContain('Nowak');
    expect(docs.map((d) => d.fields)).toContainEqual(['kind:consent-form', 'format:docx']);

    const c = await invoke<CaseView>(h, 'getCaseView', { id: view.case.id });
    const events = c.case.timeline.filter((e) => e.kind === 'document.generated').map((e) => e.text);
    expect(events).toEqual(['Consent form (PDF) generated for Person responsible', 'Consent form (DOCX) generated for Person responsible', 'Consent form (PDF) generated for Person responsible']);

    await tab(page, 'Overview');
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Consent form (DOCX) generated for Person responsible').waitFor();
    await look(page, '4d-03-timeline');
  });

  it('saves a blank consent form for a role', async () => {
    await tab(page, 'Documents');
    await page.getByLabel('Role').selectOption('supporter');
    await page.getByRole('button', { name: 'Save blank form as PDF' }).click();
    await page.getByTestId('blank-status').getByText(/^Saved blank-consent-form-supporter\.pdf\.$/).waitFor();
    const blank = h.saved.at(-1)!;
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', blank.file, '-'], { encoding: 'utf8' })).not.toContain('Nowak');
    expect(h.problems).toEqual([]);
  });

  it('previews a letter in large print, in Welsh and English, and saves it', async () => {
    await tab(page, 'Documents');
    await page.getByLabel('Document').selectOption('first-contact-letter');
    await page.getByLabel('Large print (16 point)').check();
    await page.getByLabel('Language').selectOption('bilingual');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('document-preview');
    await preview.locator('article.rjdoc.rjdoc--large').waitFor();
    const text = (await preview.textContent()) ?? '';
    // Welsh first, then English; a letterhead, not a document-type header.
    expect(text.indexOf('Annwyl')).toBeGreaterThan(-1);
    expect(text.indexOf('Annwyl')).toBeLessThan(text.indexOf('Dear'));
    expect(await preview.locator('.rjdoc-letterhead').count()).toBe(1);
    await look(page, '4d-04-letter-large-print-bilingual');
    await page.getByRole('button', { name: 'Save as PDF', exact: true }).click();
    await page.getByTestId('document-status').getByText(/large-print\.pdf/).waitFor();
    expect(h.problems).toEqual([]);
  });
});
