import type { BrowserWindow } from 'electron';
import { newMainWindow } from './window-options';

/** Create the one main window; it appears only once its first paint is ready. */
export function createMainWindow(opts: { preloadPath: string; isPackaged: boolean }): BrowserWindow {
  const win = newMainWindow(opts);
  win.once('ready-to-show', () => win.show());
  return win;
}

/** Bring an existing window to the front (used when a second copy of the app is started). */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
