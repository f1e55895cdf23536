import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-main/domain/cases/case';
import type { CaseView } from '../../src-main/domain/cases/case-view';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';
import { apply, caseworkWorld, createdService, people, referral, type World } from '../support/casebook';

/**
 * What the casebook makes, it takes back: a demo casebook exported and imported into a fresh one.
 * What is not what it seems is refused at the way in, with its place, and nothing is stored;
 * what was stored before the rules keeps opening and can still be changed.
 */
const file = (cases: unknown[]) => new TextEncoder().encode(JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases }));

describe('export and import', () => {
  it('a demo casebook of a few hundred cases exports and imports into a fresh casebook unchanged', async () => {
    const from = await createdService();
    const to = await createdService();
    try {
      await from.service.addDemoCases({ count: 300, seed: 'round-trip' });
      const exported = await from.service.exportCases();
      expect(exported).toMatchObject({ saved: true, cases: 300 });
      to.files.toPick.push({ name: exported.fileName, bytes: from.files.last().bytes });
      expect(await to.service.importCaseFile()).toEqual({ picked: true, imported: 300 });
      const strip = (c: Case) => ({ ...c, revision: 0, updatedAt: '' });
      for (const row of from.service.listCases({})) expect(strip(await to.service.getCase(row.id))).toEqual(strip(await from.service.getCase(row.id)));
    } finally {
      await from.service.close();
      await to.service.close();
      await from.cleanup();
      await to.cleanup();
    }
  }, 120_000);
});

/** Fields of one line in a case, each with a way to set it. */
const SINGLE_LINE: [string, (c: Case, s: string) => void][] = [
  ['participants[0].person.givenName', (c, s) => (c.participants[0]!.person.givenName = s)],
  ['participants[0].person.preferredName', (c, s) => (c.participants[0]!.person.preferredName = s)],
  ['participants[0].person.phone', (c, s) => (c.participants[0]!.person.phone = s)],
  ['participants[0].person.language', (c, s) => (c.participants[0]!.person.language = s)],
  ['referral.referrerName', (c, s) => (c.referral.referrerName = s)],
  ['referral.source', (c, s) => (c.referral.source = s)],
  ['leadFacilitator', (c, s) => (c.leadFacilitator = s)],
  ['timeline[0].by', (c, s) => (c.timeline[0]!.by = s)],
];
const BAD = fc.constantFrom('\u0085', '\u009b', '\u2028', '\u2029', '\ud800', '\udfff', '\u202a', '\u202e', '\u2066', '\u2069', 'e\u0301\u0301\u0301\u0301\u0301');

describe('an import file with text that is not what it seems', () => {
  it('is refused with the field named, and nothing in the casebook changes', async () => {
    const t = await createdService();
    try {
      const cases = generateDemoCases({ count: 40, seed: 'refused', now: new Date(), resources: demoResources(40) });
      const [kept, ...rest] = cases;
      await t.service.importCases([kept!]);
      const before = JSON.stringify(await t.service.getCase(kept!.id));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...rest), fc.constantFrom(...SINGLE_LINE), BAD, fc.nat(), async (base, [path, set], bad, at) => {
          const c = JSON.parse(JSON.stringify(base)) as Case;
          const word = 'Nadia';
          set(c, word.slice(0, (at % 4) + 1) + bad + word.slice((at % 4) + 1));
          t.files.toPick.push({ name: 'cases.json', bytes: file([c]) });
          const e = await t.service.importCaseFile().then(
            () => undefined,
            (x: unknown) => x as { code: string; details: { issues: { path: string; message: string }[] } },
          );
          expect(e?.code).toBe('INVALID_INPUT');
          expect(e!.details.issues.map((i) => i.path)).toContain(`cases[0].${path}`);
          for (const i of e!.details.issues) expect(i.message).not.toContain('Nad');
          expect(t.service.listCases({}).map((r) => r.id)).toEqual([kept!.id]);
        }),
        { numRuns: 60 },
      );
      expect(JSON.stringify(await t.service.getCase(kept!.id))).toBe(before);
    } finally {
      await t.service.close();
      await t.cleanup();
    }
  }, 120_000);
});

describe('a command with text that is not what it seems', () => {
  async function start(): Promise<{ w: World; v: CaseView }> {
    const w = await caseworkWorld();
    return { w, v: await w.call('createReferral', { referral: referral(), duplicatesSeen: true }) };
  }

  it('is refused in a field of one line with its path, and the case is not changed', async () => {
    const { w, v } = await start();
    const { harmed } = people(v);
    const person = v.case.participants.find((p) => p.id === harmed)!.person;
    for (const [field, value] of [['phone', '07700\u202e900123'], ['preferredName', 'Si\u0085ân'], ['givenName', 'Z' + '\u0301'.repeat(119)], ['language', 'Wel\u2028sh']] as const) {
      const e = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'update-person', participantId: harmed, person: { ...person, [field]: value } } });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.details?.issues?.map((i) => i.path)).toEqual([`command.person.${field}`]);
    }
    expect((await w.call('getCaseView', { id: v.case.id })).case).toEqual(v.case);
  });

  it('keeps direction controls in notes, where right-to-left writing may need them', async () => {
    const { w, v } = await start();
    const notes = 'قالت: \u202bشكراً لكم\u202c, then left.';
    const after = await apply(w, v, { type: 'set-notes', notes });
    expect(after.case.notes).toBe(notes);
  });
});

describe('a case stored before these rules', () => {
  it('opens and takes changes, though its text would now be refused at the way in', async () => {
    const w = await caseworkWorld();
    const [c] = generateDemoCases({ count: 1, seed: 'stored-before', now: w.clock.now, resources: demoResources(1) }).filter((x) => x.stage === 'referral' || x.stage === 'screening');
    const old: Case = { ...(c ?? generateDemoCases({ count: 1, seed: 'fallback', now: w.clock.now })[0]!), stage: 'referral', notes: 'Pasted\u0085 from an old\u2028system' };
    old.participants = old.participants.map((p, i) => (i === 0 ? { ...p, person: { ...p.person, phone: '07700\u202e900123', givenName: 'Z' + '\u0301'.repeat(9) } } : p));
    // Stored as the casebook stored it then: through the service, not a file or a command.
    await w.service.importCases([old]);
    const v = await w.call('getCaseView', { id: old.id });
    expect(v.case.notes).toBe(old.notes);
    expect(v.case.participants[0]!.person.phone).toBe('07700\u202e900123');
    const after = await apply(w, v, { type: 'set-notes', notes: 'Cleaned up.' });
    expect(after.case.notes).toBe('Cleaned up.');
    expect(after.case.participants[0]!.person.phone).toBe('07700\u202e900123');
  });
});
