import { useEffect, useMemo } from 'react';
import { parts } from '../../../../src-main/domain/time/dates';
import { monthView, weekView } from '../../../../src-main/domain/conferences/calendar-view';
import { can } from '../../../../src-main/domain/access/capabilities';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { useCasework } from '../../cases/casework-state';
import { useNav } from '../../app/nav';
import { useProcess } from '../process-state';
import { useSession } from '../../app/session';
import { CalendarControls } from './CalendarControls';
import { CalendarGrid } from './CalendarGrid';
import { ExportCalendar } from './ExportCalendar';
import type { Booked } from './MeetingEntry';
import { rangeOf, stepAnchor } from './range';
import '../../shared/components/casework.scss';
import './calendar.scss';

/**
 * Every case's meetings in a week or a month, Monday first. The main process sends the
 * meetings of the days shown (filtered by facilitator and status there); calendar-view.ts lays
 * them out by local date and works out end times on the days the clocks change.
 */
export function Calendar() {
  const h1 = usePageTitle('Calendar');
  const { reference, error: referenceError, load } = useCasework();
  const session = useSession((s) => s.session);
  const openCase = useNav((s) => s.openCase);
  const { calendar: choice, meetings, loadedRange, calendarError, chooseCalendar, loadCalendar } = useProcess();

  useEffect(() => {
    void load();
  }, [load]);

  const today = reference?.today;
  const anchor = choice.anchor ?? today;
  const range = anchor ? rangeOf(choice.mode, anchor) : undefined;
  const key = range ? `${range.from}/${range.to}` : undefined;

  useEffect(() => {
    if (range) void loadCalendar(range.from, range.to);
    // The range's dates (its key) and the filters decide what to read; the object is new each render.
  }, [key, choice.facilitatorId, choice.hideInactive, loadCalendar]);

  const loaded = loadedRange !== undefined && loadedRange === key;
  const weeks = useMemo(() => {
    if (!anchor) return [];
    const booked: Booked[] = loaded ? meetings.map((row) => ({ ...row.meeting, row })) : [];
    if (choice.mode === 'week') return [weekView(booked, anchor, {}, today).days];
    const { y, m } = parts(anchor);
    return monthView(booked, y, m, {}, today).weeks;
  }, [anchor, choice.mode, loaded, meetings, today]);

  if (referenceError) return <p className="govuk-error-message">{referenceError}</p>;
  if (!reference || !anchor || !range) {
    return (
      <>
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          Calendar
        </h1>
        <p className="govuk-body" role="status">
          Loading…
        </p>
      </>
    );
  }

  const unit = choice.mode;
  const who = reference.staff.find((s) => s.id === choice.facilitatorId)?.name;
  // Meetings on the days around a month that fill out its weeks are shown, so they count.
  const count = loaded ? meetings.length : undefined;
  const counted = count === undefined ? 'Loading meetings…' : `${count === 0 ? 'No' : count} ${count === 1 ? 'meeting' : 'meetings'} shown${who ? ` for ${who}` : ''}${choice.hideInactive ? ', leaving out postponed and cancelled meetings' : ''}.`;
  const canExportCalendar = can(session?.user.role, 'export-calendar');

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Calendar
      </h1>
      <p className="govuk-body">Meetings in every case. Choose a meeting to open its case.</p>
      <CalendarControls
        choice={choice}
        staff={reference.staff}
        onChoose={chooseCalendar}
        onStep={(by) => chooseCalendar({ anchor: stepAnchor(unit, anchor, by) })}
        onToday={() => chooseCalendar({ anchor: undefined })}
        onGoTo={(date) => chooseCalendar({ anchor: date })}
      />
      {calendarError ? (
        <p className="govuk-error-message" role="alert">
          {calendarError}
        </p>
      ) : (
        <p className="govuk-body cb-cal-count" role="status" data-testid="calendar-count">
          {counted}
        </p>
      )}
      {count === 0 && (who || choice.hideInactive) && <p className="govuk-inset-text">To see more, choose &ldquo;Everyone&rdquo; or show postponed and cancelled meetings.</p>}
      <CalendarGrid mode={unit} title={range.title} weeks={weeks} loaded={loaded} onOpen={openCase} onNavigate={(date) => chooseCalendar({ anchor: date })} />
      <p className="govuk-hint" id="calendar-keys">
        Arrow keys move between days, Page Up and Page Down to the previous or next {unit}. Tab moves to a day&rsquo;s meetings.
      </p>
      {canExportCalendar && (
        <ExportCalendar from={range.from} to={range.to} title={range.title} unit={unit} facilitatorId={choice.facilitatorId} hideInactive={choice.hideInactive} count={count} />
      )}
    </>
  );
}
