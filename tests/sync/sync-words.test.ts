import { describe, expect, it } from 'vitest';
import { ago, changeTitle, firstSentence, intervalWords, keptWords, lastSyncedWords, runningWords, syncedWords, toResolveWords, waitingWords } from '../../src-renderer/src/sync/sync-words';

/** The status line's and the team pages' words, at their edges. */
const NOW = new Date('2026-03-01T12:00:00Z');

describe('team use in words', () => {
  it('says how long ago, from just now to days', () => {
    expect(ago('2026-03-01T11:59:30Z', NOW)).toBe('just now');
    expect(ago('2026-03-01T11:59:00Z', NOW)).toBe('1 minute ago');
    expect(ago('2026-03-01T11:58:00Z', NOW)).toBe('2 minutes ago');
    expect(ago('2026-03-01T11:00:01Z', NOW)).toBe('59 minutes ago');
    expect(ago('2026-03-01T11:00:00Z', NOW)).toBe('1 hour ago');
    expect(ago('2026-02-28T12:00:00Z', NOW)).toBe('yesterday');
    expect(ago('2026-02-25T11:00:00Z', NOW)).toBe('4 days ago');
    // A clock a little ahead on another computer is not "in the future".
    expect(ago('2026-03-01T12:00:30Z', NOW)).toBe('just now');
    expect(ago('not a date', NOW)).toBe('at an unknown time');
  });

  it('names the last sync, a sync running, what waits and the interval', () => {
    expect(lastSyncedWords({ lastSyncedAt: null }, NOW)).toBe('Not synced yet');
    expect(lastSyncedWords({ lastSyncedAt: '2026-03-01T11:58:00Z' }, NOW)).toBe('Synced 2 minutes ago');
    expect(runningWords({ progress: null })).toBe('Syncing…');
    expect(runningWords({ progress: { done: 0, total: 0 } })).toBe('Syncing…');
    expect(runningWords({ progress: { done: 40, total: 200 } })).toBe('Syncing: 40 of 200');
    expect([waitingWords(1), waitingWords(3), toResolveWords(1), toResolveWords(2)]).toEqual(['1 change waiting', '3 changes waiting', '1 change to resolve', '2 changes to resolve']);
    expect([intervalWords(0), intervalWords(1), intervalWords(15)]).toEqual(['Only when asked', 'Every 1 minute', 'Every 15 minutes']);
  });

  it('keeps the status line short when a sync failed: the first sentence, and the last good sync', () => {
    expect(firstSentence('The server did not answer. Check the address and that this computer is online, then try again.')).toBe('The server did not answer.');
    expect(firstSentence('The server had a problem (it answered 503). Try again later.')).toBe('The server had a problem (it answered 503).');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
    expect(firstSentence('Version 2.5 of the server. Then more.')).toBe('Version 2.5 of the server.');
    expect(syncedWords({ lastSyncedAt: '2026-03-01T11:58:00Z' }, NOW, true)).toBe('Last synced 2 minutes ago');
    expect(syncedWords({ lastSyncedAt: '2026-03-01T11:58:00Z' }, NOW, false)).toBe('Synced 2 minutes ago');
    expect(syncedWords({ lastSyncedAt: null }, NOW, true)).toBe('Not synced yet');
  });

  it('says which version was kept for which record and field', () => {
    const c = { record: { kind: 'case' as const, label: 'Case RJ-2026-0042' }, field: 'Notes', versions: [{ text: 'a', from: 'Siân on computer 1' }, { text: 'b', from: 'Tom on computer 2' }] };
    expect(changeTitle(c)).toBe('Case RJ-2026-0042: Notes');
    expect(keptWords(c, 1)).toBe('Kept the version from Tom on computer 2 for Case RJ-2026-0042: Notes.');
  });
});
