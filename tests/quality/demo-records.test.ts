import { describe, expect, it } from 'vitest';
import { caseworkWorld } from '../support/casebook';

/** `casebook demo` fills the policies register and complaints log so each status has something true to show. */
describe('the demo’s policies and complaints', () => {
  it('has an overdue review, one due soon, a kept earlier version, a late acknowledgement and one still due; a second run adds nothing twice', async () => {
    const w = await caseworkWorld();
    await w.service.addDemoCases({ count: 3, seed: 'quality' });
    const policies = (await w.call('listPolicies', {})).policies;
    expect(policies.map((p) => p.status)).toEqual(['overdue', 'due-soon', 'current', 'current']);
    expect(policies[1]?.history.map((v) => v.version)).toEqual(['1']);
    const complaints = (await w.call('listComplaints', {})).complaints;
    expect(complaints.map((c) => `${c.status}${c.late ? ' late' : ''}`)).toEqual(['due', 'acknowledged', 'closed late', 'closed']);
    expect(complaints.find((c) => c.late)?.caseReference).toMatch(/^[A-Z]+-\d{4}-\d+$/);

    await w.service.addDemoCases({ count: 2, seed: 'again', append: true });
    expect((await w.call('listPolicies', {})).policies).toHaveLength(4);
    const again = (await w.call('listComplaints', {})).complaints;
    expect(again.map(({ id: _id, ...c }) => c)).toEqual(complaints.map(({ id: _id, ...c }) => c));
    expect((await w.service.verify()).problems).toEqual([]);
  });
});
