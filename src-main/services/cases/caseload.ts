import { staffOf } from '../../domain/staff/people';
import { dashboard, queryCaseload as query, type CaseloadQuery, type Dashboard } from '../../domain/cases/caseload';
import type { CaseSummary } from '../../domain/cases/case';

import { addWorkingDays, HolidayDataRangeError } from '../../domain/time/working-days';
import type { Casework } from './context';
import { visibleRows } from './case-access';
import { overdueActionRows, type OverdueActionsRow } from '../outcomes/overdue-actions';

/**
 * The case list and the dashboard, from the summary rows in memory: no case file is opened.
 */
export function queryCaseload(cw: Casework, q: CaseloadQuery): { rows: CaseSummary[]; total: number } {
  const r = query(visibleRows(cw.s), q, cw.today);
  return { rows: r.rows.map(listRow), total: r.total };
}

/** A row as lists show it: the process facts stay in the main process (calendar and figures read them there). */
export function listRow(r: CaseSummary): CaseSummary {
  if (r.facts === undefined) return r;
  const { facts: _f, ...rest } = r;
  return rest;
}


export function getDashboard(cw: Casework): Dashboard & { counts: { overdue: number; dueSoon: number; myCases: number }; overdueActions: { count: number; rows: OverdueActionsRow[] } } {
  let dueSoonUntil = cw.today;
  try {
    dueSoonUntil = addWorkingDays(cw.today, cw.t.deadlineRules.dueSoonWorkingDays, cw.t.holidays);
  } catch (e) {
    // Past the bank-holiday data: show only what is due today (the case screen says no more either).
    if (!(e instanceof HolidayDataRangeError)) throw e;
  }
  // The person signed in is their staff record (one list of people): its cases are "my cases".
  const me = staffOf(cw.s.user, cw.s.index.staff);
  const rows = visibleRows(cw.s);
  const d = dashboard(rows, { today: cw.today, dueSoonUntil, ...(me ? { me: me.id } : {}) });
  // A busy hub can have thousands overdue: send the counts and the first rows of each list,
  // not every row (the full list is one click away in the case list, filtered).
  const actions = overdueActionRows(rows, cw.today);
  const first = (list: CaseSummary[]) => list.slice(0, DASHBOARD_ROWS).map(listRow);
  return {
    ...d,
    counts: { overdue: d.overdue.length, dueSoon: d.dueSoon.length, myCases: d.myCases.length },
    overdue: first(d.overdue),
    dueSoon: first(d.dueSoon),
    myCases: first(d.myCases),
    recentlyChanged: d.recentlyChanged.map(listRow),
    overdueActions: { count: actions.length, rows: actions.slice(0, DASHBOARD_ROWS) },
  };
}

const DASHBOARD_ROWS = 25;
