import { describe, expect, it } from 'vitest';
import { demoStaffRegister } from '../../src-main/demo/staff-register';
import { DEMO_LEAVER, demoResources, demoStaff } from '../../src-main/demo/resources';
import { generateDemoCases } from '../../src-main/demo/demo-cases';
import { StaffRegisterSchema } from '../../src-main/domain/staff/register';
import { caseworkWorld } from '../support/casebook';

/** `casebook demo` (and the app's "add demo cases") fills the register of the demo staff. Today is 16 March 2026. */
const staff = () => {
  const r = demoResources(50);
  const levels = new Map(demoStaff(50).map((m) => [m.name, m.level]));
  return [...r.facilitators, r.coordinator].map((m) => ({ ...m, level: levels.get(m.name) }));
};

describe('the demo register', () => {
  it('is the same for the same seed, different for another, and valid throughout', () => {
    const a = demoStaffRegister(staff(), '2026-03-16', 'one');
    expect(demoStaffRegister(staff(), '2026-03-16', 'one')).toEqual(a);
    expect(demoStaffRegister(staff(), '2026-03-16', 'two')).not.toEqual(a);
    expect(StaffRegisterSchema.safeParse(a).success).toBe(true);
    const records = Object.values(a);
    expect(new Set(records.map((r) => r.employment))).toEqual(new Set(['paid', 'sessional', 'volunteer']));
    expect(records.filter((r) => r.ended)).toHaveLength(1);
    // The one with a leaving date is the leaver the staff list and the cases know of.
    const leaverId = staff().find((m) => m.name === DEMO_LEAVER)!.id;
    expect(a[leaverId]?.ended).toBeDefined();
    expect(records.some((r) => r.registration) && records.some((r) => !r.registration)).toBe(true);
    // Nothing recorded as happening after today.
    const dates = records.flatMap((r) => [r.started, ...(r.cpd ?? []), ...(r.supervision ?? []), ...(r.observed ?? []), ...(r.training ?? [])].map((e) => (typeof e === 'string' ? e : e?.date)));
    expect(dates.every((d) => d === undefined || d <= '2026-03-16')).toBe(true);
  });

  it('fills the register with the demo cases, so compliance shows checks met and overdue, and leaves records already kept alone', async () => {
    const w = await caseworkWorld();
    await w.call('saveRegisterDetails', { staffId: w.staff.jo, employment: 'sessional' });
    await w.service.addDemoCases({ count: 20, seed: 'register' });
    const c = await w.call('getCompliance', {});
    const statuses = c.staff.flatMap((p) => p.checks.map((k) => `${k.rule} ${k.status}`));
    expect(statuses).toContain('supervision overdue');
    expect(statuses).toContain('supervision met');
    expect(statuses).toContain('cpd-hours not-met');
    expect(statuses).toContain('cpd-approved not-met');
    expect(statuses).toContain('observed-practice overdue');
    expect(statuses).toContain('dbs overdue');
    expect(c.registered).toBeGreaterThanOrEqual(7);
    // The leaver is left out; the volunteer under 12 months is in post but not counted.
    expect(c.staff.map((p) => p.name)).not.toContain('Bethan Hughes');
    expect(c.staff.map((p) => p.name)).toContain('Helen Okafor');
    // Jo Whitfield already had a register record: the demo did not replace it.
    expect((await w.call('getStaffRecords', { staffId: w.staff.jo }))[0]).toMatchObject({ employment: 'sessional' });
    expect((await w.call('getStaffRecords', { staffId: w.staff.jo }))[0]!.cpd).toBeUndefined();
    expect((await w.call('verifyStore', {})).ok).toBe(true);
  });

  it('keeps the leaver off every open case, as lead or co-facilitator, for any seed, while her ended cases still name her', () => {
    const resources = demoResources(400);
    const leaver = resources.facilitators.find((f) => f.name === DEMO_LEAVER)!;
    expect(resources.left).toEqual([leaver.id]);
    expect(demoStaff(400).find((m) => m.name === DEMO_LEAVER)?.active).toBe(false);
    for (const seed of ['one', 'two', 'leaver']) {
      const cases = generateDemoCases({ count: 400, seed, resources, now: new Date('2026-03-16T10:00:00Z') });
      expect(generateDemoCases({ count: 400, seed, resources, now: new Date('2026-03-16T10:00:00Z') })).toEqual(cases);
      const open = cases.filter((c) => c.stage !== 'closed' && !c.exit);
      expect(open.length).toBeGreaterThan(20);
      expect(open.filter((c) => c.leadFacilitatorId === leaver.id || c.coFacilitatorId === leaver.id || c.leadFacilitator === DEMO_LEAVER)).toEqual([]);
      expect(cases.some((c) => c.leadFacilitatorId === leaver.id)).toBe(true);
    }
  });

  it('saves the leaver inactive on the staff list, so she is offered for no new case', async () => {
    const w = await caseworkWorld();
    await w.service.addDemoCases({ count: 60, seed: 'leaver' });
    const ref = w.service.cases.getCaseworkReference();
    const leaver = ref.staff.find((m) => m.name === DEMO_LEAVER)!;
    expect(leaver.active).toBe(false);
    const open = (await w.call('listCases', {})).filter((c) => c.stage !== 'closed' && !c.exit);
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((c) => c.leadFacilitatorId === leaver.id || c.coFacilitatorId === leaver.id)).toEqual([]);
  });
});
