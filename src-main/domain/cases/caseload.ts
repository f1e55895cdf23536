import { z } from 'zod';
import { EXITS, STAGES, type CaseSummary, type Exit, type Stage } from './case';
import { fold } from '../shared/fold';
import { strictForm } from '../shared/strict-form';

/**
 * The case list and the dashboard, computed from the summary rows kept in the index so that
 * no case file is opened. It must stay well inside 100 ms at 10,000 rows, so the folded
 * search text and sort keys of each row are computed once and remembered for as long as that
 * row object lives (rows are replaced, never mutated, when a case is saved).
 */

export const SORT_COLUMNS = ['reference', 'stage', 'receivedOn', 'source', 'offenceCategory', 'name', 'leadFacilitator', 'updatedAt', 'nextDue', 'sensitive'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const CaseloadQuerySchema = strictForm(
  {
    search: z.string().max(200, { error: 'Search for at most 200 characters' }).optional(),
    stages: z.array(z.enum(STAGES, { error: 'Choose a stage from the list' })).max(STAGES.length).optional(),
    /** Staff id of the lead or co-facilitator, or the lead's name for older cases. */
    facilitator: z.string().max(120).optional(),
    source: z.string().max(80).optional(),
    sensitive: z.boolean().optional(),
    overdue: z.boolean().optional(),
    /** open: not closed and not exited; ended: closed or exited. */
    status: z.enum(['open', 'ended', 'all']).optional(),
    sort: strictForm({ column: z.enum(SORT_COLUMNS, { error: 'Choose a column to sort by' }), direction: z.enum(['asc', 'desc']) }, 'the sort order').optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  },
  'the case-list query',
);
export type CaseloadQuery = z.infer<typeof CaseloadQuerySchema>;

interface RowKeys {
  haystack: string;
  name: string;
  reference: string;
  source: string;
  offence: string;
  lead: string;
}
const keys = new WeakMap<CaseSummary, RowKeys>();

/** RJ-2026-42 sorts before RJ-2026-100: pad the number so text order is number order. */
function referenceKey(ref: string): string {
  const m = /^(.*)-(\d{4})-(\d+)$/.exec(ref);
  return m ? `${m[1]}-${m[2]}-${(m[3] as string).padStart(6, '0')}` : ref;
}

function keysOf(r: CaseSummary): RowKeys {
  let k = keys.get(r);
  if (!k) {
    const names = r.names.map(fold);
    k = {
      haystack: ['', fold(r.reference), fold(r.offenceCategory), ...names, ''].join('\n'),
      name: names[0] ?? '',
      reference: referenceKey(r.reference),
      source: fold(r.source),
      offence: fold(r.offenceCategory),
      lead: fold(r.leadFacilitator ?? ''),
    };
    keys.set(r, k);
  }
  return k;
}

/**
 * Compute the search and sort keys of every row ahead of the first query (for example just
 * after unlocking), so that the first search is as quick as the rest.
 */
export function primeCaseload(rows: readonly CaseSummary[]): void {
  for (const r of rows) keysOf(r);
}

export function isEndedRow(r: CaseSummary): boolean {
  return r.stage === 'closed' || r.exit !== undefined;
}

export function isOverdueRow(r: CaseSummary, today: string): boolean {
  return !isEndedRow(r) && r.nextDue !== undefined && r.nextDue < today;
}

export function isDueSoonRow(r: CaseSummary, today: string, dueSoonUntil: string): boolean {
  return !isEndedRow(r) && r.nextDue !== undefined && r.nextDue >= today && r.nextDue <= dueSoonUntil;
}

export function isMyCase(r: CaseSummary, staffId: string): boolean {
  return r.leadFacilitatorId === staffId || r.coFacilitatorId === staffId;
}

function sortValue(r: CaseSummary, column: SortColumn): string | number | undefined {
  const k = keysOf(r);
  switch (column) {
    case 'reference':
      return k.reference;
    case 'stage':
      return STAGES.indexOf(r.stage);
    case 'receivedOn':
      return r.receivedOn;
    case 'source':
      return k.source;
    case 'offenceCategory':
      return k.offence;
    case 'name':
      return k.name || undefined;
    case 'leadFacilitator':
      return k.lead || undefined;
    case 'updatedAt':
      return r.updatedAt;
    case 'nextDue':
      return r.nextDue;
    case 'sensitive':
      return r.sensitive ? 1 : 0;
  }
}

/**
 * Search (reference, offence and names, ignoring case and accents), filter, sort and page.
 * Empty values (no lead, no deadline) sort last in both directions; ties go by reference so
 * the order is stable from one query to the next.
 */
export function queryCaseload(rows: readonly CaseSummary[], q: CaseloadQuery, today: string): { rows: CaseSummary[]; total: number } {
  const needle = q.search ? fold(q.search) : '';
  const stages = q.stages && q.stages.length > 0 ? new Set<Stage>(q.stages) : undefined;
  const facilitator = q.facilitator ? fold(q.facilitator) : '';
  const source = q.source ? fold(q.source) : '';
  const status = q.status ?? 'all';
  const out: CaseSummary[] = [];
  for (const r of rows) {
    if (stages && !stages.has(r.stage)) continue;
    if (status !== 'all' && isEndedRow(r) !== (status === 'ended')) continue;
    if (q.sensitive !== undefined && r.sensitive !== q.sensitive) continue;
    if (q.overdue !== undefined && isOverdueRow(r, today) !== q.overdue) continue;
    if (facilitator && r.leadFacilitatorId !== q.facilitator && r.coFacilitatorId !== q.facilitator && keysOf(r).lead !== facilitator) continue;
    if (source && keysOf(r).source !== source) continue;
    if (needle && !keysOf(r).haystack.includes(needle)) continue;
    out.push(r);
  }
  const column = q.sort?.column ?? 'receivedOn';
  const dir = (q.sort?.direction ?? 'desc') === 'asc' ? 1 : -1;
  const decorated = out.map((r) => ({ r, v: sortValue(r, column), ref: keysOf(r).reference }));
  decorated.sort((a, b) => {
    if (a.v !== b.v) {
      if (a.v === undefined) return 1;
      if (b.v === undefined) return -1;
      return (a.v < b.v ? -1 : 1) * dir;
    }
    return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
  });
  const offset = q.offset ?? 0;
  const limit = q.limit ?? decorated.length;
  return { rows: decorated.slice(offset, offset + limit).map((d) => d.r), total: decorated.length };
}

export interface Dashboard {
  /** Cases still in progress or closed, by stage; exited cases are counted in `exited`. */
  byStage: Record<Stage, number>;
  exited: Record<Exit, number>;
  open: number;
  myCases: CaseSummary[];
  overdue: CaseSummary[];
  dueSoon: CaseSummary[];
  recentlyChanged: CaseSummary[];
}

export interface DashboardOptions {
  today: string;
  /** The last day counted as "due soon": addWorkingDays(today, rules.dueSoonWorkingDays). */
  dueSoonUntil: string;
  /** The staff id of the person looking, for "my cases". */
  me?: string;
  recentLimit?: number;
}

export function dashboard(rows: readonly CaseSummary[], o: DashboardOptions): Dashboard {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const exited = Object.fromEntries(EXITS.map((e) => [e, 0])) as Record<Exit, number>;
  const d: Dashboard = { byStage, exited, open: 0, myCases: [], overdue: [], dueSoon: [], recentlyChanged: [] };
  for (const r of rows) {
    if (r.exit) exited[r.exit]++;
    else byStage[r.stage]++;
    if (isEndedRow(r)) continue;
    d.open++;
    if (o.me && isMyCase(r, o.me)) d.myCases.push(r);
    if (isOverdueRow(r, o.today)) d.overdue.push(r);
    else if (isDueSoonRow(r, o.today, o.dueSoonUntil)) d.dueSoon.push(r);
  }
  const byDue = (a: CaseSummary, b: CaseSummary) => ((a.nextDue ?? '') < (b.nextDue ?? '') ? -1 : (a.nextDue ?? '') > (b.nextDue ?? '') ? 1 : 0);
  d.overdue.sort(byDue);
  d.dueSoon.sort(byDue);
  d.myCases.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  const limit = o.recentLimit ?? 10;
  d.recentlyChanged = [...rows].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)).slice(0, limit);
  return d;
}
