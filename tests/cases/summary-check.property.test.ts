import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSummarySchema, EXITS, STAGES, summarise, summariseWith } from '../../src-main/domain/cases/case';
import { isCaseSummary } from '../../src-main/domain/cases/case-summary-check';
import { generateDemoCases } from '../../src-main/demo/demo-cases';
import { CaseFactsSchema } from '../../src-main/domain/cases/case-facts';
import { asInput } from '../../src-main/domain/shared/text';
import { isPlainFacts } from '../../src-main/services/cases/facts';

/**
 * The hand-written summary check must agree exactly with CaseSummarySchema: the store trusts
 * it when unlocking. Rows are built from generators that mix valid values with near misses
 * (impossible dates, wrong prefixes, over-long text, wrong types), so both sides are
 * exercised on the boundary, not only on obvious garbage.
 */
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const lowerAlnum = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: min, maxLength: max });

const date = fc.oneof(
  fc.date({ min: new Date('1899-12-25T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 1890, max: 2400 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.constantFrom('2024-02-29', '2023-02-29', '2100-02-29', '2000-02-29', '1900-01-01', '1899-12-31', '2026-02-31', '2026-04-31', '20260101', '2026-1-01', ' 2026-01-01', '2026-01-01 ', ''),
  fc.string({ maxLength: 12 }),
);
const instant = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(date, fc.constantFrom('T09:30:00Z', 'T09:30Z', 'T23:59:59.123456Z', 'T24:00:00Z', 'T09:60:00Z', 'T09:30:00+01:00', 'T09:30:00', 'T09:30:00.Z', ' 09:30:00Z', 'T9:30:00Z')).map(([d, t]) => d + t),
  fc.string({ maxLength: 30 }),
);
const caseId = fc.oneof(lowerAlnum(10, 40).map((s) => `c_${s}`), lowerAlnum(0, 45).map((s) => `c_${s}`), fc.constantFrom('C_abcdefghij', 'c_ABCDEFGHIJ', 'c_abcdefghij!', ''), fc.string({ maxLength: 20 }));
const reference = fc.oneof(
  fc.tuple(fc.constantFrom('RJ', 'R', 'RJ2', 'ABCDEFGHIJ', 'ABCDEFGHIJK', 'rj', '2RJ', 'R-J'), digits(4), fc.integer({ min: 3, max: 7 }).chain((n) => digits(n))).map(([p, y, n]) => `${p}-${y}-${n}`),
  fc.string({ maxLength: 20 }),
);
const staffId = fc.oneof(lowerAlnum(6, 40).map((s) => `s_${s}`), lowerAlnum(0, 45).map((s) => `s_${s}`), fc.constantFrom('S_abcdef', 's_ABCDEF', 'u_abcdefghij', ''), fc.string({ maxLength: 10 }));
const textUpTo = (max: number) => fc.oneof(fc.string({ maxLength: max }), fc.string({ minLength: max - 2, maxLength: max + 2 }), fc.constant('x'.repeat(max + 1)));
const notString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));

const row = fc.record(
  {
    id: fc.oneof(caseId, notString),
    reference: fc.oneof(reference, notString),
    stage: fc.oneof(fc.constantFrom(...STAGES), fc.constantFrom('Closed', 'open', ''), notString),
    exit: fc.oneof(fc.constantFrom(...EXITS), fc.constantFrom('withdraw', ''), fc.constant(undefined), notString),
    receivedOn: fc.oneof(date, notString),
    source: fc.oneof(textUpTo(80), notString),
    offenceCategory: fc.oneof(textUpTo(80), notString),
    names: fc.oneof(fc.array(textUpTo(300), { maxLength: 4 }), fc.array(fc.constant('a'), { minLength: 199, maxLength: 202 }), fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }), notString),
    leadFacilitator: fc.oneof(textUpTo(120), fc.constant(undefined), notString),
    sensitive: fc.oneof(fc.boolean(), notString),
    updatedAt: fc.oneof(instant, notString),
    revision: fc.oneof(fc.integer({ min: -2, max: 1_000_000 }), fc.double(), fc.constant(1.5), fc.constant(Number.NaN), notString),
    leadFacilitatorId: fc.oneof(staffId, fc.constant(undefined), notString),
    coFacilitatorId: fc.oneof(staffId, fc.constant(undefined), notString),
    nextDue: fc.oneof(date, fc.constant(undefined), notString),
    extra: fc.oneof(fc.string(), fc.integer()),
  },
  { requiredKeys: [] },
);

/** A valid row with at most one field replaced by a value from `row` (or an own `__proto__` key). */
const validRow = fc.record({
  id: lowerAlnum(10, 40).map((s) => `c_${s}`),
  reference: fc.tuple(digits(4), digits(4)).map(([y, n]) => `RJ-${y}-${n}`),
  stage: fc.constantFrom(...STAGES),
  receivedOn: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  source: fc.string({ maxLength: 80 }),
  offenceCategory: fc.string({ maxLength: 80 }),
  names: fc.array(fc.string({ maxLength: 300 }), { maxLength: 5 }),
  sensitive: fc.boolean(),
  updatedAt: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  revision: fc.integer({ min: 1, max: 10_000 }),
  leadFacilitatorId: fc.option(lowerAlnum(6, 40).map((s) => `s_${s}`), { nil: undefined }),
  nextDue: fc.option(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined }),
});
const nearlyValid = fc.tuple(validRow, row, fc.nat(), fc.integer({ min: 0, max: 9 })).map(([base, mutation, n, kind]) => {
  const out: Record<string, unknown> = { ...base };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  if (kind === 0) return out;
  if (kind === 1) {
    Object.defineProperty(out, '__proto__', { value: 'x', enumerable: true, configurable: true, writable: true });
    return out;
  }
  const keys = Object.keys(mutation);
  const k = keys[n % Math.max(1, keys.length)];
  if (k !== undefined) out[k] = (mutation as Record<string, unknown>)[k];
  return out;
});

describe('isCaseSummary agrees with CaseSummarySchema', () => {
  it('on arbitrary rows', () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(isCaseSummary(r)).toBe(CaseSummarySchema.safeParse(r).success);
      }),
      { numRuns: 5_000 },
    );
  });

  it('on rows that are valid except perhaps for one field', () => {
    let valid = 0;
    fc.assert(
      fc.property(nearlyValid, (r) => {
        const ok = CaseSummarySchema.safeParse(r).success;
        if (ok) valid++;
        expect(isCaseSummary(r)).toBe(ok);
      }),
      { numRuns: 5_000 },
    );
    // Both answers must be well represented, or the agreement proves little.
    expect(valid).toBeGreaterThan(500);
    expect(valid).toBeLessThan(4_500);
  });

  it('on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(isCaseSummary(v)).toBe(CaseSummarySchema.safeParse(v).success);
      }),
      { numRuns: 2_000 },
    );
  });

  it('on every row summarise() makes, with and without the casework fields', () => {
    const cases = generateDemoCases({ count: 300, seed: 'summary-check', now: new Date('2026-03-16T12:00:00Z') });
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.option(lowerAlnum(6, 12), { nil: undefined }), fc.option(fc.constantFrom('2026-03-20', '2024-02-29'), { nil: undefined }), (c, staff, due) => {
        const withTeam = staff ? { ...c, leadFacilitatorId: `s_${staff}`, coFacilitatorId: `s_${staff}x` } : c;
        for (const row of [summarise(c), summariseWith(withTeam, due ? { nextDue: due } : {})]) {
          expect(CaseSummarySchema.safeParse(row).success).toBe(true);
          expect(isCaseSummary(row)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * The process facts' fast check (services/cases/facts.ts) passes only facts CaseFactsSchema keeps
 * unchanged, by the rules for stored text and for text coming in alike: interpreter text with
 * the characters domain/shared/text.ts refuses (C0 and C1 controls, separators, lone
 * surrogates, direction controls, piles of marks) goes to the schema, never around it.
 */
describe('isPlainFacts agrees with CaseFactsSchema on text', () => {
  const odd = fc.constantFrom('\u0007', '\u0085', '\u009b', '\u2028', '\u2029', '\ud800', '\udc00', '\u202e', '\u2066', '\u200c', '\u200d', '\u0301\u0301\u0301\u0301\u0301', '\u0301', ' ', '1');
  const piece = fc.constantFrom('Amira', 'Łukasz', 'محمد', 'رضا', 'Nguyễn', 'Polish', 'Arabic', 'Language Line', 'क्ष');
  const textish = fc.array(fc.oneof(piece, odd), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
  const meeting = (interpreter: Record<string, string>) => ({
    id: 'm_abcdef12',
    kind: 'conference',
    format: 'in-person',
    date: '2026-03-20',
    start: '10:00',
    durationMinutes: 90,
    status: 'confirmed',
    leadFacilitatorId: 's_facil1',
    participantIds: ['p_harmed1'],
    supporterIds: [],
    interpreter,
  });
  const facts = fc.record({ name: textish, language: textish, agency: fc.option(textish, { nil: undefined }) }).map(({ name, language, agency }) => ({
    meetings: [meeting({ name, language, ...(agency === undefined ? {} : { agency }) })],
    feedback: [],
    deadlines: [],
  }));

  it('never passes facts the schema would refuse or change, read as stored or as input', () => {
    let plain = 0;
    fc.assert(
      fc.property(facts, (f) => {
        if (!isPlainFacts(f)) return;
        plain++;
        for (const parse of [() => CaseFactsSchema.safeParse(f), () => asInput(() => CaseFactsSchema.safeParse(f))]) {
          const r = parse();
          expect(r.success).toBe(true);
          expect(r.data).toEqual(f);
        }
      }),
      { numRuns: 3_000 },
    );
    expect(plain).toBeGreaterThan(100);
  });

  it('passes clean facts in any script, joiners between letters included', () => {
    for (const name of ['Amira Haddad', 'محمد‌رضا', 'Nguyễn Thị Lan', 'क्‍ष']) expect(isPlainFacts({ meetings: [meeting({ name, language: 'Arabic' })], feedback: [], deadlines: [] })).toBe(true);
  });
});
