import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { addDays, daysInMonth, formatDate, makeDate, parts } from '../../../../src-main/domain/time/dates';
import type { CalendarDay } from '../../../../src-main/domain/conferences/calendar-view';
import type { CalendarMode } from '../process-state';
import { MeetingEntry, type Booked } from './MeetingEntry';
import { clockChangeNote, longDay, stepAnchor, WEEKDAYS } from './range';

interface GridProps {
  mode: CalendarMode;
  title: string;
  /** Week view: seven days; month view: whole weeks. */
  weeks: CalendarDay<Booked>[][];
  /** False while the meetings for these days are still on their way. */
  loaded: boolean;
  onOpen(caseId: string): void;
  /** The arrow keys went past the days shown: show the week or month holding `date`. */
  onNavigate(date: string): void;
}

const KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/** The day a key moves to from `date`; weeks run Monday (0) to Sunday (6). */
function moveFrom(date: string, weekday: number, key: string, mode: CalendarMode): string {
  const rowStep = mode === 'week' ? 1 : 7;
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -rowStep);
    case 'ArrowDown':
      return addDays(date, rowStep);
    case 'Home':
      return addDays(date, -weekday);
    case 'End':
      return addDays(date, 6 - weekday);
    case 'PageUp':
    case 'PageDown': {
      const by = key === 'PageUp' ? -1 : 1;
      if (mode === 'week') return addDays(date, 7 * by);
      // The same day of the next month, or its last day when it is shorter.
      const { y, m } = parts(stepAnchor('month', date, by));
      return makeDate(y, m, Math.min(parts(date).d, daysInMonth(y, m)));
    }
    default:
      return date;
  }
}

/**
 * The calendar as a table: a week is a row per day, a month is the usual grid of weeks with
 * a column per weekday. One day at a time is in the tab order (the focused day, else today);
 * the arrow keys move between days and Tab goes on to that day's meetings, so a month full
 * of meetings is not a hundred tab stops.
 */
export function CalendarGrid({ mode, title, weeks, loaded, onOpen, onNavigate }: GridProps) {
  const days = weeks.flat();
  const [focusDate, setFocusDate] = useState<string>();
  const pendingFocus = useRef(false);
  const table = useRef<HTMLTableElement>(null);
  const inView = (d: string | undefined) => d !== undefined && days.some((x) => x.date === d);
  const tabbable = inView(focusDate) ? focusDate : (days.find((d) => d.isToday)?.date ?? days.find((d) => d.inPeriod)?.date ?? days[0]?.date);

  useEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    table.current?.querySelector<HTMLElement>(`td[data-date="${tabbable}"]`)?.focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const cell = e.target as HTMLElement;
    const date = cell.dataset.date;
    if (cell.tagName !== 'TD' || !date || !KEYS.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const day = days.find((d) => d.date === date);
    const next = moveFrom(date, day?.weekday ?? 0, e.key, mode);
    setFocusDate(next);
    pendingFocus.current = true;
    if (!inView(next)) onNavigate(next);
  };

  const cell = (d: CalendarDay<Booked>, children: ReactNode) => (
    <td
      key={d.date}
      className={['govuk-table__cell cb-cal__day', d.isToday && 'cb-cal__day--today', !d.inPeriod && 'cb-cal__day--outside', d.weekday >= 5 && 'cb-cal__day--weekend'].filter(Boolean).join(' ')}
      data-date={d.date}
      tabIndex={d.date === tabbable ? 0 : -1}
      aria-current={d.isToday ? 'date' : undefined}
      onFocus={(e) => {
        if (e.target === e.currentTarget) setFocusDate(d.date);
      }}
    >
      {children}
    </td>
  );

  const entries = (d: CalendarDay<Booked>, emptyText?: string) =>
    d.entries.length > 0 ? (
      <ul className="cb-cal__entries">
        {d.entries.map((en) => (
          <MeetingEntry key={en.meeting.id} entry={en} detailed={mode === 'week'} onOpen={onOpen} />
        ))}
      </ul>
    ) : (
      loaded && emptyText && <p className="cb-cal__none">{emptyText}</p>
    );

  const clockNote = (d: CalendarDay<Booked>) => {
    const note = clockChangeNote(d.date);
    return note && <span className="cb-cal__clock">{note}</span>;
  };
  const todayTag = (d: CalendarDay<Booked>) => d.isToday && <strong className="govuk-tag cb-cal__today">Today</strong>;

  return (
    <table className={`govuk-table cb-cal cb-cal--${mode}`} ref={table} onKeyDown={onKeyDown} aria-describedby="calendar-keys" data-testid="calendar-grid">
      <caption className="govuk-table__caption govuk-table__caption--m">{title}</caption>
      {mode === 'week' ? (
        <>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header cb-cal__dayhead">
                Day
              </th>
              <th scope="col" className="govuk-table__header">
                Meetings
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {days.map((d) => (
              <tr className="govuk-table__row" key={d.date}>
                <th scope="row" className={`govuk-table__header cb-cal__dayhead${d.isToday ? ' cb-cal__dayhead--today' : ''}`}>
                  <span className="cb-cal__weekday">{WEEKDAYS[d.weekday]}</span> {formatDate(d.date).replace(/ \d{4}$/, '')} {todayTag(d)}
                  {clockNote(d)}
                </th>
                {cell(d, entries(d, 'No meetings'))}
              </tr>
            ))}
          </tbody>
        </>
      ) : (
        <>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {WEEKDAYS.map((w) => (
                <th scope="col" className="govuk-table__header" key={w}>
                  <span aria-hidden="true">{w.slice(0, 3)}</span>
                  <span className="govuk-visually-hidden">{w}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {weeks.map((w) => (
              <tr className="govuk-table__row" key={w[0]?.date}>
                {w.map((d) =>
                  cell(
                    d,
                    <>
                      <span className="cb-cal__date">
                        <span aria-hidden="true">{d.inPeriod ? parts(d.date).d : formatDate(d.date).replace(/ \d{4}$/, '').replace(/(\w{3})\w*$/, '$1')}</span>
                        <span className="govuk-visually-hidden">{longDay(d.date, d.weekday)}</span> {todayTag(d)}
                      </span>
                      {clockNote(d)}
                      {entries(d)}
                    </>,
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </>
      )}
    </table>
  );
}
