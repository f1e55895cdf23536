import type { App, PowerMonitor, WebContents } from 'electron';
import type { CasebookService } from '../services/casebook/api';

type LockReason = Parameters<CasebookService['lock']>[0];

/** Lock without letting a failure become an unhandled rejection in the main process. */
export function lockQuietly(service: Pick<CasebookService, 'lock'>, reason: LockReason): void {
  service.lock(reason).catch(() => {
    // Nothing useful to show; the renderer still gets onLocked if the lock completed.
  });
}

/**
 * When the screen locks or the machine sleeps, lock the casebook: the key must not sit in
 * memory of an unattended laptop.
 */
export function installPowerLocks(powerMonitor: Pick<PowerMonitor, 'on'>, service: Pick<CasebookService, 'lock'>): void {
  powerMonitor.on('lock-screen', () => lockQuietly(service, 'system'));
  powerMonitor.on('suspend', () => lockQuietly(service, 'system'));
}

/**
 * When the window's renderer crashes or stops answering, lock: a renderer that cannot report
 * activity (or show the unlock screen) must not leave the key in the main process. The window
 * is reloaded after a crash, so the person sees the unlock screen rather than a blank page.
 */
export function installRendererLocks(contents: Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>, service: Pick<CasebookService, 'lock'>): void {
  contents.on('render-process-gone', () => {
    lockQuietly(service, 'system');
    if (!contents.isDestroyed()) contents.reload();
  });
  contents.on('unresponsive', () => lockQuietly(service, 'system'));
}

/**
 * Hold the quit until the service has closed (flushes writes, releases the store lock,
 * forgets the key), then quit for real. Runs once however many times quit is requested.
 */
export function installQuitHandler(app: Pick<App, 'on' | 'quit'>, service: Pick<CasebookService, 'close'>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    service
      .close()
      .catch(() => undefined)
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
