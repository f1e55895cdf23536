import { describe, expect, it } from 'vitest';
import type { Framework } from '../../src-main/domain/quality/frameworks';
import { hasIndicator, progress, SaveIndicatorAnswerInputSchema } from '../../src-main/domain/quality/health-check';
import { healthCheckGaps, type GapFacts } from '../../src-main/domain/quality/health-check-gaps';
import type { ComplianceStatus, ServiceCompliance } from '../../src-main/domain/staff/compliance-schema';

/** The health check's pure rules: progress by standard, and the gaps the casebook's facts show. */
const FRAMEWORK: Framework = {
  version: 1,
  id: 'test',
  title: 'Test framework',
  purpose: 'Testing',
  standards: [
    {
      number: '2',
      title: 'Policies',
      indicators: [
        { number: '2.1', title: 'Policies exist', evidence: [{ kind: 'narrative' }] },
        { number: '2.3', title: 'Policies are reviewed', evidence: [{ kind: 'policies' }] },
      ],
    },
    {
      number: '4',
      title: 'Supervision',
      indicators: [
        { number: '4.1', title: 'Case supervision', evidence: [{ kind: 'staff-compliance', items: ['supervision'] }, { kind: 'registered-share' }] },
        { number: '4.2', title: 'Observed practice', evidence: [{ kind: 'staff-compliance', items: ['observed-practice'] }] },
      ],
    },
    { number: '5', title: 'Delivery', indicators: [{ number: '5.1', title: 'Risk', evidence: [{ kind: 'case-file-audit', items: ['risk-before-contact', 'facts-acknowledged'] }] }] },
  ],
};

const person = (id: string, supervision: ComplianceStatus, observed: ComplianceStatus = 'met') => ({
  staffId: `s_${id}000000`,
  name: id,
  level: null,
  checks: [
    { rule: 'supervision' as const, status: supervision, due: null, detail: '' },
    { rule: 'observed-practice' as const, status: observed, due: null, detail: '' },
  ],
});

function facts(over: Partial<GapFacts> = {}, staff: ServiceCompliance['staff'] = []): GapFacts {
  return {
    compliance: { at: '2026-03-16', registeredShare: 1, registeredShareMet: true, counted: staff.length, registered: staff.length, staff },
    rules: { supervision: { everyWeeks: 12, supervisorLevel: 'advanced' }, registeredShare: { minimum: 0.6, volunteersCountedAfterMonths: 6 } },
    overdueReviews: 0,
    closedSince: '2026-01-01',
    shortfalls: {},
    ...over,
  };
}

describe('health check progress', () => {
  it('counts every indicator unanswered when nothing is saved', () => {
    const p = progress(FRAMEWORK, []);
    expect(p.overall).toEqual({ met: 0, partly: 0, notYet: 0, unanswered: 5, total: 5 });
    expect(p.standards.map((s) => `${s.number} ${s.unanswered}/${s.total}`)).toEqual(['2 2/2', '4 2/2', '5 1/1']);
  });

  it('counts ratings per standard; a narrative without a rating, another framework, and a dropped indicator do not count', () => {
    const p = progress(FRAMEWORK, [
      { framework: 'test', indicator: '2.1', rating: 'met' },
      { framework: 'test', indicator: '2.3', rating: 'partly' },
      { framework: 'test', indicator: '4.1', rating: 'not-yet' },
      { framework: 'test', indicator: '4.2' },
      { framework: 'test', indicator: '9.9', rating: 'met' },
      { framework: 'rsqm', indicator: '5.1', rating: 'met' },
    ]);
    expect(p.overall).toEqual({ met: 1, partly: 1, notYet: 1, unanswered: 2, total: 5 });
    expect(p.standards[0]).toMatchObject({ number: '2', met: 1, partly: 1, unanswered: 0 });
    expect(p.standards[1]).toMatchObject({ number: '4', notYet: 1, unanswered: 1 });
  });

  it('knows which indicators a framework lists', () => {
    expect(hasIndicator(FRAMEWORK, '4.1')).toBe(true);
    expect(hasIndicator(FRAMEWORK, '4.3')).toBe(false);
  });
});

describe('the answer the contract accepts', () => {
  const base = { framework: 'rsqm', indicator: '4.1' };
  it('takes a rating alone, a narrative alone, or policies alone', () => {
    expect(SaveIndicatorAnswerInputSchema.safeParse({ ...base, rating: 'partly' }).success).toBe(true);
    expect(SaveIndicatorAnswerInputSchema.safeParse({ ...base, narrative: 'x'.repeat(10_000) }).success).toBe(true);
  });
  it.each([
    ['nothing to save', {}, 'rating'],
    ['an empty narrative', { narrative: '   ' }, 'narrative'],
    ['a narrative over 10,000 characters', { narrative: 'x'.repeat(10_001) }, 'narrative'],
    ['a rating not on the list', { rating: 'exceeded' }, 'rating'],
    ['the same policy twice', { policyIds: ['pol_abcdefghij', 'pol_abcdefghij'] }, 'policyIds'],
    ['an indicator that is not a number', { indicator: 'four' }, 'indicator'],
    ['a signer sent by the caller', { rating: 'met', updatedBy: 's_abcdef' }, ''],
  ])('refuses %s, naming the field', (_, over, field) => {
    const r = SaveIndicatorAnswerInputSchema.safeParse({ ...base, ...over });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('the gaps the app can see', () => {
  it('sees none when everything is in order', () => {
    expect(healthCheckGaps(FRAMEWORK, facts({}, [person('a', 'met')]))).toEqual([]);
  });

  it('counts practitioners past their supervision, overdue or never supervised, and not those only due soon', () => {
    const gaps = healthCheckGaps(FRAMEWORK, facts({}, [person('a', 'overdue'), person('b', 'not-met'), person('c', 'due-soon'), person('d', 'met', 'overdue')]));
    expect(gaps).toEqual([
      { indicator: '4.1', text: '2 practitioners past 12 weeks without case supervision' },
      { indicator: '4.2', text: '1 practitioner overdue for observed practice' },
    ]);
  });

  it('names overdue policy reviews for the indicator citing policies, and a registered share below the minimum', () => {
    const f = facts({ overdueReviews: 1 }, [person('a', 'met')]);
    const gaps = healthCheckGaps(FRAMEWORK, { ...f, compliance: { ...f.compliance, counted: 5, registered: 2, registeredShare: 0.4, registeredShareMet: false } });
    expect(gaps).toEqual([
      { indicator: '2.3', text: '1 policy past the review date' },
      { indicator: '4.1', text: '2 of 5 practitioners registered with the RJC, below the 60% asked for' },
    ]);
  });

  it('counts closed cases with contact before a signed-off risk assessment, only for the checks the indicator cites', () => {
    const gaps = healthCheckGaps(FRAMEWORK, facts({ shortfalls: { 'risk-before-contact': 3, 'written-consent': 2 } }));
    expect(gaps).toEqual([{ indicator: '5.1', text: '3 cases closed since 1 January 2026 had contact between the parties before a signed-off risk assessment' }]);
  });
});
