import { RETENTION_ACTIONS, type RetentionAction } from '../../domain/data-protection/retention/register';
import type { RetentionReview } from '../../domain/data-protection/retention/contract';
import { CasebookError } from '../../domain/shared/errors';
import { formatDate } from '../../domain/time/dates';
import { requireOption } from '../args';
import { caseIdOf } from '../case-ref';
import { ok, type CommandDef } from '../command';
import { dayOption } from '../day';
import { plural, printable } from '../output';

/**
 * `casebook retention review` and `casebook retention apply`: the retention schedule
 * (templates/data-protection/retention.yaml) from the command line, through the same contract
 * commands as the Retention page, so the same second-person rule applies.
 */
function reviewText(r: RetentionReview): string {
  const lines = [`Retention review on ${formatDate(r.at)}: ${r.items.length === 0 ? 'nothing is due' : `${plural(r.items.length, 'record')} due`}.`];
  if (r.items.length > 0) {
    // The reason is a sentence: it goes on its own line under each record, never cut to a column.
    for (const i of r.items) {
      lines.push('', `${printable(i.label)}  ${i.ruleLabel}, due since ${formatDate(i.due)}${i.pending ? `  [${i.pending.action} proposed by ${printable(i.pending.proposedByName)}]` : ''}`, `  ${printable(i.why)}`);
    }
  }
  if (r.pending.length > 0) {
    lines.push('', `Waiting for a second person's approval: ${r.pending.length}.`);
    for (const p of r.pending) lines.push(`  ${printable(p.label)}: ${p.action}${p.until ? ` until ${formatDate(p.until)}` : ''}, proposed by ${printable(p.proposedByName)}${p.canDecide ? '' : ' (you: someone else must approve it)'}`);
  }
  lines.push('', r.approvalNeeded ? 'Each action needs a second person\'s approval (casework setting).' : 'Actions are carried out at once: the casework setting asks for no second approval.');
  return lines.join('\n');
}

export const retentionReview: CommandDef = {
  words: ['retention', 'review'],
  summary: 'Records due under the retention schedule, with the rule and why, and proposals waiting for approval',
  options: { at: { type: 'string', value: 'DATE', description: 'Review as on this day (31/01/2026 or 2026-01-31; today unless given)' } },
  help: ['Examples:', '  casebook retention review', '  casebook retention review --at 2027-01-31 --json', 'The periods are in templates/data-protection/retention.yaml. Nothing is anonymised or deleted by reviewing.'].join('\n'),
  async run(ctx) {
    const at = dayOption(retentionReview, ctx.options, 'at');
    await ctx.unlock({ writes: false, capability: 'review-retention', doing: 'review records under the retention schedule' });
    const r = await ctx.call('reviewRetention', at ? { at } : {});
    return ok(r, reviewText(r));
  },
};

export const retentionApply: CommandDef = {
  words: ['retention', 'apply'],
  summary: 'Anonymise, delete or keep a case that is due under the retention schedule, or approve what someone else proposed',
  options: {
    case: { type: 'string', value: 'REF', required: true, description: 'The case reference, like RJ-2019-0042' },
    action: { type: 'string', value: 'anonymise|delete|keep', required: true, description: 'What to do with it' },
    reason: { type: 'string', value: 'TEXT', description: 'Why (do not name anyone); needed unless --approve' },
    until: { type: 'string', value: 'DATE', description: 'With keep: the day to review it again (after today)' },
    approve: { type: 'boolean', description: "Approve the action someone else proposed for this case (you cannot approve your own)" },
  },
  help: [
    'Examples:',
    '  casebook retention apply --case RJ-2019-0042 --action anonymise --reason "Past the 7-year period"',
    '  casebook retention apply --case RJ-2019-0042 --action anonymise --approve',
    '  casebook retention apply --case RJ-2019-0007 --action keep --reason "Civil claim pending" --until 2027-01-31',
    "When the casework setting asks for a second person's approval (it does unless turned off), the",
    'first command only proposes: nothing changes until someone else who may apply retention runs',
    'the same command with --approve (or approves it on the Retention page). Anonymising or deleting',
    'replaces the backups: a new one is taken and the older ones, which still hold the case, are removed.',
  ].join('\n'),
  async run(ctx) {
    const ref = requireOption(retentionApply, ctx.options, 'case');
    const action = requireOption(retentionApply, ctx.options, 'action') as RetentionAction;
    if (!RETENTION_ACTIONS.includes(action)) throw new CasebookError('USAGE', `--action is anonymise, delete or keep, not "${printable(action).slice(0, 40)}".`);
    const approve = ctx.options.approve === true;
    const until = dayOption(retentionApply, ctx.options, 'until');
    const reason = approve ? undefined : requireOption(retentionApply, ctx.options, 'reason');
    if (!approve && action === 'keep' && !until) throw new CasebookError('USAGE', 'keep needs --until DATE: the day to review the case again.');
    await ctx.unlock({ writes: true, capability: 'apply-retention', doing: 'anonymise, delete or keep records under the retention schedule' });
    const caseId = await caseIdOf(ctx, ref);
    if (approve) {
      const p = (await ctx.call('reviewRetention', {})).pending.find((x) => x.record.kind === 'case' && x.record.id === caseId);
      if (!p) throw new CasebookError('NOT_FOUND', `Nothing is waiting for approval for ${printable(ref)}. See "casebook retention review".`);
      if (p.action !== action) throw new CasebookError('CONFLICT', `${printable(p.proposedByName)} proposed to ${p.action} ${printable(ref)}, not to ${action}: approve that with --action ${p.action}, or refuse it on the Retention page.`);
      const r = await ctx.call('decideRetention', { proposalId: p.id, decision: 'approve' });
      return ok(r, r.message);
    }
    const r = await ctx.call('proposeRetention', { record: { kind: 'case', id: caseId }, action, reason: reason as string, ...(until ? { until } : {}) });
    return ok(r, r.message);
  },
};
