import { describe, expect, it } from 'vitest';
import { caseworkWorld, HARMED, referral, RESPONSIBLE } from '../support/casebook';

/**
 * Finding a person in every case (issue 13): by name as people type it — any case, accents or
 * not, preferred names, any order, part of a name — and date of birth, closed cases included,
 * from the case list alone; administrators and coordinators only, and recorded without the name.
 */
async function world() {
  const w = await caseworkWorld();
  const first = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
  const second = await w.call('createReferral', {
    referral: referral({
      participants: [
        { role: 'harmed', person: { givenName: 'Łukasz', familyName: 'Kowalski', preferredName: 'Luke', dateOfBirth: '2001-07-04' } },
        { role: 'responsible', person: { givenName: 'Siân', familyName: 'Evans-Pryce', dateOfBirth: '2010-02-28' } },
      ],
    }),
    duplicatesSeen: true,
  });
  return { w, first: first.case, second: second.case };
}

describe('finding a person', () => {
  it('finds them in every case, by any of their names, with or without accents, in any order', async () => {
    const { w, first, second } = await world();
    const both = await w.call('findPerson', { name: 'lukasz kowalski' });
    expect(both.found.map((f) => [f.reference, f.role])).toEqual([
      [first.reference, 'responsible'],
      [second.reference, 'harmed'],
    ]);
    expect((await w.call('findPerson', { name: 'Luke' })).found).toEqual([expect.objectContaining({ reference: second.reference, preferredName: 'Luke', dateOfBirth: '2001-07-04' })]);
    expect((await w.call('findPerson', { name: 'KOWALSKI Łuk' })).found).toHaveLength(2);
    expect((await w.call('findPerson', { name: 'evans' })).found.map((f) => f.name).sort()).toEqual([`${HARMED.givenName} ${HARMED.familyName}`, 'Siân Evans-Pryce'].sort());
    expect((await w.call('findPerson', { name: 'Nobody Here' })).found).toEqual([]);
    expect(RESPONSIBLE.familyName).toBe('Kowalski');
  });

  it('narrows by date of birth, and finds people in closed cases too', async () => {
    const { w, second } = await world();
    const byDob = await w.call('findPerson', { name: 'Kowalski', dateOfBirth: '2001-07-04' });
    expect(byDob.found.map((f) => f.reference)).toEqual([second.reference]);
    await w.call('applyCaseCommand', { caseId: second.id, revision: second.revision, command: { type: 'exit', kind: 'declined', reason: 'Did not want to take part.' } });
    const after = await w.call('findPerson', { name: 'luke' });
    expect(after.found).toEqual([expect.objectContaining({ reference: second.reference, closed: true })]);
  });

  it('is for administrators and coordinators, refuses bad input by field, and records the search without the name', async () => {
    const { w } = await world();
    expect((await w.fails('findPerson', { name: 'x' })).details?.issues?.[0]?.path).toBe('name');
    expect((await w.fails('findPerson', { name: 'Kowalski', dateOfBirth: '1999-02-30' })).details?.issues?.[0]?.path).toBe('dateOfBirth');
    expect((await w.fails('findPerson', { name: 'Kowalski', extra: 1 } as never)).code).toBe('INVALID_INPUT');
    await w.call('findPerson', { name: 'Kowalski', dateOfBirth: '2001-07-04' });
    const audit = (await w.service.listAudit({ offset: 0, limit: 3 })).entries.find((e) => e.action === 'person.search');
    expect(audit?.fields).toEqual(['name', 'dateOfBirth', 'found:1']);
    expect(JSON.stringify(audit)).not.toContain('Kowalski');
    for (const who of ['facilitator', 'quality-lead'] as const) {
      await w.as(who);
      expect((await w.fails('findPerson', { name: 'Kowalski' })).code).toBe('FORBIDDEN');
    }
  });
});
