import { create } from 'zustand';
import type { CaseView } from '../../../src-main/domain/cases/case-view';
import type { WorkflowCommand } from '../../../src-main/domain/cases/workflow';
import { ApiError, call, messageOf } from '../shared/api/client';
import { useSession } from '../app/session';

/** The sections of the case page, in the order of the sub-navigation. */
export const CASE_TABS = ['overview', 'people', 'contacts', 'consent', 'risk', 'process', 'agreement', 'feedback', 'deadlines', 'documents', 'access'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/**
 * A command that failed part way through a batch (recording consent to several elements is
 * one command per element): how many were saved before it, and why it failed.
 */
export class BatchError extends Error {
  readonly done: number;
  readonly failure: unknown;
  constructor(done: number, failure: unknown) {
    super(messageOf(failure));
    this.name = 'BatchError';
    this.done = done;
    this.failure = failure;
  }
}

/** What a form shows when someone else saved the case first; the case is reloaded for them. */
export const CONFLICT_MESSAGE =
  'This case was changed by someone else while you were working on it. The latest version has been loaded: check it, then save again.';

interface CaseViewState {
  caseId?: string;
  view?: CaseView;
  error?: string;
  tab: CaseTab;
  /** The one inline form open on the page (for example "contact:p_abc…" or "advance"). */
  form?: string;
  /** What the last change did ("Contact recorded"), shown in a success banner. */
  notice?: string;
  /** Bumped with every notice, so the banner takes focus again for a repeated message. */
  noticeKey: number;
  open(id: string): Promise<void>;
  reload(): Promise<void>;
  setTab(tab: CaseTab): void;
  openForm(form?: string): void;
  /**
   * Apply commands in order, each with the revision the last one returned. Resolves when all
   * are saved; rejects with ApiError (CONFLICT after reloading the case) or, when a later
   * command in a batch fails, with BatchError saying how many were saved.
   */
  apply(commands: readonly WorkflowCommand[], notice: string): Promise<void>;
  /**
   * Log an indirect-process entry with a file the user chooses in the system's open dialog;
   * the file and the entry are saved together. Rejects, saving nothing, when no file is chosen.
   */
  logWithAttachment(entry: Extract<WorkflowCommand, { type: 'log-indirect' }>['entry'], notice: string, chosen?: string): Promise<void>;
}

export const caseViewInitial = {
  caseId: undefined,
  view: undefined,
  error: undefined,
  tab: 'overview' as CaseTab,
  form: undefined,
  notice: undefined,
  noticeKey: 0,
};

let opener: HTMLElement | null = null;

export const useCaseView = create<CaseViewState>()((set, get) => ({
  ...caseViewInitial,
  async open(id) {
    // Coming back to the case already on screen keeps the section and any open form.
    if (get().caseId !== id) set({ ...caseViewInitial, caseId: id, noticeKey: get().noticeKey });
    else set({ error: undefined });
    try {
      const view = await call('getCaseView', { id });
      if (get().caseId === id) set({ view });
    } catch (e) {
      if (get().caseId === id) set({ error: messageOf(e) });
    }
  },
  async reload() {
    const id = get().caseId;
    if (!id) return;
    try {
      const view = await call('getCaseView', { id });
      if (get().caseId === id) set({ view, error: undefined });
    } catch (e) {
      if (get().caseId === id) set({ error: messageOf(e) });
    }
  },
  setTab(tab) {
    set({ tab, form: undefined, notice: undefined });
  },
  openForm(form) {
    // Remember the button that opened a form, so closing it (Cancel) puts focus back there.
    if (form) opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    set({ form, notice: undefined });
    if (!form && opener) {
      const el = opener;
      opener = null;
      setTimeout(() => {
        if (el.isConnected) el.focus();
      }, 0);
    }
  },
  async apply(commands, notice) {
    set({ notice: undefined });
    let done = 0;
    for (const command of commands) {
      const view = get().view;
      if (!view) throw new ApiError('NOT_FOUND', 'The case is not open.');
      try {
        const next = await call('applyCaseCommand', { caseId: view.case.id, revision: view.case.revision, command });
        set({ view: next });
        done++;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CONFLICT') await get().reload();
        throw done > 0 ? new BatchError(done, e) : e;
      }
    }
    set((s) => ({ form: undefined, notice, noticeKey: s.noticeKey + 1 }));
  },
  async logWithAttachment(entry, notice, chosen) {
    set({ notice: undefined });
    const view = get().view;
    if (!view) throw new ApiError('NOT_FOUND', 'The case is not open.');
    try {
      const r = await call('logWithAttachment', { caseId: view.case.id, revision: view.case.revision, entry, ...(chosen ? { chosen } : {}) });
      if (!r.picked || !r.view) throw new Error('No file was chosen, so nothing was saved. Choose a file, or remove it.');
      set((s) => ({ view: r.view, form: undefined, notice, noticeKey: s.noticeKey + 1 }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') await get().reload();
      throw e;
    }
  },
}));

// Case details must leave memory when the casebook locks, whatever locked it.
useSession.subscribe((s, prev) => {
  if (prev.phase === 'unlocked' && s.phase !== 'unlocked') useCaseView.setState(caseViewInitial);
});
