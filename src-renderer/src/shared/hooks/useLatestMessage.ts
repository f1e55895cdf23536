import { useLayoutEffect, useState, useSyncExternalStore } from 'react';

/**
 * One message at a time (issue 14): a success banner belongs to the last thing the person
 * did. Every message that appears (a success banner, an error summary with problems) takes the
 * next number; a success banner stays on screen only while its number is the latest, so a new
 * action's banner or error clears the old banner wherever it sits, and "Saved" never shows
 * beside "There is a problem". Error summaries themselves are never hidden: they say what to fix.
 */
let latest = 0;
const listeners = new Set<() => void>();

function claim(): number {
  latest += 1;
  for (const l of listeners) l();
  return latest;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * Claims a number whenever `showing` turns true or `key` changes while showing, and says
 * whether this message is still the latest. Claimed before paint, so an older banner never
 * flashes beside the new message.
 */
export function useLatestMessage(showing: boolean, key?: unknown): boolean {
  const [mine, setMine] = useState(0);
  useLayoutEffect(() => {
    if (showing) setMine(claim());
  }, [showing, key]);
  const current = useSyncExternalStore(subscribe, () => latest);
  return showing && (mine === 0 || mine === current);
}
