import { useEffect } from 'react';
import { call } from '../shared/api/client';

const ACTIVITY = ['mousemove', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** Often enough that a lock of one minute never fires on someone typing; rare enough to cost nothing. */
const REPORT_EVERY_MS = 10_000;

/**
 * Tell the main process the person is using the window. The idle lock is decided there (it
 * locks by itself if reports stop, so a hung or crashed window cannot keep the casebook open);
 * this only reports, at most once every ten seconds however much the mouse moves.
 */
export function useActivityReports(active: boolean) {
  useEffect(() => {
    if (!active) return;
    let lastReport = 0;
    const activity = () => {
      const now = Date.now();
      if (now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      // A refusal means the casebook has locked; the lock notice clears the screen.
      call('reportActivity').catch(() => undefined);
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, activity, { passive: true, capture: true });
    return () => {
      for (const ev of ACTIVITY) window.removeEventListener(ev, activity, { capture: true });
    };
  }, [active]);
}
