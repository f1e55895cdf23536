import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../src-main/ipc/contract';
import { caseworkWorld, referral, type World } from '../support/casebook';

/**
 * The complaints log through the registry. Today is Monday 16 March 2026; a complaint received
 * that day is to be acknowledged by Monday 30 March (10 working days).
 */
const COMPLAINT: InputOf<'recordComplaint'> = { receivedOn: '2026-03-16', from: 'harmed', about: 'Was not told the conference had moved' };

async function log(w: World) {
  return (await w.call('listComplaints', {})).complaints;
}

describe('the complaints log', () => {
  it('shows an acknowledgement as due, overdue from the day after its deadline, and late once acknowledged after it', async () => {
    const w = await caseworkWorld();
    await w.as('manager');
    const c = await w.call('recordComplaint', COMPLAINT);
    expect(c).toMatchObject({ status: 'due', late: false, acknowledgeBy: '2026-03-30', from: 'harmed' });

    w.clock.set('2026-03-30T12:00:00.000Z');
    expect((await log(w))[0]).toMatchObject({ status: 'due', late: false });
    w.clock.set('2026-03-31T12:00:00.000Z');
    expect((await log(w))[0]).toMatchObject({ status: 'overdue', late: true });

    const acked = await w.call('updateComplaint', { id: c.id, acknowledgedOn: '2026-03-31' });
    expect(acked).toMatchObject({ status: 'acknowledged', late: true });
    const closing = await w.fails('updateComplaint', { id: c.id, closedOn: '2026-03-31' });
    expect(closing.details?.issues?.[0]).toEqual({ path: 'outcome', message: 'Enter the outcome before closing the complaint' });
    const closed = await w.call('updateComplaint', { id: c.id, outcome: 'Apology given', lessons: 'Confirm changes by phone', closedOn: '2026-03-31' });
    expect(closed).toMatchObject({ status: 'closed', late: true, outcome: 'Apology given' });

    // In the figures for the period, and in the audit trail by field name only.
    const f = await w.call('getFigures', { from: '2026-03-01', to: '2026-03-31' });
    expect(f.complaints).toEqual({ received: 1, acknowledgedLate: 1 });
    await w.as('admin');
    const { entries } = await w.service.listAudit({ offset: 0, limit: 500 });
    expect(entries.filter((e) => e.entity.type === 'complaint').map((e) => `${e.action} ${e.fields.join(',')}`)).toEqual(['complaint.update outcome,lessons,closedOn', 'complaint.update acknowledgedOn', 'complaint.record receivedOn,from,about']);
    expect(JSON.stringify(entries)).not.toContain('conference had moved');
  });

  it('names the case by its reference, and refuses a reference the casebook does not have', async () => {
    const w = await caseworkWorld();
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    const c = await w.call('recordComplaint', { ...COMPLAINT, caseReference: v.case.reference });
    expect(c.caseReference).toBe(v.case.reference);
    expect(c.caseId).toBe(v.case.id);
    const e = await w.fails('recordComplaint', { ...COMPLAINT, caseReference: 'RJ-2020-9999' });
    expect(e.details?.issues?.[0]?.path).toBe('caseReference');
  });

  it('is seen and kept by coordinators, quality leads and administrators, not facilitators', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    await w.call('recordComplaint', COMPLAINT);
    await w.as('facilitator');
    expect((await w.fails('listComplaints', {})).code).toBe('FORBIDDEN');
    expect((await w.fails('recordComplaint', COMPLAINT)).code).toBe('FORBIDDEN');
  });

  const proto = JSON.parse('{"__proto__":{"admin":true}}') as object;
  it.each([
    ['an empty complaint', {}, 'receivedOn'],
    ['received in the future', { receivedOn: '2026-03-17' }, 'receivedOn'],
    ['received before the bank-holiday data begins', { receivedOn: '1999-01-04' }, 'receivedOn'],
    ['acknowledged before it was received', { receivedOn: '2026-03-10', acknowledgedOn: '2026-03-09' }, 'acknowledgedOn'],
    ['acknowledged in the future', { acknowledgedOn: '2026-03-20' }, 'acknowledgedOn'],
    ['closed before it was acknowledged', { receivedOn: '2026-03-02', acknowledgedOn: '2026-03-10', outcome: 'Resolved', closedOn: '2026-03-05' }, 'closedOn'],
    ['a name instead of a role', { from: 'Siân Evans' }, 'from'],
    ['an empty account of what it is about', { about: '   ' }, 'about'],
    ['a huge account', { about: 'x'.repeat(100_000) }, 'about'],
    ['a date given as a number', { receivedOn: 20260316 }, 'receivedOn'],
    ['a malformed case reference', { caseReference: '<script>alert(1)</script>' }, 'caseReference'],
    ['an unknown field', { name: 'Siân Evans' }, ''],
    ['__proto__', proto, ''],
  ])('refuses %s, naming the field, and stores nothing', async (_, over, field) => {
    const w = await caseworkWorld();
    const input = Object.keys(over).length === 0 ? {} : { ...COMPLAINT, ...over };
    const e = await w.fails('recordComplaint', input as never);
    expect(e.code).toBe('INVALID_INPUT');
    if (field) expect(e.details?.issues?.map((i) => i.path)).toContain(field);
    else expect(e.message).toMatch(/Unknown field/);
    expect(await log(w)).toEqual([]);
  });

  it.each([
    ['acknowledged before it was received', { acknowledgedOn: '2026-03-13' }, 'acknowledgedOn'],
    ['acknowledged in the future', { acknowledgedOn: '2026-03-17' }, 'acknowledgedOn'],
    ['closed without being acknowledged', { outcome: 'Resolved', closedOn: '2026-03-16' }, 'acknowledgedOn'],
    ['an outcome given as a list', { outcome: ['Resolved'] }, 'outcome'],
    ['an unknown field', { status: 'closed' }, ''],
  ])('refuses an update %s, naming the field, and changes nothing', async (_, over, field) => {
    const w = await caseworkWorld();
    const c = await w.call('recordComplaint', COMPLAINT);
    const e = await w.fails('updateComplaint', { id: c.id, ...over } as never);
    expect(e.code).toBe('INVALID_INPUT');
    if (field) expect(e.details?.issues?.map((i) => i.path)).toContain(field);
    const [after] = await log(w);
    expect(after).toMatchObject({ status: 'due' });
    expect(after?.outcome).toBeUndefined();
  });
});
