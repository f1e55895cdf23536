import { describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotDir } from '../support/fault/fixtures';
import { apply, caseworkWorld, people, referral, RESPONSIBLE, HARMED } from '../support/casebook';

describe('casework refuses what it must, and then writes nothing', () => {
  it('refuses a change made on a revision someone else has since changed', async () => {
    const w = await caseworkWorld();
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    // Two people open revision 1; the first saves.
    const first = await apply(w, v, { type: 'set-notes', notes: 'Called the referrer back.' });
    expect(first.case.revision).toBe(2);
    const before = await snapshotDir(w.dir);
    const second = await w.fails('applyCaseCommand', { caseId: v.case.id, revision: 1, command: { type: 'set-notes', notes: 'My version of the notes.' } });
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toMatch(/Someone else changed this case.*reload/);
    expect(diffSnapshots(before, await snapshotDir(w.dir))).toEqual([]);
    expect((await w.call('getCaseView', { id: v.case.id })).case.notes).toBe('Called the referrer back.');
    // A revision that was never issued is refused the same way.
    expect((await w.fails('applyCaseCommand', { caseId: v.case.id, revision: 99, command: { type: 'set-notes', notes: 'x' } })).code).toBe('CONFLICT');
  });

  it('shows possible duplicates, refuses to save until they have been seen, and lists them', async () => {
    const w = await caseworkWorld();
    const v1 = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    // Another service referred the same person harmed (names typed the other way round, no accents).
    const again = referral({
      source: 'victim-services',
      offenceDate: '2026-02-14',
      offenceCategory: 'criminal-damage',
      participants: [{ role: 'harmed', person: { givenName: 'EVANS', familyName: 'Sian', dateOfBirth: HARMED.dateOfBirth } }],
    });
    const dups = await w.call('checkReferralDuplicates', again);
    expect(dups).toEqual([{ caseId: v1.case.id, reference: 'RJ-2026-0001', reasons: ['same-person'], names: ['Siân Evans'] }]);
    const before = await snapshotDir(w.dir);
    const refused = await w.fails('createReferral', { referral: again, duplicatesSeen: false });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/RJ-2026-0001 \(the same person\)/);
    expect(refused.message).not.toMatch(/Evans|Siân/);
    expect(refused.details?.issues).toEqual([{ path: 'duplicatesSeen', message: 'RJ-2026-0001: the same person' }]);
    expect(diffSnapshots(before, await snapshotDir(w.dir))).toEqual([]);

    // The same offence: same date and category, and someone with the same family name.
    const sameOffence = referral({ source: 'court', participants: [{ role: 'responsible', person: { givenName: 'Marek', familyName: RESPONSIBLE.familyName } }] });
    expect((await w.call('checkReferralDuplicates', sameOffence)).map((d) => d.reasons)).toEqual([['same-offence']]);
    // A different person and offence is not flagged.
    const other = referral({ offenceDate: '2026-01-02', participants: [{ role: 'harmed', person: { givenName: 'Ann', familyName: 'Other', dateOfBirth: '1970-01-01' } }] });
    expect(await w.call('checkReferralDuplicates', other)).toEqual([]);

    const v2 = await w.call('createReferral', { referral: again, duplicatesSeen: true });
    expect(v2.case.reference).toBe('RJ-2026-0002');
  });

  it('refuses impossible dates with a message at each field, and writes nothing', async () => {
    const w = await caseworkWorld();
    const before = await snapshotDir(w.dir);
    const cases: [Parameters<typeof referral>[0], string, RegExp][] = [
      // An offence in the future is necessarily after the referral: either message will do.
      [{ offenceDate: '2026-03-20' }, 'referral.offenceDate', /in the future|after the referral was received/],
      [{ receivedOn: '2026-03-17', offenceDate: '2026-03-01' }, 'referral.receivedOn', /in the future/],
      [{ receivedOn: '2026-02-10', offenceDate: '2026-02-20' }, 'referral.offenceDate', /after the referral was received/],
      [{ offenceDate: '2026-02-31' }, 'referral.offenceDate', /real date/],
      [{ participants: [{ role: 'harmed', person: { ...HARMED, dateOfBirth: '2027-01-01' } }] }, 'referral.participants.0.person.dateOfBirth', /after the referral|in the future/],
    ];
    for (const [over, path, message] of cases) {
      const e = await w.fails('createReferral', { referral: referral(over), duplicatesSeen: false });
      expect(e.code, path).toBe('INVALID_INPUT');
      expect(e.details?.issues?.find((i) => i.path === path)?.message, path).toMatch(message);
      expect(e.message).not.toMatch(/\bat .*\.ts:\d+/);
    }
    // Lists are data: an unknown source is refused by the service's list, not the form's shape.
    const e = await w.fails('createReferral', { referral: referral({ source: 'carrier-pigeon' }), duplicatesSeen: false });
    expect(e.details?.issues).toContainEqual({ path: 'referral.source', message: 'Choose a referral source from the list' });
    expect(diffSnapshots(before, await snapshotDir(w.dir))).toEqual([]);

    // Dates inside a case are checked too: a contact before the referral was received.
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    const p = people(v);
    const contact = await w.fails('applyCaseCommand', {
      caseId: v.case.id,
      revision: 1,
      command: { type: 'record-contact', participantId: p.harmed, entry: { kind: 'contact', on: '2026-03-02', method: 'phone', outcome: 'information-given' } },
    });
    expect(contact).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/before the referral was received/) });
  });

  it('allocates unique references per prefix and year, skipping ones already taken', async () => {
    const w = await caseworkWorld();
    expect((await w.call('createReferral', { referral: referral(), duplicatesSeen: true })).case.reference).toBe('RJ-2026-0001');
    expect((await w.call('createReferral', { referral: referral({ receivedOn: '2025-12-30', offenceDate: '2025-12-01' }), duplicatesSeen: true })).case.reference).toBe('RJ-2025-0001');
    await w.call('updateCaseworkSettings', { referencePrefix: 'NRJ' });
    expect((await w.call('createReferral', { referral: referral(), duplicatesSeen: true })).case.reference).toBe('NRJ-2026-0001');
    await w.call('updateCaseworkSettings', { referencePrefix: 'RJ' });
    expect((await w.call('createReferral', { referral: referral(), duplicatesSeen: true })).case.reference).toBe('RJ-2026-0002');
    const refs = (await w.call('queryCaseload', {})).rows.map((r) => r.reference);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('answers unknown cases with NOT_FOUND and a locked casebook with LOCKED', async () => {
    const w = await caseworkWorld();
    expect((await w.fails('getCaseView', { id: 'c_doesnotexist00' })).code).toBe('NOT_FOUND');
    expect((await w.fails('applyCaseCommand', { caseId: 'c_doesnotexist00', revision: 1, command: { type: 'advance' } })).code).toBe('NOT_FOUND');
    await w.service.lock('manual');
    for (const name of ['getCaseworkReference', 'getDashboard', 'queryCaseload'] as const) expect((await w.fails(name, {})).code).toBe('LOCKED');
    expect(() => w.service.cases.queryCaseload({})).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });
});
