import { create } from 'zustand';
import type { Case, CaseSummary } from '../../../src-main/domain/case';
import { call, messageOf } from '../api/client';

interface CasesState {
  cases?: CaseSummary[];
  query: string;
  current?: Case;
  error?: string;
  load(query?: string): Promise<void>;
  open(id: string): Promise<void>;
}

export const casesInitial = { cases: undefined, query: '', current: undefined, error: undefined };

export const useCases = create<CasesState>()((set) => ({
  ...casesInitial,
  async load(query = '') {
    set({ query, error: undefined });
    try {
      const q = query.trim();
      set({ cases: await call('listCases', q ? { query: q } : {}) });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },
  async open(id) {
    set({ current: undefined, error: undefined });
    try {
      set({ current: await call('getCase', { id }) });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },
}));
