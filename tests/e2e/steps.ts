import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { WorkflowCommand } from '../../src-main/domain/workflow';
import type { CaseView } from '../../src-main/ipc/contract-casework';
import { checkA11y, screenshot, type Harness } from './harness';

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

/** A page from the main navigation, waiting for its heading. */
export async function nav(p: Page, item: string, heading: string | RegExp = item): Promise<void> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: item, exact: true }).click();
  await h1(p, heading);
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
