import { describe, expect, it } from 'vitest';
import { caseworkWorld, HARMED, referral, RESPONSIBLE, type World } from '../support/casebook';

/**
 * Rectification: a person's details corrected once, in the cases ticked and no others, each
 * case recording its own change; all or none; recorded by field, never the details.
 */
async function twoCasesOfSian(): Promise<{ w: World; first: string; second: string; other: string }> {
  const w = await caseworkWorld();
  const first = (await w.call('createReferral', { referral: referral(), duplicatesSeen: true })).case.id;
  const second = (await w.call('createReferral', { referral: referral({ receivedOn: '2026-03-10' }), duplicatesSeen: true })).case.id;
  const other = (
    await w.call('createReferral', {
      referral: referral({ participants: [{ role: 'harmed', person: { givenName: 'Dana', familyName: 'Price' } }, { role: 'responsible', person: RESPONSIBLE }] }),
      duplicatesSeen: true,
    })
  ).case.id;
  return { w, first, second, other };
}

const sianIn = async (w: World, caseId: string) => (await w.call('getCase', { id: caseId })).participants.find((p) => p.role === 'harmed')!;

describe('correcting a person’s details', () => {
  it('corrects the cases ticked and no others, each with its own change, and records the fields only', async () => {
    const { w, first, second } = await twoCasesOfSian();
    const r = await w.call('rectifyPerson', { name: 'sian evans', dateOfBirth: HARMED.dateOfBirth, caseIds: [first], changes: { familyName: 'Evans-Price', phone: '07700 900999' } });
    expect(r.fields).toEqual(['familyName', 'phone']);
    expect(r.cases.map((c) => c.caseId)).toEqual([first]);
    expect((await sianIn(w, first)).person).toMatchObject({ givenName: 'Siân', familyName: 'Evans-Price', phone: '07700 900999', dateOfBirth: HARMED.dateOfBirth });
    expect((await sianIn(w, second)).person).toMatchObject({ familyName: 'Evans', phone: HARMED.phone });
    const c = await w.call('getCase', { id: first });
    expect(c.timeline.at(-1)).toMatchObject({ kind: 'participant.updated' });
    const entries = (await w.service.listAudit({ offset: 0, limit: 10 })).entries;
    expect(entries.find((e) => e.action === 'person.rectify')?.fields).toEqual(['familyName', 'phone', 'cases:1']);
    expect(entries.find((e) => e.action === 'case.update-person')).toMatchObject({ entity: { type: 'case', id: first } });
    expect(JSON.stringify(entries)).not.toMatch(/Evans-Price|900999/);
  });

  it('changes nothing when one ticked case does not hold the person, or a correction is not valid', async () => {
    const { w, first, other } = await twoCasesOfSian();
    const e = await w.fails('rectifyPerson', { name: 'Siân Evans', caseIds: [first, other], changes: { familyName: 'Evans-Price' } });
    expect(e.message).toMatch(/^Nobody in case RJ-\d{4}-\d{4} has the name searched for: untick the case\.$/);
    expect((await sianIn(w, first)).person.familyName).toBe('Evans');
    const bad = await w.fails('rectifyPerson', { name: 'Siân Evans', caseIds: [first], changes: { email: 'not an address' } });
    expect(bad.details?.issues?.[0]?.path).toMatch(/email/);
    expect((await w.fails('rectifyPerson', { name: 'Siân Evans', caseIds: [first], changes: {} })).code).toBe('INVALID_INPUT');
    expect((await w.fails('rectifyPerson', { name: 'Siân Evans', caseIds: [first, first], changes: { familyName: 'X' } })).code).toBe('INVALID_INPUT');
  });

  it('is for administrators and coordinators', async () => {
    const { w, first } = await twoCasesOfSian();
    await w.as('facilitator');
    expect((await w.fails('rectifyPerson', { name: 'Siân Evans', caseIds: [first], changes: { familyName: 'Evans-Price' } })).code).toBe('FORBIDDEN');
    await w.as('quality-lead');
    expect((await w.fails('rectifyPerson', { name: 'Siân Evans', caseIds: [first], changes: { familyName: 'Evans-Price' } })).code).toBe('FORBIDDEN');
  });
});
