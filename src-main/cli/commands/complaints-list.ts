import { COMPLAINANT_ROLE_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintList } from '../../domain/quality/complaints';
import { formatDate } from '../../domain/time/dates';
import { ok, type CommandDef } from '../command';
import { plural, table } from '../output';

/**
 * `casebook complaints list`: the complaints log with each acknowledgement deadline (10 working
 * days, Victims' Code right 12). Who complained is their part in the case, never a name. The
 * --json shape is documented in docs/cli.md.
 */
export function complaintsJson(l: ComplaintList) {
  return {
    at: l.at,
    complaints: l.complaints.map((c) => ({
      receivedOn: c.receivedOn,
      from: c.from,
      caseReference: c.caseReference ?? null,
      about: c.about,
      acknowledgeBy: c.acknowledgeBy,
      acknowledgedOn: c.acknowledgedOn ?? null,
      status: c.status,
      late: c.late,
      outcome: c.outcome ?? null,
      lessons: c.lessons ?? null,
      closedOn: c.closedOn ?? null,
    })),
  };
}

export function complaintsText(l: ComplaintList): string {
  if (l.complaints.length === 0) return 'The complaints log is empty.';
  const rows = l.complaints.map((c) => [
    formatDate(c.receivedOn),
    COMPLAINANT_ROLE_LABELS[c.from],
    c.caseReference ?? '',
    formatDate(c.acknowledgeBy),
    c.acknowledgedOn ? formatDate(c.acknowledgedOn) : '',
    `${COMPLAINT_STATUS_LABELS[c.status]}${c.late && c.status !== 'overdue' ? ' (late)' : ''}`,
    c.about,
  ]);
  const waiting = l.complaints.filter((c) => c.status === 'due' || c.status === 'overdue').length;
  return [
    `Complaints on ${formatDate(l.at)}: ${plural(l.complaints.length, 'complaint')}, ${waiting === 0 ? 'none waiting for acknowledgement' : `${waiting} waiting for acknowledgement`}`,
    '',
    table(['Received', 'From', 'Case', 'Acknowledge by', 'Acknowledged', 'Status', 'About'], rows),
  ].join('\n');
}

export const complaintsList: CommandDef = {
  words: ['complaints', 'list'],
  summary: 'The complaints log: received, from whom (their part in the case), acknowledgement deadline and status',
  options: {},
  help: ['Examples:', '  casebook complaints list', '  casebook complaints list --json', 'Each complaint is to be acknowledged within 10 working days (England and Wales bank holidays left out).'].join('\n'),
  async run(ctx) {
    await ctx.unlock({ writes: false, capability: 'manage-complaints', doing: 'see the complaints log' });
    const l = await ctx.call('listComplaints', {});
    return ok(complaintsJson(l), complaintsText(l));
  },
};
