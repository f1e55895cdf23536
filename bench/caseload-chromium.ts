import { startHarness } from '../tests/support/e2e/harness';
import { generateDemoCases } from '../src-main/demo/demo-cases';
import { ensureDemoResources } from '../src-main/services/casebook/demo';
import { CASELOAD_QUERIES } from './caseload';
import { NOW } from './build-store';
import { round } from './measure';
import { busiestMonth, calendarRange, FIGURES_PERIOD } from './process';

/**
 * The case-list queries at 10,000 cases measured where users feel them: from the built
 * renderer in Debian Chromium, through window.casebook and the same handler registry the app
 * uses (the e2e harness), round trip included. Target (issue 3): at most 100 ms per query.
 * Beside each, the bridge's own cost: a round trip of getStatus, which does no work.
 */
export async function benchCaseloadInChromium(n: number, runs: number) {
  const h = await startHarness();
  try {
    await h.service.create({ serviceName: 'Bench RJ Hub', userName: 'Bench Admin', passphrase: 'benchmark passphrase 2026' });
    const resources = await ensureDemoResources(h.service, n);
    const cases = generateDemoCases({ count: n, seed: 42, now: NOW, resources });
    for (let i = 0; i < cases.length; i += 500) await h.service.importCases(cases.slice(i, i + 500));
    const timeInPage = (name: string, input: unknown) =>
      h.page.evaluate(
        async ({ name, input, runs }) => {
          const api = (window as unknown as { casebook: Record<string, (i: unknown) => Promise<{ ok: boolean }>> }).casebook;
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            const r = await api[name]!(input);
            times.push(performance.now() - t);
            if (!r.ok) throw new Error(`${name} failed`);
          }
          times.sort((a, b) => a - b);
          return times[Math.floor(times.length / 2)]!;
        },
        { name, input, runs },
      );
    const bridgeMs = await timeInPage('getStatus', {});
    const queries: Record<string, number> = {};
    for (const [name, q] of Object.entries(CASELOAD_QUERIES)) queries[name] = round(await timeInPage('queryCaseload', { ...q, limit: 200 }));
    const dashboardMs = round(await timeInPage('getDashboard', {}));
    const worst = Math.max(...Object.values(queries));
    // The process views (issue 5) through the same bridge: figures for a year, the busiest month.
    const busy = busiestMonth(cases);
    const figuresYearMs = round(await timeInPage('getFigures', FIGURES_PERIOD));
    const month = calendarRange(busy.year, busy.month);
    const calendarMonthMs = round(await timeInPage('getCalendar', month));
    // The same month for one facilitator ("my meetings"), to tell the bridge's cost per meeting from the query's.
    const calendarMonthOneFacilitatorMs = round(await timeInPage('getCalendar', { ...month, facilitatorId: resources.facilitators[0]!.id }));
    return {
      cases: n,
      bridgeRoundTripMs: round(bridgeMs),
      queries,
      dashboardMs,
      worstQueryMs: worst,
      targetMet: worst <= 100,
      figuresYearMs,
      calendarMonthMs,
      calendarMonthOneFacilitatorMs,
      processTargetsMet: figuresYearMs <= 1_000 && calendarMonthMs <= 100,
    };
  } finally {
    await h.close();
  }
}
