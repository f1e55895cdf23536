import { REVIEW_STATUS_LABELS, type PolicyDocument, type PolicyList, type PolicyVersion } from '../../domain/quality/policies';
import { formatDate } from '../../domain/time/dates';
import { ok, type CommandDef } from '../command';
import { plural, table } from '../output';

/**
 * `casebook policies list`: the policies register for a quality lead's spreadsheet. The --json
 * shape is documented in docs/cli.md; ids and the stored documents' internal names are left
 * out (a script cannot use them), the document's own name, type and size are kept.
 */
const documentJson = (d: PolicyDocument | undefined) => (d ? { name: d.name, type: d.type, size: d.size } : null);
const versionJson = (v: PolicyVersion) => ({ version: v.version, approvedOn: v.approvedOn, document: documentJson(v.document) });

export function policiesJson(l: PolicyList) {
  return {
    at: l.at,
    policies: l.policies.map((p) => ({ title: p.title, ...versionJson(p.current), owner: p.ownerName, nextReview: p.nextReview, status: p.status, indicators: p.indicators, history: p.history.map(versionJson) })),
  };
}

export function policiesText(l: PolicyList): string {
  if (l.policies.length === 0) return 'The policies register is empty.';
  const rows = l.policies.map((p) => [p.title, p.current.version, p.ownerName, formatDate(p.current.approvedOn), formatDate(p.nextReview), REVIEW_STATUS_LABELS[p.status], p.current.document ? 'yes' : 'no', p.indicators.join(', ')]);
  const due = l.policies.filter((p) => p.status !== 'current').length;
  return [
    `Policies on ${formatDate(l.at)}: ${plural(l.policies.length, 'policy', 'policies')}, ${due === 0 ? 'no review due' : `${plural(due, 'review')} due or overdue`}`,
    '',
    table(['Title', 'Version', 'Owner', 'Approved', 'Next review', 'Status', 'Document', 'Indicators'], rows),
  ].join('\n');
}

export const policiesList: CommandDef = {
  words: ['policies', 'list'],
  summary: 'The policies register: version, owner, approval, next review (due soon or overdue) and RJC indicators',
  options: {},
  help: ['Examples:', '  casebook policies list', '  casebook policies list --json', 'A review shows as due soon within dueSoonDays of templates/quality/rules.yaml, and overdue from the day after it.'].join('\n'),
  async run(ctx) {
    await ctx.unlock({ writes: false, capability: 'read-policies', doing: 'see the policies register' });
    const l = await ctx.call('listPolicies', {});
    return ok(policiesJson(l), policiesText(l));
  },
};
