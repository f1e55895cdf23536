import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-main/domain/cases/case';
import { firstNonUtf8, parseCaseFile, parseCaseFileBytes, parseCaseFileText, type ImportResult } from '../../src-main/domain/cases/case-file';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';

/**
 * The review's reproductions, each refused with the place to fix and a message that says what
 * to do without repeating what the file holds; and their neighbours.
 */
const NOW = new Date('2026-03-01T12:00:00Z');
const OPTS = { today: '2026-03-01' };
const made = generateDemoCases({ count: 300, seed: 'file-rules', now: NOW, resources: demoResources(300) });
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
/** A demo case at `stage` (not ended early), as plain JSON to break on purpose. */
const at = (stage: Case['stage'], more: (c: Case) => boolean = () => true): Case => copy(made.find((c) => c.stage === stage && !c.exit && more(c))!);
const file = (...cases: unknown[]) => ({ format: 'rj-casebook-cases', version: 1, cases });

function problems(r: ImportResult) {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}
/** The problems of one file holding `c`, as "path: message". */
const of = (c: unknown) => problems(parseCaseFile(file(c), OPTS)).map((p) => `${p.path}: ${p.message}`);

describe('cases the workflow could not have made', () => {
  it('the demo, as the casebook makes it, passes', () => {
    expect(parseCaseFile(copy(file(...made)), OPTS)).toMatchObject({ ok: true });
  });

  it.each([
    ['referral.receivedOn', (c: Case) => (c.referral.receivedOn = '2100-01-01')],
    ['createdAt', (c: Case) => (c.createdAt = '2100-01-01T00:00:00Z')],
    ['participants[0].person.dateOfBirth', (c: Case) => (c.participants[0]!.person.dateOfBirth = '2100-01-01')],
    ['timeline[0].at', (c: Case) => (c.timeline[0]!.at = '2099-12-31T23:00:00Z')],
    ['participants[0].contacts[0].on', (c: Case) => (c.participants[0]!.contacts![0]!.on = '2026-03-02')],
  ])('refuses %s after today', (path, breakIt) => {
    const c = at('assessment', (x) => x.participants[0]!.contacts !== undefined);
    breakIt(c);
    const p = of(c);
    expect(p).toContainEqual(expect.stringMatching(new RegExp(`^cases\\[0\\]\\.${path.replace(/[.[\]]/g, '\\$&')}: This date is after today`)));
    expect(p.join('\n')).not.toMatch(/2100|2099/);
  });

  it('refuses a last change before the case was made', () => {
    const c = at('screening');
    c.updatedAt = '2020-01-01T00:00:00Z';
    expect(of(c)).toEqual([expect.stringMatching(/^cases\[0\]\.updatedAt: The case was last changed before it was created/)]);
  });

  it('refuses "closed" without a closure, a closure on an open case, and an exit on a closed one', () => {
    const closed = at('closed');
    delete closed.closure;
    expect(of(closed)).toEqual([expect.stringMatching(/^cases\[0\]\.stage: The case is "closed" but has no closure/)]);
    const open = at('monitoring');
    open.closure = { ...at('closed').closure! };
    expect(of(open)).toContainEqual(expect.stringMatching(/^cases\[0\]\.closure: The case has a closure but is not closed/));
    const both = at('closed');
    both.exit = { kind: 'declined', reason: 'Declined.', on: both.closure!.closedOn };
    expect(of(both)).toContainEqual(expect.stringMatching(/^cases\[0\]\.exit: A closed case has no exit/));
  });

  it('refuses a case past the process with no consent or risk assessment, naming each participant', () => {
    const c = at('outcome');
    const taking = c.participants.filter((p) => p.takesPart !== false).length;
    for (const p of c.participants) {
      delete p.consent;
      delete p.risk;
    }
    const p = of(c);
    expect(p.filter((x) => /participants\[\d+\]\.risk: The case is at the outcome stage, so this participant's risk assessment was signed off/.test(x))).toHaveLength(taking);
    expect(p.filter((x) => /participants\[\d+\]\.consent: The case is at the outcome stage, so this participant gave consent/.test(x))).toHaveLength(taking);
    // Someone who does not take part needs neither.
    c.participants = c.participants.map((x) => ({ ...x, takesPart: false }));
    expect(parseCaseFile(file(c), OPTS)).toMatchObject({ ok: true });
  });

  it('refuses a case past contact with no contact recorded, and one past the process with no process chosen', () => {
    const c = at('preparation');
    for (const p of c.participants) delete p.contacts;
    expect(of(c)).toEqual([expect.stringMatching(/no contact with the person harmed/), expect.stringMatching(/no contact with the person responsible/)]);
    const d = at('outcome');
    delete d.processKind;
    delete d.processForm;
    expect(of(d)).toEqual([expect.stringMatching(/^cases\[0\]\.processKind: .*add "processKind"/)]);
  });

  it('refuses a flag listed twice, at the second', () => {
    const c = at('screening');
    c.referral.sensitive = ['Domestic abuse', 'Domestic abuse'];
    expect(of(c)).toEqual(['cases[0].referral.sensitive[1]: This flag is already listed; keep it once']);
  });
});

describe('text that is not what it seems, in a file', () => {
  const base = () => at('screening');
  it.each([
    ['notes', (c: Case, s: string) => (c.notes = s)],
    ['participants[0].person.address', (c: Case, s: string) => (c.participants[0]!.person.address = s)],
    ['participants[0].person.phone', (c: Case, s: string) => (c.participants[0]!.person.phone = s)],
    ['participants[0].person.preferredName', (c: Case, s: string) => (c.participants[0]!.person.preferredName = s)],
  ])('%s refuses C1 controls, separators and broken characters, and its place is named', (path, set) => {
    for (const bad of ['\u0085', '\u009b', '\u2028', '\u2029', '\ud800']) {
      const c = base();
      set(c, `Flat 2${bad}12 High Street`);
      const p = of(c);
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(new RegExp(`^cases\\[0\\]\\.${path.replace(/[.[\]]/g, '\\$&')}: `));
      expect(p[0]).not.toContain('High Street');
    }
  });

  it('refuses U+202E in a phone number and a preferred name, keeps it in notes', () => {
    const c = base();
    c.participants[0]!.person.phone = '07700\u202e900123';
    c.participants[0]!.person.preferredName = '\u202eSiân';
    c.notes = 'Quoted as written: \u202bשלום\u202c';
    expect(of(c).map((p) => p.split(':')[0])).toEqual(['cases[0].participants[0].person.preferredName', 'cases[0].participants[0].person.phone']);
  });

  it('refuses a lone surrogate written as a JSON escape', () => {
    const text = JSON.stringify(file(base())).replace(/"givenName":"[^"]*"/, '"givenName":"Si\\ud800n"');
    expect(problems(parseCaseFileText(text, OPTS))).toEqual([{ path: 'cases[0].participants[0].person.givenName', message: expect.stringMatching(/broken character/) }]);
  });

  it('says a name that is not UTF-8 is not UTF-8, and only that', () => {
    const text = JSON.stringify(file(base()));
    const bytes = new TextEncoder().encode(text);
    const at = text.indexOf('"givenName":"') + 14;
    const broken = new Uint8Array([...bytes.slice(0, at), 0xc3, 0x28, ...bytes.slice(at)]);
    expect(problems(parseCaseFileBytes(broken, OPTS))).toEqual([{ path: '(file)', message: expect.stringMatching(/^The file is not UTF-8 text \(first on line 1\)/) }]);
  });

  it('finds the first byte that is not UTF-8 exactly where a strict decoder fails', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.tuple(text, fc.uint8Array({ minLength: 1, maxLength: 3 }), text).map(([a, bad, b]) => new Uint8Array([...new TextEncoder().encode(a), ...bad, ...new TextEncoder().encode(b)])),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstNonUtf8(b);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        expect(at === -1).toBe(valid);
        if (!valid) {
          // Everything before it decodes; the file breaks there.
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, at))).not.toThrow();
        }
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('duplicate keys in a file', () => {
  it('are listed with their place, and the value kept by JSON.parse is not taken silently', () => {
    const text = JSON.stringify(file(base2(), base2('b'))).replace('"notes":"', '"notes":"first","notes":"').replace(/("referral":\{)/g, (_m, g: string) => `${g}"priority":"high",`);
    const p = problems(parseCaseFileText(text, OPTS));
    expect(p).toEqual(
      expect.arrayContaining([
        { path: 'cases[0].notes', message: 'The field "notes" appears twice; keep one' },
        { path: 'cases[0].referral.priority', message: 'The field "priority" appears twice; keep one' },
        { path: 'cases[1].referral.priority', message: 'The field "priority" appears twice; keep one' },
      ]),
    );
    expect(p.map((x) => x.message).join(' ')).not.toContain('first');
  });

  function base2(tag = 'a'): Case {
    const c = at('referral');
    return { ...c, id: `c_dupkeys000${tag}`, reference: `RJ-2026-99${tag === 'a' ? '01' : '02'}`, notes: 'second' };
  }
});
