import { useEffect, useRef } from 'react';

const ACTIVITY = ['mousemove', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Call onIdle after `minutes` with no mouse, keyboard, pointer or wheel activity. Activity
 * only records a time stamp (mousemove fires constantly); when the timer fires it checks
 * how long it has really been and re-arms for the rest if the person was active meanwhile.
 */
export function useIdleLock(minutes: number | undefined, onIdle: () => void) {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const idleFor = Date.now() - last;
      if (idleFor >= limit) onIdleRef.current();
      else timer = setTimeout(check, limit - idleFor);
    };
    const activity = () => {
      last = Date.now();
    };

    timer = setTimeout(check, limit);
    for (const ev of ACTIVITY) window.addEventListener(ev, activity, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const ev of ACTIVITY) window.removeEventListener(ev, activity, { capture: true });
    };
  }, [minutes]);
}
