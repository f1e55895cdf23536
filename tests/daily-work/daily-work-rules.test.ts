import { describe, expect, it } from 'vitest';
import type { Case, CaseSummary } from '../../src-main/domain/cases/case';
import type { Deadline, DeadlineRules } from '../../src-main/domain/cases/deadlines';
import { sortWork, workItemsOf, type WorkItem } from '../../src-main/domain/daily-work/my-work';
import { teamCaseload } from '../../src-main/domain/daily-work/team-caseload';
import { setUpChecklist } from '../../src-main/domain/daily-work/set-up';
import { reassignStep } from '../../src-main/domain/daily-work/reassign';
import { defaultSettings } from '../../src-main/domain/casebook/settings';
import type { StaffMember } from '../../src-main/domain/staff/staff';

/** The pure rules behind My work, the team caseload, first run and reassigning (issue 14), at their edges. */
const RULES: DeadlineRules = {
  version: 1,
  dueSoonWorkingDays: 2,
  rules: [
    { id: 'first-contact-harmed', title: 'First contact with the person harmed', measure: 'first-contact', appliesTo: 'harmed', workingDays: 2 },
    { id: 'rj-information-harmed', title: "Information about restorative justice (Victims' Code, right 3)", measure: 'rj-information', appliesTo: 'harmed', workingDays: 5, enhancedWorkingDays: 1 },
    { id: 'risk-review', title: 'Risk assessment review', measure: 'risk-review' },
  ],
};
const TODAY = '2026-03-16';

function aCase(over: Partial<Case> = {}): Case {
  return {
    id: 'c_000000000000001',
    reference: 'RJ-2026-0001',
    stage: 'contact',
    referral: { sensitive: [] },
    participants: [{ id: 'p_1', role: 'harmed', person: { givenName: 'Grace', familyName: 'Adeyemi' } }],
    ...over,
  } as unknown as Case;
}
const deadline = (rule: string, due: string, status: Deadline['status'], enhanced = false): Deadline => ({ rule, title: RULES.rules.find((r) => r.id === rule)!.title, participantId: 'p_1', due, status, ...(enhanced ? { enhanced } : {}) });
const opts = { today: TODAY, dueSoonUntil: '2026-03-18', rules: RULES, actionLabel: (k: string) => (k === 'letter' ? 'Letter' : k) };

describe('my work', () => {
  it('names each deadline with its timescale, and the section that clears it', () => {
    const items = workItemsOf(aCase(), [deadline('first-contact-harmed', '2026-03-10', 'overdue'), deadline('rj-information-harmed', '2026-03-17', 'due-soon', true), deadline('risk-review', '2026-03-18', 'due-soon'), deadline('risk-review', '2026-04-30', 'open'), deadline('first-contact-harmed', '2026-03-01', 'met')], opts);
    expect(items.map((i) => [i.task, i.status, i.tab, i.about])).toEqual([
      ['First contact with the person harmed (2 working days)', 'overdue', 'contacts', 'Grace Adeyemi'],
      ["Information about restorative justice (Victims' Code, right 3, 1 working day, enhanced rights)", 'due-soon', 'contacts', 'Grace Adeyemi'],
      ['Risk assessment review', 'due-soon', 'risk', 'Grace Adeyemi'],
    ]);
  });

  it('lists agreement actions not yet resolved, due by the end of due soon, and nothing on an ended case', () => {
    const action = (id: string, dueOn: string, status: string) => ({ id, kind: 'letter', description: `A letter of apology ${'and more '.repeat(20)}`, byParticipantId: 'p_1', dueOn, completionShownBy: 'a copy', status });
    const c = aCase({ agreement: { signedOn: '2026-03-01', actions: [action('a1', '2026-03-12', 'pending'), action('a2', TODAY, 'in-progress'), action('a3', '2026-03-19', 'pending'), action('a4', '2026-03-10', 'done')] } } as unknown as Partial<Case>);
    const items = workItemsOf(c, [], opts);
    expect(items.map((i) => [i.task, i.status, i.tab])).toEqual([
      ['Agreement action: letter', 'overdue', 'agreement'],
      ['Agreement action: letter', 'due-soon', 'agreement'],
    ]);
    expect(items[0]!.about!.length).toBeLessThanOrEqual(80);
    expect(items[0]!.about).toMatch(/^A letter of apology .*…$/);
    expect(workItemsOf(aCase({ stage: 'closed' }), [deadline('first-contact-harmed', '2026-03-10', 'overdue')], opts)).toEqual([]);
  });

  it('puts overdue first, then the earliest, then by reference', () => {
    const w = (reference: string, due: string, status: WorkItem['status']): WorkItem => ({ caseId: 'c_000000000000001', reference, task: 't', due, status, tab: 'risk', sensitive: false });
    expect(sortWork([w('B', '2026-03-17', 'due-soon'), w('B', '2026-03-10', 'overdue'), w('A', '2026-03-10', 'overdue'), w('C', '2026-03-01', 'overdue')]).map((x) => `${x.reference}${x.due.slice(-2)}`)).toEqual(['C01', 'A10', 'B10', 'B17']);
  });
});

describe('team caseload', () => {
  const staff: StaffMember[] = [
    { id: 's_000000000000001', name: 'Priya Shah', role: 'facilitator', level: 'advanced', active: true },
    { id: 's_000000000000002', name: 'Tom Okafor', role: 'facilitator', level: 'intermediate', active: false },
    { id: 's_000000000000003', name: 'Ana Left', role: 'facilitator', level: 'foundation', active: false },
    { id: 's_000000000000004', name: 'Jo Admin', role: 'coordinator', active: true },
  ];
  const row = (n: number, over: Partial<CaseSummary>): CaseSummary => ({ id: `c_00000000000000${n}`, reference: `RJ-2026-000${n}`, stage: 'contact', receivedOn: '2026-03-01', source: 'Police', offenceCategory: 'Burglary', names: [], sensitive: false, updatedAt: '2026-03-01T00:00:00.000Z', revision: 1, ...over });
  it('counts open cases led and co-facilitated, sensitive and overdue; keeps leavers only while they hold cases', () => {
    const load = teamCaseload(
      [
        row(1, { leadFacilitatorId: 's_000000000000001', coFacilitatorId: 's_000000000000002', sensitive: true, nextDue: '2026-03-10' }),
        row(2, { leadFacilitatorId: 's_000000000000002' }),
        row(3, { leadFacilitatorId: 's_000000000000001', stage: 'closed' }),
        row(4, { sensitive: true, nextDue: '2026-03-01' }),
      ],
      staff,
      TODAY,
    );
    expect(load.facilitators.map((f) => [f.name, f.leading, f.supporting, f.sensitive, f.overdue, f.cases.map((c) => c.reference)])).toEqual([
      ['Priya Shah', 1, 0, 1, 1, ['RJ-2026-0001']],
      ['Tom Okafor', 1, 1, 1, 1, ['RJ-2026-0001', 'RJ-2026-0002']],
    ]);
    // The cases listed for reassigning say which part the person has on each.
    expect(load.facilitators[1]!.cases.map((c) => c.role)).toEqual(['co-facilitator', 'lead']);
    expect(load.unassigned).toEqual({ open: 1, sensitive: 1, overdue: 1 });
  });
});

describe('first run and reassigning', () => {
  it('ticks each set-up step once the casebook shows it', () => {
    const settings = defaultSettings('Northshire RJ');
    const done = (f: Parameters<typeof setUpChecklist>[0]) => setUpChecklist(f).filter((i) => i.done).map((i) => i.step);
    expect(done({ settings, staff: [{ id: 's_000000000000004', name: 'Jo Admin', role: 'coordinator', active: true }], venues: [], cases: 0 })).toEqual([]);
    // Changing other settings is not the service's details: letters need its address and a phone or email.
    expect(done({ settings: { ...settings, idleLockMinutes: 5, serviceAddress: '1 High Street\nNorthtown' }, staff: [], venues: [], cases: 0 })).toEqual([]);
    expect(done({ settings: { ...settings, serviceAddress: '1 High Street\nNorthtown', serviceEmail: 'rj@example.org' }, staff: [{ id: 's_000000000000001', name: 'Priya Shah', role: 'facilitator', level: 'advanced', active: true }], venues: [{} as never], cases: 1 })).toEqual(['service', 'staff', 'venues', 'referral']);
  });

  it('counts the service step done without a logo, and says whether one is set', () => {
    const settings = { ...defaultSettings('Northshire RJ'), serviceAddress: '1 High Street', servicePhone: '01632 960000' };
    expect(setUpChecklist({ settings, staff: [], venues: [], cases: 0 })[0]).toEqual({ step: 'service', done: true, logo: false });
    const logo = { ref: 'a'.repeat(64), type: 'image/png' as const, size: 100, width: 40, height: 20 };
    expect(setUpChecklist({ settings: { ...settings, logo }, staff: [], venues: [], cases: 0 })[0]).toEqual({ step: 'service', done: true, logo: true });
  });

  it('keeps the co-facilitator unless they become the lead, and refuses ended cases and the same lead', () => {
    const to: StaffMember = { id: 's_000000000000001', name: 'Priya Shah', role: 'facilitator', level: 'advanced', active: true };
    expect(reassignStep(aCase({ coFacilitatorId: 's_000000000000002' }), to)).toEqual({ ok: true, command: { type: 'assign-team', leadId: to.id } });
    expect(reassignStep(aCase({ coFacilitatorId: to.id }), to)).toEqual({ ok: true, command: { type: 'assign-team', leadId: to.id, coFacilitatorId: null } });
    expect(reassignStep(aCase({ leadFacilitatorId: to.id }), to)).toMatchObject({ ok: false, problem: 'Priya Shah already leads RJ-2026-0001: untick it' });
    expect(reassignStep(aCase({ exit: { kind: 'withdrawn' } } as unknown as Partial<Case>), to)).toMatchObject({ ok: false });
  });

  it('replaces the person named as co-facilitator too, never adding the new person twice', () => {
    const to: StaffMember = { id: 's_000000000000001', name: 'Priya Shah', role: 'facilitator', level: 'advanced', active: true };
    const from = 's_000000000000003';
    expect(reassignStep(aCase({ leadFacilitatorId: from, coFacilitatorId: 's_000000000000002' }), to, from)).toEqual({ ok: true, command: { type: 'assign-team', leadId: to.id } });
    expect(reassignStep(aCase({ leadFacilitatorId: 's_000000000000002', coFacilitatorId: from }), to, from)).toEqual({ ok: true, command: { type: 'assign-team', coFacilitatorId: to.id } });
    expect(reassignStep(aCase({ leadFacilitatorId: to.id, coFacilitatorId: from }), to, from)).toEqual({ ok: true, command: { type: 'assign-team', coFacilitatorId: null } });
    expect(reassignStep(aCase({ leadFacilitatorId: 's_000000000000002' }), to, from)).toMatchObject({ ok: false, problem: expect.stringContaining('team has changed') });
  });
});
