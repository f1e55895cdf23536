import { create } from 'zustand';
import type { CaseSummary, Stage } from '../../../src-main/domain/cases/case';
import type { CaseloadQuery, SortColumn } from '../../../src-main/domain/cases/caseload';
import { call, messageOf } from '../shared/api/client';

/**
 * The case list: what the person searched and filtered for, the sort order, and the rows
 * fetched so far. The list can hold 10,000 cases, so rows come a page at a time as the
 * virtualised table scrolls to them; every new query starts a new generation and answers to
 * older ones are dropped. Also holds the referral form's draft (so looking at a possible
 * duplicate does not lose what was typed); all of it is cleared on lock.
 */

export interface CaseFilters {
  search: string;
  stage: Stage | '';
  /** Staff id (or, for older cases, the lead's name). */
  facilitator: string;
  /** Referral source label, as cases store it. */
  source: string;
  sensitive: '' | 'yes' | 'no';
  overdue: boolean;
  status: 'all' | 'open' | 'ended';
}

export interface CaseSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export const CASE_PAGE_SIZE = 200;

export const EMPTY_FILTERS: CaseFilters = { search: '', stage: '', facilitator: '', source: '', sensitive: '', overdue: false, status: 'all' };
export const DEFAULT_SORT: CaseSort = { column: 'receivedOn', direction: 'desc' };

interface CasesState {
  filters: CaseFilters;
  sort: CaseSort;
  /** Matching cases in total; undefined until the first answer. */
  total?: number;
  /** Fetched pages of rows, by page number (CASE_PAGE_SIZE rows each). */
  pages: Record<number, CaseSummary[]>;
  generation: number;
  /** Changes when a query should take the list back to the top (not when returning to it). */
  topKey: number;
  /** How long the last query took in the main process and back, in milliseconds. */
  lastQueryMs?: number;
  error?: string;
  /** The row to bring back into view when returning to the list (the case opened, or the first row seen). */
  anchor: number;
  /** The referral form as last typed (screens/referral); unknown here to keep layers apart. */
  referralDraft?: unknown;

  /**
   * Run a new query (the current filters and sort unless given) from the first page. With
   * `keepPlace` (coming back to the list) the scroll position is kept.
   */
  query(filters?: CaseFilters, sort?: CaseSort, keepPlace?: boolean): Promise<void>;
  /** Make sure the rows from `start` to `end` (inclusive) are fetched or on their way. */
  ensureRange(start: number, end: number): void;
  rowAt(index: number): CaseSummary | undefined;
  setAnchor(index: number): void;
}

export const casesInitial = {
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  total: undefined,
  pages: {},
  generation: 0,
  topKey: 0,
  lastQueryMs: undefined,
  error: undefined,
  anchor: 0,
  referralDraft: undefined,
};

/** Only the filters the person set, in the command's terms. */
export function toQuery(f: CaseFilters, sort: CaseSort): CaseloadQuery {
  const search = f.search.trim();
  return {
    ...(search ? { search } : {}),
    ...(f.stage ? { stages: [f.stage] } : {}),
    ...(f.facilitator ? { facilitator: f.facilitator } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(f.sensitive ? { sensitive: f.sensitive === 'yes' } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.status !== 'all' ? { status: f.status } : {}),
    sort,
  };
}

/** Pages being fetched for the current generation, so scrolling does not ask twice. */
const pending = new Set<string>();

export const useCases = create<CasesState>()((set, get) => {
  async function fetchPage(generation: number, page: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (pending.has(key)) return;
    pending.add(key);
    const { filters, sort } = get();
    const started = performance.now();
    try {
      const { rows, total } = await call('queryCaseload', { ...toQuery(filters, sort), offset: page * CASE_PAGE_SIZE, limit: CASE_PAGE_SIZE });
      if (get().generation !== generation) return;
      set((s) => ({ total, pages: { ...s.pages, [page]: rows }, error: undefined, ...(page === 0 ? { lastQueryMs: Math.round(performance.now() - started) } : {}) }));
    } catch (e) {
      if (get().generation === generation) set({ error: messageOf(e) });
    } finally {
      pending.delete(key);
    }
  }

  return {
    ...casesInitial,
    async query(filters = get().filters, sort = get().sort, keepPlace = false) {
      const generation = get().generation + 1;
      if (!keepPlace) {
        // Keep the old total on screen until the new one arrives, so the count does not flicker.
        set({ filters, sort, generation, pages: {}, error: undefined, anchor: 0, topKey: get().topKey + 1 });
        await fetchPage(generation, 0);
        return;
      }
      // Coming back to the list: fetch the pages already on screen again and swap them in
      // together, so the rows in view do not blink to "Loading…" and lose their place.
      const had = Object.keys(get().pages).map(Number);
      set({ filters, sort, generation, error: undefined });
      const wanted = had.length > 0 ? had : [0];
      try {
        const q = toQuery(filters, sort);
        const answers = await Promise.all(wanted.map((p) => call('queryCaseload', { ...q, offset: p * CASE_PAGE_SIZE, limit: CASE_PAGE_SIZE })));
        if (get().generation !== generation) return;
        const pages: Record<number, CaseSummary[]> = {};
        wanted.forEach((p, i) => (pages[p] = (answers[i] as { rows: CaseSummary[] }).rows));
        set({ pages, total: (answers[0] as { total: number }).total });
      } catch (e) {
        if (get().generation === generation) set({ error: messageOf(e) });
      }
    },
    ensureRange(start, end) {
      const { generation, pages, total } = get();
      if (total === undefined || total === 0) return;
      const last = Math.min(end, total - 1);
      for (let p = Math.floor(Math.max(0, start) / CASE_PAGE_SIZE); p <= Math.floor(last / CASE_PAGE_SIZE); p++) {
        if (!pages[p]) void fetchPage(generation, p);
      }
    },
    rowAt(index) {
      return get().pages[Math.floor(index / CASE_PAGE_SIZE)]?.[index % CASE_PAGE_SIZE];
    },
    setAnchor(index) {
      if (get().anchor !== index) set({ anchor: index });
    },
  };
});
