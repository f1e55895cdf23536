import { describe, expect, it } from 'vitest';
import { apply, caseworkWorld, people, referral } from '../support/casebook';
import { steps } from '../support/steps';

describe('caseload and dashboard', () => {
  it('searches, filters and sorts the case list from the summary rows', async () => {
    const w = await caseworkWorld();
    const a = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    const b = await w.call('createReferral', {
      referral: referral({
        source: 'youth-justice',
        receivedOn: '2026-03-12',
        offenceCategory: 'hate-crime',
        sensitive: ['hate-crime'],
        participants: [
          { role: 'harmed', person: { givenName: 'Αλέξανδρος', familyName: 'Παπαδόπουλος' } },
          { role: 'responsible', person: { givenName: 'Zoë', familyName: 'Brontë', dateOfBirth: '2010-06-01' } },
        ],
      }),
      duplicatesSeen: true,
    });
    await apply(w, b, { type: 'advance' });
    const refs = async (q: Parameters<typeof w.call<'queryCaseload'>>[1]) => (await w.call('queryCaseload', q)).rows.map((r) => r.reference);
    expect(await refs({})).toEqual([b.case.reference, a.case.reference]);
    expect(await refs({ search: 'zoe bronte' })).toEqual([b.case.reference]);
    expect(await refs({ search: 'sian' })).toEqual([a.case.reference]);
    expect(await refs({ search: 'αλεξανδροσ' })).toEqual([b.case.reference]);
    expect(await refs({ search: 'burglary' })).toEqual([a.case.reference]);
    expect(await refs({ stages: ['screening'] })).toEqual([b.case.reference]);
    expect(await refs({ sensitive: true })).toEqual([b.case.reference]);
    expect(await refs({ source: 'Youth offending team' })).toEqual([b.case.reference]);
    expect(await refs({ sort: { column: 'reference', direction: 'asc' } })).toEqual([a.case.reference, b.case.reference]);
    const page = await w.call('queryCaseload', { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, rows: [{ reference: a.case.reference }] });
    const bad = await w.fails('queryCaseload', { stages: ['nowhere'] } as never);
    expect(bad.code).toBe('INVALID_INPUT');
  });

  it('shows my cases, overdue and due-soon cases and counts by stage, from the rows alone', async () => {
    const w = await caseworkWorld();
    // Received Friday 13 March: first contact with the person harmed is due Tuesday 17 March.
    let mine = await w.call('createReferral', { referral: referral({ receivedOn: '2026-03-13' }), duplicatesSeen: true });
    mine = await apply(w, mine, { type: 'advance' });
    mine = await apply(w, mine, { type: 'assign-team', leadId: w.staff.jo });
    // Someone else's case, received earlier: overdue. (Changed a few minutes later.)
    w.clock.set('2026-03-16T10:05:00.000Z');
    let theirs = await w.call('createReferral', { referral: referral({ receivedOn: '2026-03-02', offenceDate: '2026-02-27' }), duplicatesSeen: true });
    theirs = await apply(w, theirs, { type: 'advance' });
    theirs = await apply(w, theirs, { type: 'assign-team', leadId: w.staff.alex, coFacilitatorId: w.staff.sian });

    let board = await w.call('getDashboard', {});
    expect(board.byStage.screening).toBe(2);
    expect(board.open).toBe(2);
    // "Me" is the member of staff with the signed-in user's name (Jo Whitfield).
    expect(board.myCases.map((r) => r.id)).toEqual([mine.case.id]);
    expect(board.overdue.map((r) => r.id)).toEqual([theirs.case.id]);
    expect(board.dueSoon.map((r) => r.id)).toEqual([mine.case.id]);
    expect(board.recentlyChanged[0]?.id).toBe(theirs.case.id);
    expect((await w.call('queryCaseload', { overdue: true })).rows.map((r) => r.id)).toEqual([theirs.case.id]);
    expect((await w.call('queryCaseload', { facilitator: w.staff.sian })).rows.map((r) => r.id)).toEqual([theirs.case.id]);

    // Contact made: the deadline is met and the row's next due date moves on.
    const s = steps(await w.call('getCaseworkReference', {}));
    theirs = await apply(w, theirs, s.contact(people(theirs).harmed, '2026-03-04'));
    board = await w.call('getDashboard', {});
    expect(board.overdue.map((r) => r.id)).toEqual([]);

    // Time passes: Jo's case becomes overdue without being opened.
    w.clock.set('2026-03-18T09:00:00.000Z');
    board = await w.call('getDashboard', {});
    expect(board.overdue.map((r) => r.id)).toEqual([mine.case.id]);

    // A facilitator with no staff record of their own name has no "my cases".
    await w.as('facilitator');
    expect((await w.call('getDashboard', {})).myCases.map((r) => r.id)).toEqual([]);
  });
});
