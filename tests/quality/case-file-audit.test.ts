import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';
import type { Case } from '../../src-main/domain/cases/case';
import { allocate, drawSample, stratumOf } from '../../src-main/domain/quality/audit-sample';
import { auditCaseFile, auditTotals, processStartedOn } from '../../src-main/domain/quality/case-file-audit';

/**
 * The case-file audit: a sample drawn the same way every time and spread over process types and
 * sensitive cases, and each file checked against the Service Provider Code of Practice from
 * what the record proves, the rest left to the auditor.
 */
const NOW = new Date('2026-03-01T12:00:00Z');
const cases = generateDemoCases({ count: 400, seed: 'audit', now: NOW, resources: demoResources(400) });
const YEAR = { from: '2025-03-01', to: '2026-02-28' };

describe('drawing the sample', () => {
  it('is the same for the same period, size and seed, and changes with the seed', () => {
    const a = drawSample(cases, { ...YEAR, size: 30, seed: 'first' }).map((c) => c.id);
    expect(drawSample(cases, { ...YEAR, size: 30, seed: 'first' }).map((c) => c.id)).toEqual(a);
    expect(drawSample([...cases].reverse(), { ...YEAR, size: 30, seed: 'first' }).map((c) => c.id)).toEqual(a);
    expect(drawSample(cases, { ...YEAR, size: 30, seed: 'second' }).map((c) => c.id)).not.toEqual(a);
  });

  it('takes only files closed in the period, and each stratum at least once when there is room', () => {
    const closed = cases.filter((c) => c.closure && c.closure.closedOn >= YEAR.from && c.closure.closedOn <= YEAR.to);
    const sample = drawSample(cases, { ...YEAR, size: 30, seed: 's' });
    expect(sample).toHaveLength(Math.min(30, closed.length));
    for (const c of sample) expect(c.closure!.closedOn >= YEAR.from && c.closure!.closedOn <= YEAR.to).toBe(true);
    const strata = new Set(closed.map(stratumOf));
    if (strata.size <= 30) expect(new Set(sample.map(stratumOf))).toEqual(strata);
  });

  it('allocates exactly the sample size, never more than a stratum holds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 120 }), (sizes, size) => {
        const m = new Map(sizes.map((n, i) => [`s${i}`, n]));
        const got = allocate(m, size);
        const total = sizes.reduce((a, b) => a + b, 0);
        expect([...got.values()].reduce((a, b) => a + b, 0)).toBe(Math.min(size, total));
        for (const [k, n] of got) expect(n).toBeLessThanOrEqual(m.get(k)!);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('checking a file', () => {
  const withProcess = cases.filter((c) => c.closure && processStartedOn(c));

  it('proves what the record shows and leaves the rest to the auditor, saying why', () => {
    expect(withProcess.length).toBeGreaterThan(5);
    for (const c of withProcess.slice(0, 20)) {
      const checks = auditCaseFile(c, '2026-03-01');
      expect(checks.map((x) => x.check)).toEqual(['information-given', 'facts-acknowledged', 'written-consent', 'risk-before-contact', 'participants-prepared', 'outcome-monitored', 'feedback-sought']);
      expect(checks.find((x) => x.check === 'facts-acknowledged')?.result).toBe('for-the-auditor');
      for (const x of checks) expect(x.detail.length).toBeGreaterThan(5);
    }
  });

  it('finds contact before a signed-off risk assessment, and consent signed after the process started', () => {
    const c = structuredClone(withProcess.find((x) => auditCaseFile(x, '2026-03-01').find((k) => k.check === 'risk-before-contact')?.result === 'met')!) as Case;
    const start = processStartedOn(c)!;
    for (const p of c.participants) for (const r of p.risk ?? []) if (r.signOff) r.signOff.at = `${addDay(start)}T10:00:00.000Z`;
    for (const p of c.participants) for (const e of p.consent ?? []) e.on = addDay(start);
    const checks = auditCaseFile(c, '2026-03-01');
    expect(checks.find((k) => k.check === 'risk-before-contact')).toMatchObject({ result: 'not-met', detail: expect.stringMatching(/^contact between the parties on .* without a signed-off risk assessment/) });
    expect(checks.find((k) => k.check === 'written-consent')?.result).toBe('not-met');
  });

  it('totals each check over the files it applies to', () => {
    const files = drawSample(cases, { ...YEAR, size: 30, seed: 's' }).map((c) => ({ checks: auditCaseFile(c, '2026-03-01') }));
    const totals = auditTotals(files);
    expect(totals.find((t) => t.check === 'facts-acknowledged')).toEqual({ check: 'facts-acknowledged', met: 0, applicable: 0, percent: null });
    for (const t of totals) if (t.applicable) expect(t.percent).toBe(Math.round((t.met / t.applicable) * 100));
  });
});

function addDay(d: string): string {
  return new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
