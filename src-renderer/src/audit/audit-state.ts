import { create } from 'zustand';
import type { AuditEntry } from '../../../src-main/domain/casebook/audit';
import type { User } from '../../../src-main/domain/casebook/user';
import { call, messageOf } from '../shared/api/client';

export interface AuditFilterForm {
  from: string;
  to: string;
  userId: string;
  action: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  problems: { file: string; message: string }[];
}

export const AUDIT_PAGE_SIZE = 25;

interface AuditState {
  filter: AuditFilterForm;
  offset: number;
  total: number;
  entries?: AuditEntry[];
  users?: User[];
  error?: string;
  verifying: boolean;
  verifyResult?: VerifyResult;
  load(filter?: AuditFilterForm, offset?: number): Promise<void>;
  loadUsers(): Promise<void>;
  verify(): Promise<void>;
}

export const auditInitial = {
  filter: { from: '', to: '', userId: '', action: '' },
  offset: 0,
  total: 0,
  entries: undefined,
  users: undefined,
  error: undefined,
  verifying: false,
  verifyResult: undefined,
};

/** Empty boxes mean "any": send only the filters the person filled in. */
function toInput(f: AuditFilterForm, offset: number) {
  return {
    offset,
    limit: AUDIT_PAGE_SIZE,
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.action.trim() ? { action: f.action.trim() } : {}),
  };
}

let asked = 0;

export const useAudit = create<AuditState>()((set, get) => ({
  ...auditInitial,
  async load(filter = get().filter, offset = 0) {
    // The page number, the count and the rows change together, when the rows arrive: otherwise
    // "Showing 26 to 50" would sit above the first page's rows for a moment. A newer request
    // wins over a slower older one.
    const ask = ++asked;
    set({ error: undefined });
    try {
      const { total, entries } = await call('listAudit', toInput(filter, offset));
      if (ask === asked) set({ filter, offset, total, entries });
    } catch (e) {
      if (ask === asked) set({ filter, error: messageOf(e) });
    }
  },
  async loadUsers() {
    try {
      set({ users: await call('listUsers') });
    } catch {
      set({ users: [] });
    }
  },
  async verify() {
    set({ verifying: true, verifyResult: undefined, error: undefined });
    try {
      set({ verifyResult: await call('verifyStore') });
    } catch (e) {
      set({ error: messageOf(e) });
    } finally {
      set({ verifying: false });
    }
  },
}));
