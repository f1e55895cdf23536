import { SUBJECT_ACCESS_STATUS_LABELS, type SubjectAccessStatus } from '../../../../src-main/domain/data-protection/subject-access/due-date';
import type { SubjectAccessRow } from '../../../../src-main/domain/data-protection/subject-access/register';
import { formatDate } from '../../shared/lib/dates';
import { Tag, type TagColour } from '../../shared/components/Tag';

/** The words carry the status; the colour adds to them (red overdue, yellow due soon). */
const COLOURS: Record<SubjectAccessStatus, TagColour> = {
  overdue: 'red',
  'due-soon': 'yellow',
  'in-progress': 'blue',
  extended: 'purple',
  'awaiting-identity': 'grey',
  'awaiting-clarification': 'grey',
  completed: 'green',
  closed: 'grey',
};

/** A request answered late stays marked late. */
export function SubjectAccessTag({ r }: { r: Pick<SubjectAccessRow, 'status' | 'late'> }) {
  if (r.status === 'completed' && r.late) return <Tag colour="orange">Completed late</Tag>;
  return <Tag colour={COLOURS[r.status]}>{SUBJECT_ACCESS_STATUS_LABELS[r.status]}</Tag>;
}

/** "12 March 2026 (3 days left)", or why there is no date yet. */
export function dueWords(r: Pick<SubjectAccessRow, 'due' | 'daysLeft' | 'status'>): string {
  if (!r.due) return r.status === 'awaiting-identity' ? 'Not yet: the clock starts when identity is checked' : r.status === 'awaiting-clarification' ? 'Clock stopped until clarification is received' : '—';
  if (r.daysLeft === undefined) return formatDate(r.due);
  const n = Math.abs(r.daysLeft);
  const days = `${n} ${n === 1 ? 'day' : 'days'}`;
  return `${formatDate(r.due)} (${r.daysLeft === 0 ? 'today' : r.daysLeft > 0 ? `${days} left` : `${days} overdue`})`;
}
