import { isCalendarDate } from '../../domain/time/dates';
import { CasebookError } from '../../domain/shared/errors';
import type { AuditEntry } from '../../domain/casebook/audit';
import { ok, type CommandDef } from '../command';
import { plural, table } from '../output';

/** The most entries one call reads; the trail is paged through the contract in pages this size. */
const PAGE = 500;

function dateOption(value: unknown, name: 'from' | 'to'): string | undefined {
  if (value === undefined) return undefined;
  const v = String(value).trim();
  if (!isCalendarDate(v)) throw new CasebookError('USAGE', `--${name} must be a real date written YYYY-MM-DD, like 2026-04-01. Run "casebook audit list --help".`);
  return v;
}

const when = (iso: string) => iso.slice(0, 19).replace('T', ' ');

/** Who did what to which record and when: the audit trail, newest first, as the app's Audit trail page shows it. */
export const auditList: CommandDef = {
  words: ['audit', 'list'],
  summary: 'List the audit trail, newest first: who did what, to which record, when (administrators)',
  options: {
    from: { type: 'string', value: 'DATE', description: 'Only entries on or after this day, YYYY-MM-DD (UTC)' },
    to: { type: 'string', value: 'DATE', description: 'Only entries on or before this day, YYYY-MM-DD (UTC)' },
    action: { type: 'string', value: 'A', description: 'Only actions starting with this, e.g. "document" or "case.close"' },
  },
  help: [
    'Examples:',
    '  casebook audit list --from 2026-04-01 --to 2026-04-30',
    '  casebook audit list --action document --json',
    'The trail names fields that changed, never their values. Reading it is itself not recorded.',
  ].join('\n'),
  async run(ctx) {
    const from = dateOption(ctx.options.from, 'from');
    const to = dateOption(ctx.options.to, 'to');
    if (from && to && to < from) throw new CasebookError('USAGE', `--to (${to}) is before --from (${from}): swap them.`);
    const action = typeof ctx.options.action === 'string' ? ctx.options.action.trim() : undefined;
    if (action !== undefined && (action === '' || action.length > 64)) throw new CasebookError('USAGE', '--action needs the start of an action name, at most 64 characters, like "document".');
    await ctx.unlock({ writes: false, capability: 'read-audit', doing: 'read the audit trail' });
    const filter = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(action ? { action } : {}) };
    const entries: AuditEntry[] = [];
    let total = 0;
    do {
      const page = await ctx.call('listAudit', { ...filter, offset: entries.length, limit: PAGE });
      total = page.total;
      entries.push(...page.entries);
      if (page.entries.length === 0) break;
    } while (entries.length < total);
    if (entries.length === 0) return ok({ total: 0, entries }, 'No audit entries match.');
    const rows = entries.map((e) => [String(e.seq), when(e.at), e.userName, e.action, `${e.entity.type} ${e.entity.id}`, e.fields.join(', ')]);
    return ok({ total, entries }, `${table(['#', 'When (UTC)', 'Who', 'Action', 'Record', 'Fields'], rows, 60)}\n\n${plural(total, 'entry', 'entries')}`);
  },
};
