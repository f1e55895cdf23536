import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type Harness } from '../support/e2e/harness';
import { ADMIN, h1, look, nav, reloadHome, startWithCasebook } from '../support/e2e/steps';
import { generateDemoCases } from '../../src-main/demo/demo-cases';
import type { CaseSummary } from '../../src-main/domain/cases/case';

/**
 * The dashboard and the case list at 2,000 cases: search as you type, every filter, sortable
 * headers, virtualised rows (only a screenful is in the page), keyboard movement between rows,
 * and coming back from a case to the same list. Cases are seeded in bulk through the service;
 * staff and assignments through the service's casework commands.
 */

const COUNT = 2_000;

let h: Harness;
let page: Page;
let priyaId = '';
let assigned: CaseSummary[] = [];

const count = (p: Page) => p.getByTestId('case-count');
const fmt = (n: number) => n.toLocaleString('en-GB');

/** What the service says for a query, to compare with what the screen shows. */
function expected(q: Parameters<Harness['service']['cases']['queryCaseload']>[0]) {
  return h.service.cases.queryCaseload(q);
}

async function waitCount(p: Page, total: number): Promise<void> {
  await count(p).getByText(new RegExp(`^${fmt(total)} cases?\\b`)).waitFor();
}

/** The rows in the page (the virtualiser keeps the rest out), with their loaded cells. */
async function renderedRows(p: Page): Promise<{ index: number; cells: string[] }[]> {
  return p.getByTestId('case-list').locator('tbody tr[aria-rowindex]').evaluateAll((trs) =>
    trs.map((tr) => ({ index: Number(tr.getAttribute('aria-rowindex')), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '') })),
  );
}

async function waitLoaded(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const rows = document.querySelectorAll('[data-testid="case-list"] tbody tr[aria-rowindex]');
    return rows.length > 0 && [...rows].every((r) => !r.textContent?.includes('Loading…'));
  });
}

describe('case list and dashboard at 2,000 cases', () => {
  beforeAll(async () => {
    h = await startWithCasebook('service');
    page = h.page;
    const cases = generateDemoCases({ count: COUNT, seed: '3x-caselist', now: new Date() });
    for (let i = 0; i < cases.length; i += 500) await h.service.importCases(cases.slice(i, i + 500));
    let staff = await h.service.staff.saveStaffMember({ name: 'Priya Sharma', role: 'facilitator', level: 'advanced', active: true });
    // The administrator is on the staff list already (one list of people): as a coordinator here.
    const admin = staff.find((m) => m.name === ADMIN)!;
    staff = await h.service.staff.saveStaffMember({ id: admin.id, name: ADMIN, role: 'coordinator', level: 'intermediate', active: true });
    priyaId = staff.find((s) => s.name === 'Priya Sharma')!.id;
    const me = staff.find((s) => s.name === ADMIN)!.id;
    // Five open cases get a team from the staff list: Priya leads, Siân co-facilitates three.
    const open = h.service.cases.queryCaseload({ status: 'open', stages: ['contact', 'assessment'], sort: { column: 'reference', direction: 'asc' }, limit: 5 }).rows;
    for (const [i, r] of open.entries()) {
      await h.service.cases.applyCaseCommand({ caseId: r.id, revision: r.revision, command: { type: 'assign-team', leadId: priyaId, ...(i < 3 ? { coFacilitatorId: me } : {}) } });
    }
    assigned = open;
    await reloadHome(page);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the dashboard shows overdue, due soon, my cases, recent changes and counts by stage', async () => {
    const dash = h.service.cases.getDashboard();
    await page.getByTestId('stage-counts').waitFor();
    const overdue = page.getByTestId('dash-overdue');
    await overdue.getByRole('heading', { name: `Overdue (${dash.counts.overdue})` }).waitFor();
    // Due dates in UK format, the earliest first.
    const firstDue = await overdue.locator('tbody tr').first().locator('td').nth(3).textContent();
    expect(firstDue).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}Overdue$/);
    expect(await overdue.locator('tbody tr').first().getByRole('button').textContent()).toBe(dash.overdue[0]!.reference);
    await page.getByTestId('dash-due-soon').getByRole('heading', { name: `Due soon (${dash.counts.dueSoon})` }).waitFor();
    // "My cases": the three where Siân co-facilitates.
    const mine = page.getByTestId('dash-my-cases');
    await mine.getByRole('heading', { name: 'My cases (3)' }).waitFor();
    expect((await mine.locator('tbody tr').count())).toBe(3);
    // Recently changed: the assigned cases were changed last.
    const recent = await page.getByTestId('dash-recent').locator('tbody tr td:first-child button').allTextContents();
    expect(recent.slice(0, 5).sort()).toEqual(assigned.map((a) => a.reference).sort());
    // Stage cards add up to every case.
    const numbers = (await page.getByTestId('stage-counts').locator('.cb-stats__count').allTextContents()).map(Number);
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(COUNT);
    await look(page, '3x-01-dashboard');
  });

  it('"See all overdue" opens the list filtered to overdue cases', async () => {
    const dash = h.service.cases.getDashboard();
    await page.getByRole('button', { name: `See all ${dash.counts.overdue} overdue cases` }).click();
    await h1(page, 'Cases');
    await waitCount(page, dash.counts.overdue);
    expect(await page.getByLabel('Overdue only').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await waitCount(page, COUNT);
  });

  it('lists 2,000 cases with only a screenful of rows in the page', async () => {
    // A laptop window: at least 20 cases in view, one line each.
    await page.setViewportSize({ width: 1280, height: 800 });
    await waitLoaded(page);
    // (Rows are measured as they are drawn, so the count settles a moment after.)
    await expect.poll(async () => Number(/^Showing 1–(\d+)/.exec((await page.getByTestId('case-showing').textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(20);
    // No cell wraps a reference, a date or anything else: each is one line tall.
    const tall = await page.getByTestId('case-list').locator('tbody tr[aria-rowindex] td').evaluateAll((tds) =>
      tds
        .map((td) => {
          const st = getComputedStyle(td);
          const content = td.getBoundingClientRect().height - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom) - parseFloat(st.borderBottomWidth);
          return { text: td.textContent ?? '', lines: content / parseFloat(st.lineHeight) };
        })
        .filter((c) => c.lines > 1.5),
    );
    expect(tall).toEqual([]);
    const rows = await renderedRows(page);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(await page.getByTestId('case-list').locator('table').getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    expect(await page.getByTestId('case-showing').textContent()).toMatch(/^Showing 1–\d+ of 2,000/);
    // Newest referral first by default, and the header says so.
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Received');
    await look(page, '3x-02-cases');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await waitLoaded(page);
    await look(page, '3x-02-cases-1920');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('scrolls to the end, fetching rows as they come into view', async () => {
    const list = page.getByTestId('case-list');
    // Rows are measured as they arrive, so the true end moves a little: scroll until the last
    // row is in the page, loaded, and counted in the "Showing" line.
    await expect
      .poll(
        async () => {
          await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
          const last = list.locator(`tr[aria-rowindex="${COUNT + 1}"]`);
          const loaded = (await last.count()) === 1 && !(await last.textContent())?.includes('Loading…');
          return loaded ? page.getByTestId('case-showing').textContent() : 'not yet';
        },
        { timeout: 10_000 },
      )
      .toMatch(/–2,000 of 2,000/);
    const rows = await renderedRows(page);
    expect(rows.length).toBeLessThan(60);
    const last = expected({ sort: { column: 'receivedOn', direction: 'desc' }, offset: COUNT - 1, limit: 1 }).rows[0]!;
    expect(rows[rows.length - 1]!.cells[0]).toContain(last.reference);
    await screenshot(page, '3x-03-cases-scrolled-to-end');
    await list.evaluate((el) => el.scrollTo(0, 0));
  });

  it('searches by name, reference and offence as you type', async () => {
    const sample = expected({ sort: { column: 'reference', direction: 'asc' }, offset: 123, limit: 1 }).rows[0]!;
    const family = sample.names[0]!.split(' ').slice(-1)[0]!;
    const byName = expected({ search: family }).total;
    const search = page.getByLabel('Search cases');
    await search.pressSequentially(family, { delay: 20 });
    await waitCount(page, byName);
    await count(page).getByText(`matching “${family}”`).waitFor();
    await waitLoaded(page);
    for (const r of await renderedRows(page)) expect(r.cells[1]!.toLowerCase()).toContain(family.toLowerCase());
    await look(page, '3x-04-cases-search');

    await search.fill(sample.reference);
    await waitCount(page, 1);
    await page.getByTestId('case-list').getByRole('button', { name: sample.reference }).waitFor();

    const offence = 'Criminal damage';
    await search.fill(offence);
    await waitCount(page, expected({ search: offence }).total);
    await waitLoaded(page);
    for (const r of (await renderedRows(page)).slice(0, 10)) expect(r.cells[1]).toMatch(new RegExp(`${offence}$`));

    await search.fill('zzzz no such person');
    await count(page).getByText('0 cases').waitFor();
    await page.getByTestId('case-showing').getByText('No cases to show.').waitFor();
    await search.fill('');
    await waitCount(page, COUNT);
  });

  it('filters by stage, facilitator, source, sensitive, overdue and open or ended', async () => {
    // MOJ filter-a-list: the filters wait behind a toggle.
    expect(await page.getByLabel('Stage', { exact: true }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show filters' }).click();
    await page.getByLabel('Stage', { exact: true }).selectOption('preparation');
    await waitCount(page, expected({ stages: ['preparation'] }).total);
    await waitLoaded(page);
    for (const r of await renderedRows(page)) expect(r.cells[2]).toMatch(/^(Preparation|Ended: .*)$/);
    await page.getByLabel('Stage', { exact: true }).selectOption('');

    await page.getByLabel('Facilitator').selectOption(priyaId);
    await waitCount(page, assigned.length);
    await waitLoaded(page);
    expect((await renderedRows(page)).map((r) => r.cells[0]!.replace(/Sensitive$/, '')).sort()).toEqual(assigned.map((a) => a.reference).sort());
    await page.getByLabel('Facilitator').selectOption('');

    await page.getByLabel('Referred by').selectOption('Police');
    await waitCount(page, expected({ source: 'Police' }).total);
    await page.getByLabel('Sensitive', { exact: true }).selectOption('yes');
    const sensitivePolice = expected({ source: 'Police', sensitive: true }).total;
    await waitCount(page, sensitivePolice);
    await count(page).getByText('with the filters chosen').waitFor();
    await waitLoaded(page);
    for (const r of await renderedRows(page)) expect(r.cells[0]).toContain('Sensitive');
    await look(page, '3x-05-cases-filtered');
    await page.getByLabel('Referred by').selectOption('');
    await page.getByLabel('Sensitive', { exact: true }).selectOption('');

    await page.getByLabel('Overdue only').check();
    await waitCount(page, expected({ overdue: true }).total);
    await waitLoaded(page);
    for (const r of await renderedRows(page)) expect(r.cells[5]).toContain('Overdue');
    await page.getByLabel('Overdue only').uncheck();

    await page.getByLabel('Open or ended').selectOption('ended');
    await waitCount(page, expected({ status: 'ended' }).total);
    await waitLoaded(page);
    for (const r of await renderedRows(page)) expect(r.cells[2]).toMatch(/^(Closed|Ended: .*)$/);
    await page.getByLabel('Open or ended').selectOption('open');
    await waitCount(page, expected({ status: 'open' }).total);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await waitCount(page, COUNT);
  });

  it('sorts by a column header, with aria-sort saying which way', async () => {
    const header = (name: string) => page.getByRole('columnheader', { name });
    await header('Reference').getByRole('button').click();
    await page.locator('th[aria-sort="ascending"]', { hasText: 'Reference' }).waitFor();
    expect(await header('Received').getAttribute('aria-sort')).toBe('none');
    const first = expected({ sort: { column: 'reference', direction: 'asc' }, limit: 3 }).rows.map((r) => r.reference);
    await page.getByTestId('case-list').getByRole('button', { name: first[0]! }).waitFor();
    await waitLoaded(page);
    expect((await renderedRows(page)).slice(0, 3).map((r) => r.cells[0]!.replace(/Sensitive$/, ''))).toEqual(first);

    await header('Reference').getByRole('button').click();
    await page.locator('th[aria-sort="descending"]', { hasText: 'Reference' }).waitFor();
    const last = expected({ sort: { column: 'reference', direction: 'desc' }, limit: 1 }).rows[0]!.reference;
    await page.getByTestId('case-list').getByRole('button', { name: last }).waitFor();

    await header('People and offence').getByRole('button').click();
    await page.locator('th[aria-sort="ascending"]', { hasText: 'People' }).waitFor();
    const firstByName = expected({ sort: { column: 'name', direction: 'asc' }, limit: 1 }).rows[0]!.reference;
    await page.getByTestId('case-list').getByRole('button', { name: firstByName }).waitFor();
    await look(page, '3x-06-cases-sorted');

    await header('Received').getByRole('button').click();
    await page.locator('th[aria-sort="descending"]', { hasText: 'Received' }).waitFor();
  });

  it('moves between rows with the arrow keys, opens a case, and comes back to the same list', async () => {
    await page.getByLabel('Search cases').fill('');
    await page.getByLabel('Stage', { exact: true }).selectOption('assessment');
    const total = expected({ stages: ['assessment'] }).total;
    await waitCount(page, total);
    await waitLoaded(page);
    const firstButton = page.getByTestId('case-list').locator('[data-row-index="0"]');
    await firstButton.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.rowIndex);
    expect(focused).toBe('30');
    const target = expected({ stages: ['assessment'], sort: { column: 'receivedOn', direction: 'desc' }, offset: 30, limit: 1 }).rows[0]!;
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(target.reference);
    await page.keyboard.press('Enter');
    await h1(page, new RegExp(target.reference));

    await nav(page, 'Cases', 'Cases');
    await waitCount(page, total);
    expect(await page.getByLabel('Stage', { exact: true }).inputValue()).toBe('assessment');
    // Back where the person was: the row they opened is still in view.
    await page.getByTestId('case-list').getByRole('button', { name: target.reference }).waitFor();
    expect(h.problems).toEqual([]);
  });
});
