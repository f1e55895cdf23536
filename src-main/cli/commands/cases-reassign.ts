import { CasebookError } from '../../domain/shared/errors';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { plural, printable } from '../output';
import { findFacilitator } from '../period';

const PERSON = { type: 'string', value: 'NAME', required: true } as const;

/**
 * `casebook cases reassign --from NAME --to NAME`: one facilitator is replaced on every open
 * case they lead or co-facilitate (for example when they leave), through the same contract
 * command as the Team caseload page: each case its own recorded change, all or none; a
 * sensitive case still needs an Advanced practitioner. Coordinators and administrators.
 */
export const casesReassign: CommandDef = {
  words: ['cases', 'reassign'],
  summary: 'Give every open case one facilitator leads or co-facilitates to another (all or none)',
  options: {
    from: { ...PERSON, description: 'Who leads or co-facilitates the cases now: their name as on the staff list, or their staff id (s_…)' },
    to: { ...PERSON, description: 'Who takes their place, as lead or co-facilitator: an active practitioner on the staff list' },
  },
  help: 'Each case is changed as its own step, on its timeline and in the audit trail. Where --to already leads a case that --from co-facilitates, --from simply comes off it. If any case cannot take the change (a sensitive case needs an Advanced practitioner), no case is changed and each problem is listed.',
  async run(ctx) {
    const fromName = requireOption(casesReassign, ctx.options, 'from');
    const toName = requireOption(casesReassign, ctx.options, 'to');
    await ctx.unlock({ writes: true, capability: 'reassign-cases', doing: 'reassign cases' });
    const staff = (await ctx.call('getCaseworkReference', {})).staff;
    const from = findFacilitator(staff, fromName, 'from');
    const to = findFacilitator(staff, toName, 'to');
    if (from.id === to.id) throw new CasebookError('USAGE', '--from and --to are the same person: name who will take the cases over.');
    const load = await ctx.call('getTeamCaseload', {});
    const cases = load.facilitators.find((f) => f.staffId === from.id)?.cases ?? [];
    if (cases.length === 0) return ok({ to: to.name, cases: [] }, `${printable(from.name)} leads or co-facilitates no open case: nothing to reassign.`);
    const r = await ctx.call('reassignCases', { caseIds: cases.map((c) => c.caseId), toStaffId: to.id, fromStaffId: from.id });
    return ok(r, `Reassigned ${plural(r.cases.length, 'case')} from ${printable(from.name)} to ${printable(r.to)}: ${r.cases.map((c) => c.reference).join(', ')}.`);
  },
};
