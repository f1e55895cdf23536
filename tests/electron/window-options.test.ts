import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { newMainWindow } = await import('../../src-main/electron/window-options');
const { createMainWindow, focusWindow } = await import('../../src-main/electron/main-window');
const { bundlePaths } = await import('../../src-main/electron/bundle-paths');

const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  disableBlinkFeatures: 'Auxclick',
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
};

function optionsOf(win: unknown): Record<string, unknown> {
  return (win as fake.BrowserWindow).options;
}

describe('main window options', () => {
  beforeEach(() => fake.reset());

  it('are exactly the locked-down preferences, with devtools only in development', () => {
    expect(optionsOf(newMainWindow({ isPackaged: false, preloadPath: '/x/preload/index.cjs' })).webPreferences).toStrictEqual({
      ...LOCKED_DOWN,
      devTools: true,
      preload: '/x/preload/index.cjs',
    });
    expect(optionsOf(newMainWindow({ isPackaged: true, preloadPath: '/x/preload/index.cjs' })).webPreferences).toStrictEqual({
      ...LOCKED_DOWN,
      devTools: false,
      preload: '/x/preload/index.cjs',
    });
  });

  it('titles the window, keeps a usable minimum size and starts hidden', () => {
    const o = optionsOf(newMainWindow({ isPackaged: true, preloadPath: '/p' }));
    expect(o.title).toBe('RJ Casebook');
    expect(o.minWidth).toBeGreaterThanOrEqual(1000);
    expect(o.minHeight).toBeGreaterThanOrEqual(700);
    expect(o.show).toBe(false);
  });

  it('the preload path points at the CommonJS preload bundle next to the main bundle', () => {
    expect(bundlePaths('/app/out/main')).toEqual({ preload: '/app/out/preload/index.cjs', renderer: '/app/out/renderer' });
  });

  it('createMainWindow makes one such window and shows it only when ready', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', isPackaged: true }) as unknown as fake.BrowserWindow;
    expect(fake.BrowserWindow.created).toEqual([win]);
    expect(win.options.webPreferences).toStrictEqual({ ...LOCKED_DOWN, devTools: false, preload: '/p.cjs' });
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('focusWindow brings the window forward and tolerates no window', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', isPackaged: true });
    focusWindow(win);
    expect((win as unknown as fake.BrowserWindow).focused).toBe(true);
    expect(() => focusWindow(undefined)).not.toThrow();
  });
});
