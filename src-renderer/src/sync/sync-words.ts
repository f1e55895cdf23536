import type { ChangeToResolve, SyncStatus } from '../../../src-main/domain/sync/status';

/**
 * Team use in words for the status line, the Team settings page and the Changes to resolve
 * page. Pure, so the wording is tested without a browser (tests/sync/sync-words.test.ts).
 */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const count = plural;

/** "just now", "2 minutes ago", "3 hours ago", "yesterday", "4 days ago". */
export function ago(iso: string, now: Date): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (Number.isNaN(ms)) return 'at an unknown time';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${count(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${count(hours, 'hour')} ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** When this computer last synced: "Synced 2 minutes ago", or "Not synced yet". */
export function lastSyncedWords(s: Pick<SyncStatus, 'lastSyncedAt'>, now: Date): string {
  return s.lastSyncedAt ? `Synced ${ago(s.lastSyncedAt, now)}` : 'Not synced yet';
}

/** The first sentence of a problem, for the status line ("The server did not answer."); the whole of it is on Settings → Team. */
export function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s|$)/su.exec(text.trim())?.[0] ?? text.trim();
}

/** When this computer last synced, said as the last good sync when the latest one failed. */
export function syncedWords(s: Pick<SyncStatus, 'lastSyncedAt'>, now: Date, failed: boolean): string {
  if (!failed) return lastSyncedWords(s, now);
  return s.lastSyncedAt ? `Last synced ${ago(s.lastSyncedAt, now)}` : 'Not synced yet';
}

/** What a sync in progress has done: "Syncing…", or "Syncing: 40 of 200". */
export function runningWords(s: Pick<SyncStatus, 'progress'>): string {
  return s.progress && s.progress.total > 0 ? `Syncing: ${s.progress.done} of ${s.progress.total}` : 'Syncing…';
}

export const waitingWords = (n: number) => `${count(n, 'change')} waiting`;
export const toResolveWords = (n: number) => `${count(n, 'change')} to resolve`;

/** The sync interval in words: "Every 5 minutes", "Only when asked". */
export function intervalWords(minutes: number): string {
  return minutes === 0 ? 'Only when asked' : `Every ${count(minutes, 'minute')}`;
}

/** The record and the field a change is about: "Case RJ-2026-0042: Contacts › Notes". */
export function changeTitle(c: Pick<ChangeToResolve, 'record' | 'field'>): string {
  return `${c.record.label}: ${c.field}`;
}

/** The success message after keeping a version: "Kept Tom Okafor’s version (from …) for Case RJ-2026-0042: Notes". */
export function keptWords(c: Pick<ChangeToResolve, 'record' | 'field' | 'versions'>, choice: number): string {
  const v = c.versions[choice];
  return `Kept the version from ${v?.from ?? 'the other computer'} for ${changeTitle(c)}.`;
}
