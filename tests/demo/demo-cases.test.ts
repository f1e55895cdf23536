import { describe, expect, it } from 'vitest';
import { CaseSchema, EXITS, STAGES, type Case } from '../../src-main/domain/cases/case';
import { parseCaseFile, toCaseFile } from '../../src-main/domain/cases/case-file';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';
import { mulberry32, seedFrom } from '../../src-main/demo/prng';

const NOW = new Date('2026-03-01T12:00:00Z');
const TODAY = '2026-03-01';
const THREE_YEARS_AGO = '2023-03-01';
const gen = (count: number, seed: string | number = 1, now = NOW) => generateDemoCases({ count, seed, now });

const big = gen(500, 'coverage');
const people = (cs: Case[]) => cs.flatMap((c) => c.participants.map((p) => p.person));
const ageAt = (dob: string, on: string) => (Date.parse(on) - Date.parse(dob)) / (365.25 * 86_400_000);

describe('determinism', () => {
  it('gives the same cases for the same seed, count and date', () => {
    expect(gen(50, 42)).toEqual(gen(50, 42));
    expect(gen(50, 'demo')).toEqual(gen(50, 'demo'));
  });

  it('gives different cases for different seeds', () => {
    const a = gen(20, 1);
    const b = gen(20, 2);
    expect(a.map((c) => c.id)).not.toEqual(b.map((c) => c.id));
    expect(JSON.stringify(a)).not.toEqual(JSON.stringify(b));
  });

  it('uses its own PRNG, not Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    try {
      expect(() => gen(20, 3)).not.toThrow();
    } finally {
      Math.random = original;
    }
  });

  it('keeps mulberry32 and seedFrom stable (changing them would change every demo store)', () => {
    // Values from the reference mulberry32 (Tommy Ettinger's, as commonly published in JavaScript).
    const r = mulberry32(42);
    expect([r(), r(), r()].map((x) => x.toFixed(8))).toEqual(['0.60110375', '0.44829056', '0.85246579']);
    expect(seedFrom(42)).toBe(42);
    expect(seedFrom('42')).not.toBe(seedFrom('43'));
  });
});

describe('validity', () => {
  it.each([1, 2, 'demo', 987654321])('every case passes CaseSchema (seed %s, 500 cases)', (seed) => {
    const cs = gen(500, seed);
    expect(cs).toHaveLength(500);
    for (const c of cs) {
      const r = CaseSchema.safeParse(c);
      expect(r.success ? 'valid' : { reference: c.reference, issues: r.error.issues }).toBe('valid');
      expect(r.success && r.data).toEqual(c); // nothing left to trim or normalise
    }
  });

  it('can be imported as a file, as the casebook makes them: ids and references unique, every workflow rule kept', () => {
    // With the casebook's staff and venues, as `casebook demo` makes them: without, cases stop at
    // the referral and its people whatever their stage, which no import accepts.
    const made = generateDemoCases({ count: 500, seed: 'coverage', now: NOW, resources: demoResources(500) });
    const r = parseCaseFile(JSON.parse(JSON.stringify(toCaseFile(made, NOW))), { today: TODAY });
    expect(r.ok ? 'ok' : r.problems.slice(0, 5)).toBe('ok');
  });

  it('uses the documented id and reference shapes, with the year it was received', () => {
    for (const c of big) {
      expect(c.id).toMatch(/^c_[a-z0-9]{16}$/);
      expect(c.reference).toMatch(/^RJ-\d{4}-\d{4}$/);
      expect(c.reference.slice(3, 7)).toBe(c.referral.receivedOn.slice(0, 4));
      for (const p of c.participants) expect(p.id).toMatch(/^p_[a-z0-9]{10}$/);
    }
    expect(new Set(big.map((c) => c.reference)).size).toBe(500);
    expect(new Set(big.flatMap((c) => c.participants.map((p) => p.id))).size).toBe(big.reduce((n, c) => n + c.participants.length, 0));
  });

  it('dates everything in the three years before now, offence before referral, timeline in order', () => {
    for (const c of big) {
      const r = c.referral;
      expect(r.receivedOn >= THREE_YEARS_AGO && r.receivedOn < TODAY).toBe(true);
      if (r.offenceDate) expect(r.offenceDate <= r.receivedOn).toBe(true);
      expect(c.createdAt <= c.updatedAt).toBe(true);
      expect(c.updatedAt < NOW.toISOString()).toBe(true);
      const ats = c.timeline.map((e) => e.at);
      expect(ats).toEqual([...ats].sort());
      expect(ats[0]?.slice(0, 10)).toBe(r.receivedOn);
      if (c.exit) expect(c.exit.on >= r.receivedOn && c.exit.on < TODAY).toBe(true);
    }
  });

  it('avoids references and ids already taken', () => {
    const first = gen(30, 'a');
    const more = generateDemoCases({ count: 30, seed: 'a', now: NOW, takenReferences: first.map((c) => c.reference), takenIds: first.map((c) => c.id) });
    const all = [...first, ...more];
    expect(new Set(all.map((c) => c.reference)).size).toBe(60);
    expect(new Set(all.map((c) => c.id)).size).toBe(60);
  });

  it('handles zero and refuses nonsense counts', () => {
    expect(gen(0)).toEqual([]);
    expect(() => gen(-1)).toThrow(RangeError);
    expect(() => gen(1.5)).toThrow(RangeError);
  });
});

describe('realism', () => {
  it('covers every stage and every kind of exit', () => {
    expect(new Set(big.map((c) => c.stage))).toEqual(new Set(STAGES));
    expect(new Set(big.flatMap((c) => (c.exit ? [c.exit.kind] : [])))).toEqual(new Set(EXITS));
  });

  it('uses every referral source in product.md', () => {
    const sources = new Set(big.map((c) => c.referral.source));
    for (const s of [
      'Police',
      'Probation',
      'Prison',
      'Youth offending team',
      'Victim services',
      'Court',
      'Self-referral (person harmed)',
      'Self-referral (person responsible)',
      'Health/GP',
      'Education',
      'Housing or ASB team',
      'Other',
    ]) {
      expect(sources, s).toContain(s);
    }
  });

  it('has a spread of offences, including sensitive ones flagged as such', () => {
    const cats = new Set(big.map((c) => c.referral.offenceCategory));
    for (const o of ['Burglary', 'Assault', 'Criminal damage', 'Theft', 'Robbery', 'Harassment', 'Hate crime', 'Domestic abuse']) expect(cats).toContain(o);
    for (const c of big.filter((x) => ['Hate crime', 'Domestic abuse'].includes(x.referral.offenceCategory))) expect(c.referral.sensitive.length).toBeGreaterThan(0);
  });

  it('has names in many scripts', () => {
    const names = people(big).map((p) => `${p.givenName} ${p.familyName}`);
    const has = (re: RegExp) => names.some((n) => re.test(n));
    expect(has(/[âêîôûŵŷ]/)).toBe(true); // Welsh
    expect(has(/Ł|ł|ś|ż|ą|ę/)).toBe(true); // Polish
    expect(has(/Ş|ş|ğ|ı|İ/)).toBe(true); // Turkish
    expect(has(/Nguyễn|[ạ-ỹ]/)).toBe(true); // Vietnamese
    expect(has(/\p{Script=Greek}/u)).toBe(true);
    expect(has(/\p{Script=Cyrillic}/u)).toBe(true);
    expect(has(/\p{Script=Arabic}/u)).toBe(true); // Arabic and Urdu
    expect(has(/\p{Script=Han}/u)).toBe(true);
    expect(has(/\p{Script=Gurmukhi}/u)).toBe(true);
    expect(has(/[ȘșȚță]/)).toBe(true); // Romanian
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/Warsame|Abdullahi|Farah|Cali|Jaamac|Ismaaciil/)])); // Somali
  });

  it('includes under-18s, each with a parent or guardian taking part', () => {
    let youths = 0;
    for (const c of big) {
      const minors = c.participants.filter((p) => p.role !== 'parent-guardian' && p.person.dateOfBirth && ageAt(p.person.dateOfBirth, c.referral.receivedOn) < 18);
      youths += minors.length;
      if (minors.length > 0) expect(c.participants.some((p) => p.role === 'parent-guardian')).toBe(true);
    }
    expect(youths).toBeGreaterThan(20);
  });

  it('gives every case a person harmed and a person responsible', () => {
    for (const c of big) {
      expect(c.participants.some((p) => p.role === 'harmed')).toBe(true);
      expect(c.participants.some((p) => p.role === 'responsible')).toBe(true);
    }
  });
});
