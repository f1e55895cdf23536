import { useState } from 'react';
import { messageOf } from '../api/client';

/**
 * One action a person starts with a button (accept, remove): busy while it runs, so it cannot
 * be pressed twice, and the main process's message if it is refused.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
