import { SUBJECT_ACCESS_STATUS_LABELS } from '../../domain/data-protection/subject-access/due-date';
import type { SubjectAccessList, SubjectAccessRow } from '../../domain/data-protection/subject-access/register';
import { formatDate } from '../../domain/time/dates';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { dayOption } from '../day';
import { plural, table } from '../output';

/**
 * `casebook sar new | list`: the subject access register from a terminal. Lists show each
 * request by its number and id (the id is what `casebook sar export --request` takes), its
 * dates and status, never the name of the person it is about: a terminal is read over
 * shoulders and kept in scroll-back. The --json shape is documented in docs/cli.md.
 */
export function sarJson(r: SubjectAccessRow) {
  return {
    id: r.id,
    number: r.number,
    receivedOn: r.receivedOn,
    due: r.due ?? null,
    status: r.status,
    daysLeft: r.daysLeft ?? null,
    late: r.late,
    identityAskedOn: r.identityAskedOn ?? null,
    identityCheckedOn: r.identityCheckedOn ?? null,
    clarificationAskedOn: r.clarificationAskedOn ?? null,
    clarificationReceivedOn: r.clarificationReceivedOn ?? null,
    extension: r.extension ? { months: r.extension.months, decidedOn: r.extension.decidedOn } : null,
    completedOn: r.completedOn ?? null,
    closedWithoutBundleOn: r.closedWithoutBundleOn ?? null,
    cases: r.cases.map((c) => c.reference),
  };
}

const dueText = (r: SubjectAccessRow) => (r.due ? formatDate(r.due) : 'clock stopped');

export function sarListText(l: SubjectAccessList): string {
  if (l.requests.length === 0) return 'The subject access register is empty.';
  const rows = l.requests.map((r) => [r.number, r.id, formatDate(r.receivedOn), dueText(r), `${SUBJECT_ACCESS_STATUS_LABELS[r.status]}${r.late && r.status === 'completed' ? ' (late)' : ''}`, r.daysLeft === undefined ? '' : String(r.daysLeft)]);
  const open = l.requests.filter((r) => r.status === 'overdue' || r.status === 'due-soon').length;
  return [
    `Subject access requests on ${formatDate(l.at)}: ${plural(l.requests.length, 'request')}, ${open === 0 ? 'none due soon or overdue' : `${open} due soon or overdue`}`,
    '',
    table(['Number', 'Id', 'Received', 'Due', 'Status', 'Days left'], rows),
  ].join('\n');
}

export const sarNew: CommandDef = {
  words: ['sar', 'new'],
  summary: 'Log a subject access request: the person it is about, their date of birth, the day it was received',
  options: {
    name: { type: 'string', value: 'NAME', required: true, description: 'The name of the person the request is about' },
    dob: { type: 'string', value: 'DATE', description: 'Their date of birth, 31/01/1980 or 1980-01-31 (finds them in the cases more surely)' },
    received: { type: 'string', value: 'DATE', required: true, description: 'The day the request was received, 31/01/2026 or 2026-01-31' },
  },
  help: [
    'Example:',
    '  casebook sar new --name "Dana Price" --dob 1980-05-01 --received 2026-03-02',
    'Prints the new request\'s id. It is due one calendar month after it was received (the next working day when that is',
    'a weekend or bank holiday); identity, clarification, extensions and the cases covered are recorded in the app.',
  ].join('\n'),
  async run(ctx) {
    const def = sarNew;
    const name = requireOption(def, ctx.options, 'name').trim();
    const receivedOn = dayOption(def, ctx.options, 'received') ?? (requireOption(def, ctx.options, 'received') as never);
    const dateOfBirth = dayOption(def, ctx.options, 'dob');
    await ctx.unlock({ writes: true, capability: 'manage-subject-access', doing: 'answer subject access requests' });
    const r = await ctx.call('recordSubjectAccessRequest', { name, receivedOn, ...(dateOfBirth ? { dateOfBirth } : {}) });
    return ok(sarJson(r), [r.id, `Logged ${r.number}, received ${formatDate(r.receivedOn)}: due ${dueText(r)}.`].join('\n'));
  },
};

export const sarList: CommandDef = {
  words: ['sar', 'list'],
  summary: 'The subject access register: each request\'s number and id, received, due date and status (never the name)',
  options: {},
  help: ['Examples:', '  casebook sar list', '  casebook sar list --json', 'Due soon is 7 days or fewer; the clock stops while waiting for proof of identity or clarification.'].join('\n'),
  async run(ctx) {
    await ctx.unlock({ writes: false, capability: 'manage-subject-access', doing: 'see the subject access register' });
    const l = await ctx.call('listSubjectAccessRequests', {});
    return ok({ at: l.at, requests: l.requests.map(sarJson) }, sarListText(l));
  },
};
