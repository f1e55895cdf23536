import { isCalendarDate, formatDate } from '../../domain/time/dates';
import { CasebookError } from '../../domain/shared/errors';
import { COMPLIANCE_RULE_LABELS, COMPLIANCE_STATUS_LABELS, type ServiceCompliance } from '../../domain/staff/compliance-schema';
import { PRACTITIONER_LEVEL_LABELS } from '../../domain/staff/ids';
import { ok, type CommandDef } from '../command';
import { oneLine } from '../output';

/**
 * `casebook staff compliance`: each practitioner's checks against the RJC's codes, for quality
 * leads who chase them from a spreadsheet. The --json shape is a contract (issue 11): `at`,
 * `registeredShare`, `registeredShareMet` and `staff` with `name`, `level` and `checks` only,
 * so the staff id and the counts the app shows are left out here.
 */
export function complianceJson(c: ServiceCompliance) {
  return {
    at: c.at,
    registeredShare: c.registeredShare,
    registeredShareMet: c.registeredShareMet,
    staff: c.staff.map((s) => ({ name: s.name, level: s.level, checks: s.checks.map(({ rule, status, due, detail }) => ({ rule, status, due, detail })) })),
  };
}

export function complianceText(c: ServiceCompliance): string {
  const pct = Math.round(c.registeredShare * 100);
  const lines = [`Compliance on ${formatDate(c.at)}`, `Registered with the RJC: ${c.registered} of ${c.counted} counted practitioners (${pct}%): ${c.registeredShareMet ? 'meets' : 'below'} the Registered Service Provider share`];
  if (c.staff.length === 0) lines.push('', 'No practitioners in post on that day.');
  for (const s of c.staff) {
    lines.push('', `${oneLine(s.name)}${s.level ? ` (${PRACTITIONER_LEVEL_LABELS[s.level]})` : ''}`);
    for (const k of s.checks) lines.push(`  ${COMPLIANCE_RULE_LABELS[k.rule].padEnd(18)} ${COMPLIANCE_STATUS_LABELS[k.status].padEnd(9)} ${oneLine(k.detail)}`);
  }
  return lines.join('\n');
}

export const staffCompliance: CommandDef = {
  words: ['staff', 'compliance'],
  summary: 'Each practitioner against the RJC codes (supervision, observed practice, CPD, registration, DBS) and the registered share',
  options: {
    at: { type: 'string', value: 'DATE', description: 'Check on this day, YYYY-MM-DD (default: today in England and Wales)' },
  },
  help: [
    'Examples:',
    '  casebook staff compliance',
    '  casebook staff compliance --at 2027-03-31 --json',
    'Quality leads, coordinators and administrators see everyone; anyone else sees their own record.',
    'The rules are in templates/quality/rules.yaml.',
  ].join('\n'),
  async run(ctx) {
    const raw = ctx.options.at;
    const at = raw === undefined ? undefined : String(raw).trim();
    if (at !== undefined && !isCalendarDate(at)) throw new CasebookError('USAGE', '--at must be a real date written YYYY-MM-DD, like 2027-03-31. Run "casebook staff compliance --help".');
    await ctx.unlock({ writes: false, capability: 'read-own-compliance', doing: 'see compliance with the RJC codes' });
    const c = await ctx.call('getCompliance', at ? { at } : {});
    return ok(complianceJson(c), complianceText(c));
  },
};
