import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseSummary } from '../../../src-main/domain/cases/case';
import type { SortColumn } from '../../../src-main/domain/cases/caseload';
import { EXIT_LABELS, STAGE_LABELS } from '../shared/lib/labels';
import type { CaseSort } from './cases-state';

export interface CaseListColumn {
  key: SortColumn;
  label: string;
  width: string;
  /** Which way a first click sorts: dates newest first, words A to Z, deadlines soonest first. */
  first: 'asc' | 'desc';
}

export const CASE_LIST_COLUMNS: readonly CaseListColumn[] = [
  // Wide enough for "RJ-2026-0041 Sensitive" and "22 Nov 2026 Overdue" on one line at 1280 px.
  { key: 'reference', label: 'Reference', width: '11.5rem', first: 'asc' },
  { key: 'name', label: 'People and offence', width: 'auto', first: 'asc' },
  { key: 'stage', label: 'Stage', width: '11rem', first: 'asc' },
  { key: 'receivedOn', label: 'Received', width: '7rem', first: 'desc' },
  { key: 'leadFacilitator', label: 'Lead facilitator', width: '11rem', first: 'asc' },
  { key: 'nextDue', label: 'Next due', width: '10.5rem', first: 'asc' },
];

/** "22 Nov 2026": GOV.UK allows short months in tables where space is tight. */
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
function ShortDate({ ymd }: { ymd: string }) {
  const d = new Date(`${ymd}T00:00:00Z`);
  return <time dateTime={ymd}>{Number.isNaN(d.getTime()) ? ymd : shortDate.format(d)}</time>;
}

/** One line a row (the cells do not wrap); measured once drawn. */
const ESTIMATE = 27;

/**
 * The list's box fills the window below whatever is above it (heading, search, filters), so
 * the list, not a letterbox inside a scrolling page, is what scrolls.
 */
function useFillWindow(box: RefObject<HTMLDivElement | null>): number | undefined {
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const fit = () => {
      const el = box.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(320, window.innerHeight - top - 16));
    };
    fit();
    window.addEventListener('resize', fit);
    // The filters opening or closing moves the box down or up.
    const watch = new ResizeObserver(fit);
    if (box.current?.parentElement) watch.observe(box.current.parentElement);
    return () => {
      window.removeEventListener('resize', fit);
      watch.disconnect();
    };
  }, [box]);
  return height;
}

interface Props {
  total: number;
  rowAt(index: number): CaseSummary | undefined;
  /** Called with the rows on screen (plus overscan) so they can be fetched. */
  onRange(start: number, end: number): void;
  /** The first and last rows a person can see, for "Showing 1–12 of 9,874". */
  onVisible(first: number, last: number): void;
  sort: CaseSort;
  onSort(sort: CaseSort): void;
  onOpen(id: string, index: number): void;
  today: string;
  /** Changes with every new query (rows are fetched again). */
  generation: number;
  /** Changes when the list should go back to the top (a new search, filter or sort). */
  topKey: number;
  /** The row to bring into view when the list first appears (coming back from a case). */
  anchor: number;
  /** Id of the element naming the list. */
  labelledBy: string;
}

/**
 * The case list as one accessible table in a scrolling box, with only the rows near the
 * view in the page (so 10,000 cases scroll smoothly). Screen readers still hear the true
 * size: the table has aria-rowcount and each row its aria-rowindex. Column headers are
 * buttons that sort, with aria-sort on the header. Each reference is a button that opens
 * the case; the up and down arrow keys move between them, bringing rows into view.
 */
export function CaseListTable({ total, rowAt, onRange, onVisible, sort, onSort, onOpen, today, generation, topKey, anchor, labelledBy }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const thead = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(56);
  const focusIndex = useRef<number | undefined>(undefined);
  const boxHeight = useFillWindow(scroller);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATE,
    overscan: 6,
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
    // Rows are keyed by position, so a row arriving from the main process (or a new query
    // reusing the place) does not throw away what was measured.
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useLayoutEffect(() => {
    if (thead.current) setHeadHeight(thead.current.getBoundingClientRect().height);
  }, []);

  // Coming back from a case: show the row the person left from, once its rows have arrived
  // (before that every row has the estimated height and the place would be wrong).
  const anchorLoaded = rowAt(Math.min(anchor, total - 1)) !== undefined;
  const restored = useRef(anchor <= 0);
  useEffect(() => {
    if (restored.current || !anchorLoaded) return;
    restored.current = true;
    virtualizer.scrollToIndex(Math.min(anchor, total - 1), { align: 'center' });
  }, [anchorLoaded, anchor, total, virtualizer]);

  useEffect(() => {
    if (lastIndex >= 0) onRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, onRange, generation, total]);

  // The rows actually in view (not the overscan), for the "Showing" line.
  const offset = virtualizer.scrollOffset ?? 0;
  const height = scroller.current?.clientHeight ?? 0;
  const visible = items.filter((it) => it.end > offset + headHeight + 1 && it.start < offset + height - 1);
  const shownFirst = visible[0]?.index ?? firstIndex;
  const shownLast = visible[visible.length - 1]?.index ?? lastIndex;
  useEffect(() => {
    onVisible(shownFirst, shownLast);
  }, [shownFirst, shownLast, onVisible]);

  // A new search, filter or sort starts at the top; coming back to the list keeps its place.
  const seenTop = useRef(topKey);
  useEffect(() => {
    if (seenTop.current !== topKey) {
      seenTop.current = topKey;
      virtualizer.scrollToOffset(0);
    }
  }, [topKey, virtualizer]);

  // After an arrow key, focus the row once it is in the page.
  useEffect(() => {
    const i = focusIndex.current;
    if (i === undefined) return;
    const el = scroller.current?.querySelector<HTMLButtonElement>(`[data-row-index="${i}"]`);
    if (el) {
      focusIndex.current = undefined;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const at = (e.target as HTMLElement).dataset.rowIndex;
    if (at === undefined) return;
    // A key held down outruns rendering: while a row is still waiting to be drawn and focused,
    // the next press moves on from that row, not from the one that still has focus.
    const i = focusIndex.current ?? Number(at);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = Math.min(total - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home' && e.ctrlKey) next = 0;
    else if (e.key === 'End' && e.ctrlKey) next = total - 1;
    if (next === undefined || next === i) return;
    e.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const el = scroller.current?.querySelector<HTMLButtonElement>(`[data-row-index="${next}"]`);
    if (el) el.focus({ preventScroll: true });
    else focusIndex.current = next;
  };

  const top = items.length > 0 ? (items[0]?.start ?? 0) - headHeight : 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div className="cb-caselist" ref={scroller} style={boxHeight ? { maxHeight: boxHeight } : undefined} role="region" aria-labelledby={labelledBy} tabIndex={0} data-testid="case-list">
      <table className="govuk-table" aria-rowcount={total + 1} aria-labelledby={labelledBy}>
        <colgroup>
          {CASE_LIST_COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead className="govuk-table__head" ref={thead}>
          <tr className="govuk-table__row" aria-rowindex={1}>
            {CASE_LIST_COLUMNS.map((c) => {
              const active = sort.column === c.key;
              const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
              return (
                <th key={c.key} scope="col" className="govuk-table__header" aria-sort={ariaSort}>
                  <button
                    type="button"
                    className="cb-sort"
                    data-sort={c.key}
                    onClick={() => onSort({ column: c.key, direction: active ? (sort.direction === 'asc' ? 'desc' : 'asc') : c.first })}
                  >
                    {c.label}
                    <span className="cb-sort__arrow" aria-hidden="true">
                      {active ? (sort.direction === 'asc' ? '▲' : '▼') : '⇅'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="govuk-table__body" onKeyDown={onKeyDown}>
          {top > 0 && (
            <tr className="cb-caselist__spacer" aria-hidden="true">
              <td colSpan={CASE_LIST_COLUMNS.length} style={{ height: top }} />
            </tr>
          )}
          {items.map((it) => {
            const r = rowAt(it.index);
            return (
              <tr
                key={it.key}
                className="govuk-table__row"
                data-index={it.index}
                ref={virtualizer.measureElement}
                aria-rowindex={it.index + 2}
                // A row still on its way keeps the expected height, so the list does not jump when it arrives.
                style={r ? undefined : { height: ESTIMATE }}
              >
                {r ? <CaseCells r={r} index={it.index} today={today} onOpen={onOpen} /> : <LoadingCells />}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr className="cb-caselist__spacer" aria-hidden="true">
              <td colSpan={CASE_LIST_COLUMNS.length} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function LoadingCells() {
  return (
    <>
      <td className="govuk-table__cell cb-caselist__muted">Loading…</td>
      {CASE_LIST_COLUMNS.slice(1).map((c) => (
        <td key={c.key} className="govuk-table__cell" />
      ))}
    </>
  );
}

function CaseCells({ r, index, today, onOpen }: { r: CaseSummary; index: number; today: string; onOpen(id: string, index: number): void }) {
  const ended = r.stage === 'closed' || r.exit !== undefined;
  const overdue = !ended && r.nextDue !== undefined && r.nextDue < today;
  return (
    <>
      <td className="govuk-table__cell cb-nowrap">
        <button type="button" className="cb-link-button cb-reference" data-row-index={index} onClick={() => onOpen(r.id, index)}>
          {r.reference}
        </button>
        {r.sensitive && <strong className="govuk-tag govuk-tag--purple cb-tag">Sensitive</strong>}
      </td>
      <td className="govuk-table__cell cb-caselist__clip" title={`${r.names.join(', ') || 'No one yet'}: ${r.offenceCategory}`}>
        {r.names.join(', ') || 'No one yet'}
        <span className="cb-caselist__sub">{r.offenceCategory}</span>
      </td>
      <td className="govuk-table__cell cb-caselist__clip">{r.exit ? `Ended: ${EXIT_LABELS[r.exit]}` : STAGE_LABELS[r.stage]}</td>
      <td className="govuk-table__cell cb-nowrap">
        <ShortDate ymd={r.receivedOn} />
      </td>
      <td className="govuk-table__cell cb-caselist__clip">{r.leadFacilitator ?? <span className="cb-caselist__muted">Not assigned</span>}</td>
      <td className="govuk-table__cell cb-nowrap">
        {ended || !r.nextDue ? (
          <span className="cb-caselist__muted">None</span>
        ) : (
          <>
            <span className="cb-nowrap">
              <ShortDate ymd={r.nextDue} />
            </span>
            {overdue && <strong className="govuk-tag govuk-tag--red cb-tag">Overdue</strong>}
          </>
        )}
      </td>
    </>
  );
}
