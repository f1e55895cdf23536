import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { registeredShare } from '../../src-main/domain/staff/in-post';
import type { StaffRecord } from '../../src-main/domain/staff/record';
import { addDays, daysInMonth, fromDayNumber, parts } from '../../src-main/domain/time/dates';
import { SHIPPED_QUALITY_RULES as rules } from '../support/quality-rules';

/**
 * The Registered Service Provider share against a count written the long way: whole months of
 * delivery counted from the calendar (a day short of the start day is a month short, unless it
 * is the last day of a shorter month), every condition spelt out one by one.
 */
const day = fc.integer({ min: 18_000, max: 20_800 }).map(fromDayNumber); // 2019 to 2026, leap days included

function wholeMonths(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  const short = b.d < a.d && b.d < daysInMonth(b.y, b.m);
  return (b.y - a.y) * 12 + (b.m - a.m) - (short ? 1 : 0);
}

function bruteForce(staff: StaffRecord[], at: string) {
  let counted = 0;
  let registered = 0;
  for (const m of staff) {
    if (m.level === undefined) continue;
    if (m.started !== undefined && m.started > at) continue;
    if (m.ended !== undefined ? m.ended < at : !m.active) continue;
    if (m.employment === 'volunteer' && (m.started === undefined || wholeMonths(m.started, at) < rules.registeredShare.volunteersCountedAfterMonths)) continue;
    counted++;
    const r = m.registration;
    if (r && r.registeredOn <= at && at <= r.renewalDue) registered++;
  }
  return { counted, registered };
}

// Dates near the day checked and near a year before it, so the edges (the same day, 12 months to the day) come up often.
const near = (at: string) => fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -368, max: -362 }), fc.integer({ min: -1200, max: 400 })).map((n) => addDays(at, n));
const member = (at: string) =>
  fc.record(
    {
      level: fc.constantFrom('foundation', 'intermediate', 'advanced', undefined),
      employment: fc.constantFrom('paid', 'sessional', 'volunteer', undefined),
      active: fc.boolean(),
      started: near(at),
      ended: near(at),
      registeredOn: near(at),
      years: fc.integer({ min: 1, max: 3 }),
    },
    { requiredKeys: ['active', 'years'] },
  );

describe('the registered share', () => {
  it('matches a brute-force count', () => {
    fc.assert(
      fc.property(day.chain((at) => fc.tuple(fc.array(member(at), { maxLength: 25 }), fc.constant(at))), ([raw, at]) => {
        const staff: StaffRecord[] = raw.map((r, i) => ({
          id: `s_p${String(i).padStart(5, '0')}`,
          name: `Person ${i}`,
          role: 'facilitator',
          active: r.active,
          ...(r.level ? { level: r.level } : {}),
          ...(r.employment ? { employment: r.employment } : {}),
          ...(r.started ? { started: r.started } : {}),
          ...(r.ended && (!r.started || r.ended >= r.started) ? { ended: r.ended } : {}),
          ...(r.registeredOn ? { registration: { level: 'foundation', number: `RJC-${i}`, registeredOn: r.registeredOn, renewalDue: addDays(r.registeredOn, 365 * r.years) } } : {}),
        }));
        const got = registeredShare(staff, at, rules);
        const want = bruteForce(staff, at);
        expect({ counted: got.counted, registered: got.registered }).toEqual(want);
        expect(got.share).toBe(want.counted === 0 ? 0 : want.registered / want.counted);
        expect(got.met).toBe(want.counted > 0 && want.registered / want.counted >= 0.6);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
