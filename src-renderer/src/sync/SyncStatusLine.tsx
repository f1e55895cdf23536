import { useEffect, useState } from 'react';
import { useNav } from '../app/nav';
import { POLL_MS, RUNNING_POLL_MS, useSync } from './sync-state';
import { firstSentence, runningWords, syncedWords, toResolveWords, waitingWords } from './sync-words';
import { TakeNewKey } from './TakeNewKey';
import './sync.scss';

/**
 * Team use at a glance on every signed-in screen: when this computer last synced, what waits
 * to be sent, what waits to be resolved (a link to the page), a plain problem (its first sentence:
 * the whole of it is on Settings → Team), and "Sync now".
 * Asked again every 15 seconds, every second while a sync runs, and after each sync. Only the changes are a live region: the
 * minutes ticking by are not worth announcing. Nothing at all when team use is off.
 */
export function SyncStatusLine() {
  const { status, syncing, error, refresh, syncNow } = useSync();
  const go = useNav((s) => s.go);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      setNow(new Date());
      void refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const running = syncing || status?.running === true;
  // While a sync runs (a long first one, or an automatic one), its progress is asked for every second.
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void refresh(), RUNNING_POLL_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);
  if (!status?.enabled) return null;
  const problem = error ?? status.problem;
  return (
    <div className="cb-sync-line" data-testid="sync-status">
      <div className="cb-width cb-sync-line__inner">
        <span>{running ? runningWords(status) : syncedWords(status, now, !!problem)}</span>
        <span className="cb-sync-line__changes" role="status" aria-live="polite">
          {problem && !running && <strong className="cb-sync-line__problem">{firstSentence(problem)}</strong>}
          {status.waiting > 0 && <span>{waitingWords(status.waiting)}</span>}
          {status.toResolve > 0 && (
            <button type="button" className="cb-link-button" onClick={() => go('changes-to-resolve')}>
              {toResolveWords(status.toResolve)}
            </button>
          )}
        </span>
        <button type="button" className="govuk-button govuk-button--secondary cb-sync-line__button" disabled={running} onClick={() => void syncNow()}>
          {running ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {status.keyChanged && <TakeNewKey />}
    </div>
  );
}
