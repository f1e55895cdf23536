import { COMPLAINT_STATUS_LABELS, type ComplaintRow } from '../../../src-main/domain/quality/complaints';
import { REVIEW_STATUS_LABELS, type ReviewStatus } from '../../../src-main/domain/quality/policies';
import { Tag, type TagColour } from '../shared/components/Tag';

/** The words carry the status; the colour adds to them (red overdue, yellow due soon). */
const REVIEW_COLOURS: Record<ReviewStatus, TagColour> = { overdue: 'red', 'due-soon': 'yellow', current: 'green' };

export function ReviewTag({ status }: { status: ReviewStatus }) {
  return <Tag colour={REVIEW_COLOURS[status]}>{REVIEW_STATUS_LABELS[status]}</Tag>;
}

/** A late acknowledgement stays visible after it is made: "Acknowledged late", "Closed (acknowledged late)". */
export function ComplaintTag({ c }: { c: Pick<ComplaintRow, 'status' | 'late'> }) {
  if (c.status === 'overdue') return <Tag colour="red">{COMPLAINT_STATUS_LABELS.overdue}</Tag>;
  if (c.status === 'due') return <Tag colour="yellow">{COMPLAINT_STATUS_LABELS.due}</Tag>;
  if (c.status === 'acknowledged') return <Tag colour={c.late ? 'orange' : 'green'}>{c.late ? 'Acknowledged late' : 'Acknowledged'}</Tag>;
  return <Tag colour="grey">{c.late ? 'Closed (acknowledged late)' : 'Closed'}</Tag>;
}
