import { describe, expect, it } from 'vitest';
import { caseworkWorld, HARMED, referral } from '../support/casebook';

/**
 * The subject access register through the registry (the deadline's rules: subject-access-due.test.ts).
 * Today is Monday 16 March 2026.
 */
const NAME = `${HARMED.givenName} ${HARMED.familyName}`;

async function world() {
  const w = await caseworkWorld();
  const made = await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
  return { w, kase: made.case };
}

describe('the subject access register', () => {
  it('logs a request with a number and a due date one calendar month on, and lists it', async () => {
    const { w } = await world();
    const r = await w.call('recordSubjectAccessRequest', { receivedOn: '2026-02-16', name: NAME, dateOfBirth: HARMED.dateOfBirth });
    expect(r).toMatchObject({ number: 'SAR-2026-0001', due: '2026-03-16', status: 'due-soon', daysLeft: 0, late: false, cases: [] });
    expect(r.id).toMatch(/^sar_/);
    expect(r.dueExplained).toBe('One month from 16 February 2026.');
    const second = await w.call('recordSubjectAccessRequest', { receivedOn: '2026-03-16', name: 'Someone Else' });
    expect(second).toMatchObject({ number: 'SAR-2026-0002', due: '2026-04-16', status: 'in-progress', daysLeft: 31 });
    const list = await w.call('listSubjectAccessRequests', {});
    expect(list.requests.map((x) => x.number)).toEqual(['SAR-2026-0001', 'SAR-2026-0002']);
    w.clock.set('2026-03-17T10:00:00.000Z');
    expect((await w.call('listSubjectAccessRequests', {})).requests[0]).toMatchObject({ status: 'overdue', daysLeft: -1, late: true });
    expect((await w.call('listSubjectAccessRequests', { at: '2026-03-10' })).requests[0]).toMatchObject({ status: 'due-soon', daysLeft: 6 });
  });

  it('stops the clock for identity and clarification, extends with a reason, and completes', async () => {
    const { w, kase } = await world();
    const r = await w.call('recordSubjectAccessRequest', { receivedOn: '2026-03-02', name: NAME, identityAskedOn: '2026-03-02' });
    expect(r).toMatchObject({ status: 'awaiting-identity', late: false });
    expect(r.due).toBeUndefined();
    const checked = await w.call('updateSubjectAccessRequest', { id: r.id, identityCheckedOn: '2026-03-10' });
    expect(checked).toMatchObject({ status: 'in-progress', due: '2026-04-10' });
    await w.call('updateSubjectAccessRequest', { id: r.id, clarificationAskedOn: '2026-03-11' });
    const answered = await w.call('updateSubjectAccessRequest', { id: r.id, clarificationReceivedOn: '2026-03-13' });
    expect(answered.due).toBe('2026-04-13'); // 10 April + 2 days = Sunday 12 April → Monday 13
    // Asking again keeps the first pause.
    const again = await w.call('updateSubjectAccessRequest', { id: r.id, clarificationAskedAgainOn: '2026-03-14' });
    expect(again).toMatchObject({ status: 'awaiting-clarification', earlierClarifications: [{ askedOn: '2026-03-11', receivedOn: '2026-03-13' }], clarificationAskedOn: '2026-03-14' });
    expect((await w.call('updateSubjectAccessRequest', { id: r.id, clarificationReceivedOn: '2026-03-16' })).due).toBe('2026-04-14');
    const extended = await w.call('updateSubjectAccessRequest', { id: r.id, extension: { months: 2, reason: 'Records in many cases over ten years', decidedOn: '2026-03-16' } });
    expect(extended).toMatchObject({ status: 'extended', due: '2026-06-15' });

    const view = await w.call('getSubjectAccessRequest', { id: r.id });
    expect(view.candidates.map((c) => c.caseId)).toEqual([kase.id]);
    const ticked = await w.call('updateSubjectAccessRequest', { id: r.id, caseIds: [kase.id] });
    expect(ticked.cases).toEqual([{ caseId: kase.id, reference: kase.reference }]);
    const done = await w.call('updateSubjectAccessRequest', { id: r.id, completedOn: '2026-03-16' });
    expect(done).toMatchObject({ status: 'completed', late: false });

    const audit = (await w.service.listAudit({ offset: 0, limit: 20 })).entries.filter((e) => e.entity.type === 'subject-access');
    expect(audit.map((e) => `${e.action} ${e.fields.join(',')}`)).toEqual([
      'sar.update completedOn',
      'sar.update cases:1',
      'sar.search name,found:1',
      'sar.update extension',
      'sar.update clarificationReceivedOn',
      'sar.update clarificationAskedOn,earlierClarifications,clarificationReceivedOn',
      'sar.update clarificationReceivedOn',
      'sar.update clarificationAskedOn',
      'sar.update identityCheckedOn',
      'sar.record receivedOn,name,identityAskedOn',
    ]);
    expect(JSON.stringify(audit)).not.toContain(HARMED.familyName);
  });

  it('refuses dates out of order or in the future, by field, and cases not in the casebook', async () => {
    const { w } = await world();
    const future = await w.fails('recordSubjectAccessRequest', { receivedOn: '2026-03-17', name: NAME });
    expect(future.details?.issues).toEqual([{ path: 'receivedOn', message: '17 March 2026 is in the future: enter the day the request was received' }]);
    const order = await w.fails('recordSubjectAccessRequest', { receivedOn: '2026-03-02', name: NAME, identityAskedOn: '2026-03-05', identityCheckedOn: '2026-03-04' });
    expect(order.details?.issues?.[0]?.path).toBe('identityCheckedOn');
    const r = await w.call('recordSubjectAccessRequest', { receivedOn: '2026-03-02', name: NAME, identityAskedOn: '2026-03-02' });
    expect((await w.fails('updateSubjectAccessRequest', { id: r.id, completedOn: '2026-03-10' })).details?.issues?.[0]?.path).toBe('identityCheckedOn');
    expect((await w.fails('updateSubjectAccessRequest', { id: r.id, clarificationAskedAgainOn: '2026-03-10' })).details?.issues?.[0]?.path).toBe('clarificationAskedAgainOn');
    expect((await w.fails('updateSubjectAccessRequest', { id: r.id, caseIds: ['c_nosuchcase00'] })).details?.issues?.[0]?.path).toBe('caseIds');
    expect((await w.fails('updateSubjectAccessRequest', { id: r.id, extension: { months: 3, reason: 'x', decidedOn: '2026-03-10' } } as never)).code).toBe('INVALID_INPUT');
    expect((await w.fails('updateSubjectAccessRequest', { id: r.id, extension: { months: 1, reason: '', decidedOn: '2026-03-10' } })).details?.issues?.[0]?.path).toBe('extension.reason');
    expect((await w.fails('updateSubjectAccessRequest', { id: 'sar_notthereatall' })).code).toBe('NOT_FOUND');
    // Received 2 February: due Monday 2 March; an extension decided after that is too late.
    const old = await w.call('recordSubjectAccessRequest', { receivedOn: '2026-02-02', name: NAME });
    const late = await w.fails('updateSubjectAccessRequest', { id: old.id, extension: { months: 1, reason: 'Many cases', decidedOn: '2026-03-03' } });
    expect(late.details?.issues).toEqual([{ path: 'extension.decidedOn', message: '3 March 2026 is after the request was due (2 March 2026): an extension is decided, and the requester told, within the first month' }]);
  });

  it('is for administrators and coordinators only', async () => {
    const { w } = await world();
    await w.as('manager');
    await w.call('recordSubjectAccessRequest', { receivedOn: '2026-03-02', name: NAME });
    for (const who of ['facilitator', 'quality-lead'] as const) {
      await w.as(who);
      const refused = await w.fails('listSubjectAccessRequests', {});
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Only administrators and coordinators may answer subject access requests.' });
    }
  });
});
