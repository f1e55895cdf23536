import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/e2e/harness';
import { ADMIN, addStaff, invoke, reloadHome, startWithCasebook } from '../support/e2e/steps';
import type { CaseworkReference } from '../../src-main/domain/cases/case-view';
import type { StaffMember } from '../../src-main/domain/staff/staff';

/**
 * What the casework-flow-*.e2e.test.ts files share: a new casebook in Chromium over the real
 * service, with a staff list of an Advanced coordinator (the administrator), an Intermediate
 * and an Advanced facilitator and a manager, and the casework reference data. The bindings
 * below are live: read them inside tests and hooks, not at import.
 */
export let h: Harness;
export let page: Page;
export let ref: CaseworkReference;
export const staff: Record<'sian' | 'priya' | 'tom' | 'margaret', StaffMember> = {} as never;

/** Call once inside the file's describe. */
export function useCaseworkPage(): void {
  beforeAll(async () => {
    h = await startWithCasebook();
    page = h.page;
    staff.sian = await addStaff(h, ADMIN, 'coordinator', 'advanced');
    staff.priya = await addStaff(h, 'Priya Shah', 'facilitator', 'intermediate');
    staff.tom = await addStaff(h, 'Tom Okafor', 'facilitator', 'advanced');
    staff.margaret = await addStaff(h, 'Margaret Hughes', 'manager');
    ref = await invoke<CaseworkReference>(h, 'getCaseworkReference', {});
    // The page read the reference data (without the staff) when it unlocked; start afresh.
    await reloadHome(page);
  });
  afterAll(async () => {
    await h?.close();
  });
}
