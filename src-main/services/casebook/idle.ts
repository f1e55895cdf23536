/**
 * The idle lock, kept in the main process: the window only reports that the person is using it.
 * A window that hangs, crashes or is tampered with stops reporting (or cannot stop the clock),
 * and the casebook locks anyway. Where the system can say how long the computer has been
 * untouched (Electron's powerMonitor), that counts too: someone who walked away is idle
 * whatever the window claims.
 */
export const IDLE_CHECK_MS = 15_000;

export interface IdleWatchOptions {
  now: () => Date;
  /** The setting, read afresh at each check; undefined while locked. */
  limitMinutes: () => number | undefined;
  /** Seconds since the last keyboard or mouse input anywhere on the computer, where known. */
  systemIdleSeconds?: (() => number) | undefined;
  lock: () => Promise<void>;
}

export function idleWatch(o: IdleWatchOptions) {
  let last = o.now().getTime();
  let timer: ReturnType<typeof setInterval> | undefined;
  const check = async (): Promise<boolean> => {
    const minutes = o.limitMinutes();
    if (!minutes) return false;
    const limit = minutes * 60_000;
    const sinceWindow = o.now().getTime() - last;
    const sinceComputer = (o.systemIdleSeconds?.() ?? 0) * 1000;
    if (sinceWindow < limit && sinceComputer < limit) return false;
    await o.lock();
    return true;
  };
  return {
    /** The person did something in the window. */
    activity(): void {
      last = o.now().getTime();
    },
    start(): void {
      last = o.now().getTime();
      if (timer) return;
      timer = setInterval(() => void check().catch(() => undefined), IDLE_CHECK_MS);
      timer.unref?.();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    /** Lock now if the time has come (the timer calls this; tests call it after moving the clock). */
    check,
  };
}
