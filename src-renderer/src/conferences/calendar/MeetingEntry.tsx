import { formatDate } from '../../../../src-main/domain/time/dates';
import type { CalendarEntry } from '../../../../src-main/domain/conferences/calendar-view';
import { isActive, MEETING_KIND_LABELS, MEETING_STATUS_LABELS, type MeetingStatus } from '../../../../src-main/domain/conferences/meeting';
import { Tag, type TagColour } from '../../shared/components/Tag';
import type { CalendarMeeting } from '../process-state';
import { MEETING_FORMAT_LABELS } from '../../cases/labels';

/** The words carry the status; the colour only repeats it. */
const STATUS_COLOURS: Record<MeetingStatus, TagColour> = {
  proposed: 'yellow',
  confirmed: 'green',
  held: 'blue',
  postponed: 'orange',
  cancelled: 'grey',
};

/** A calendar entry whose meeting carries the case it belongs to (calendar-view works on meetings). */
export type Booked = CalendarMeeting['meeting'] & { row: CalendarMeeting };

/** "09:30–11:00", with the day it ends when that is later; the end in its own span (a busy month shows only the start). */
function Times({ e }: { e: CalendarEntry<Booked> }) {
  return (
    <span className="cb-cal-entry__time">
      {e.start}
      <span className="cb-cal-entry__end">
        –{e.end}
        {e.endsOn ? ` (ends ${formatDate(e.endsOn)})` : ''}
      </span>
    </span>
  );
}

/**
 * One meeting in a day: a button that opens the case, then its status, where it is and, in
 * the week view, who facilitates. No names of participants: the calendar may be on a shared
 * screen, and the case holds them.
 */
export function MeetingEntry({ entry, detailed, onOpen }: { entry: CalendarEntry<Booked>; detailed: boolean; onOpen(caseId: string): void }) {
  const m = entry.meeting;
  const { row } = m;
  const where = row.venueName ?? MEETING_FORMAT_LABELS[m.format];
  const who = [row.leadName, row.coName].filter(Boolean).join(' and ');
  return (
    <li className={`cb-cal-entry${isActive(m) ? '' : ' cb-cal-entry--inactive'}`} data-testid={`meeting-${m.id}`}>
      {/* The whole text is the button's name, "09:30–11:00 RJ-2026-0042 Conference", so a screen reader hears what it opens; the reference comes before the kind so a narrow month day still shows it. */}
      <button type="button" className="cb-link-button cb-cal-entry__open" onClick={() => onOpen(row.caseId)}>
        <Times e={entry} /> <span className="cb-cal-entry__ref">{row.reference}</span> <span className="cb-cal-entry__kind">{MEETING_KIND_LABELS[m.kind]}</span>
      </button>
      <span className="cb-cal-entry__tags">
        <Tag colour={STATUS_COLOURS[m.status]} className="cb-cal-entry__tag">
          {MEETING_STATUS_LABELS[m.status]}
        </Tag>
        {row.sensitive && (
          <Tag colour="purple" className="cb-cal-entry__tag">
            Sensitive
          </Tag>
        )}
      </span>
      <span className="cb-cal-entry__detail">{where}</span>
      {detailed && who && <span className="cb-cal-entry__detail">Facilitated by {who}</span>}
    </li>
  );
}
