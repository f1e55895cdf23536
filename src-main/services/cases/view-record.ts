import type { Store } from '../../store/store';
import { audit } from '../casebook/audit-entry';

/**
 * Who opened which case (issue 13), in the audit trail as 'case.view'. Opening a case again
 * and again in one session (every save reloads it, people flick between tabs) would flood the
 * trail, so each person's opening of a case is recorded once per session (per unlock: one store
 * is one person's session) and again once an hour has passed since the last entry for it. A
 * read-only session cannot write to the trail (audit-entry.ts) and records nothing.
 */
export const VIEW_RECORD_EVERY_MS = 60 * 60 * 1000;

const lastRecorded = new WeakMap<Store, Map<string, number>>();

export async function recordCaseView(s: Store, caseId: string): Promise<void> {
  let seen = lastRecorded.get(s);
  if (!seen) {
    seen = new Map();
    lastRecorded.set(s, seen);
  }
  const now = s.opts.now().getTime();
  const last = seen.get(caseId);
  if (last !== undefined && now - last < VIEW_RECORD_EVERY_MS && now >= last) return;
  await audit(s, 'case.view', { type: 'case', id: caseId });
  seen.set(caseId, now);
}
