import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';
import { IPC_CHANNEL } from '../../src-main/ipc/command-names';

/**
 * The entry point, wired against the fake electron and a fake service: proves the order of
 * start-up steps, what is loaded, and what the power events, menu and quit do.
 */
const service = vi.hoisted(() => ({
  lock: vi.fn(async (_reason: string) => undefined),
  close: vi.fn(async () => undefined),
  onLocked: vi.fn(() => () => undefined),
  currentSession: () => undefined,
  status: async () => ({ state: 'locked', users: [] }),
}));
const createCasebookService = vi.hoisted(() => vi.fn(async (_opts: { storeDir: string; fileSaver?: unknown; fetch?: (url: string, init: RequestInit) => Promise<Response> }) => service));

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../src-main/services/casebook/service', () => ({ createCasebookService }));

delete process.env.CASEBOOK_STORE;
await import('../../src-main/electron/main');
await vi.waitFor(() => expect(fake.BrowserWindow.created[0]?.loaded).toHaveLength(1));
const win = fake.BrowserWindow.created[0] as fake.BrowserWindow;

function menuItem(label: string, sub: string): MenuItemConstructorOptions {
  const template = (fake.Menu.current as { template: MenuItemConstructorOptions[] }).template;
  const top = template.find((m) => m.label === label);
  const item = (top?.submenu as MenuItemConstructorOptions[] | undefined)?.find((m) => m.label === sub || m.role === sub);
  if (!item) throw new Error(`no ${label} > ${sub}`);
  return item;
}

describe('main entry', () => {
  it('sandboxes and registers app:// before ready, and takes the single-instance lock', () => {
    const c = fake.app.calls;
    expect(c.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(c.indexOf('enableSandbox')).toBeLessThan(c.indexOf('whenReady'));
    expect(c.indexOf('registerSchemesAsPrivileged')).toBeLessThan(c.indexOf('whenReady'));
    expect(c).toContain('requestSingleInstanceLock');
    expect(c).not.toContain('quit');
  });

  it('installs the navigation guards before any window exists', () => {
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('opens the service on the default store folder and wires IPC and the protocol', () => {
    expect(createCasebookService).toHaveBeenCalledExactlyOnceWith({
      storeDir: '/fake/userData/casebook',
      fileSaver: expect.objectContaining({ save: expect.any(Function) }),
      filePicker: expect.objectContaining({ pick: expect.any(Function) }),
      systemIdleSeconds: expect.any(Function),
      fetch: expect.any(Function),
      appVersion: '0.0.0-test',
      // Outside the casebook folder: the record that notices a whole folder put back.
      seenRecord: expect.stringMatching(/known-casebooks\.json$/),
    });
    expect(fake.ipcMain.handlers.has(IPC_CHANNEL)).toBe(true);
    expect(fake.protocol.handlers.has('app')).toBe(true);
  });

  it('checks for updates through Chromium\'s network stack (the system\'s proxy and certificates)', async () => {
    const opts = createCasebookService.mock.calls[0]![0];
    await opts.fetch!('https://intranet.example.org/update.json', {});
    expect(fake.net.fetched).toEqual(['https://intranet.example.org/update.json']);
  });

  it('creates one locked-down window and loads app://casebook/index.html', () => {
    expect(fake.BrowserWindow.created).toHaveLength(1);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.options.title).toBe('RJ Casebook');
    expect(win.loaded).toEqual(['app://casebook/index.html']);
  });

  it('locks the casebook when the screen locks or the machine sleeps', () => {
    service.lock.mockClear();
    fake.powerMonitor.emit('lock-screen');
    fake.powerMonitor.emit('suspend');
    expect(service.lock.mock.calls).toEqual([['system'], ['system']]);
  });

  it('File > Lock (CmdOrCtrl+L) locks; View has reload only in development', () => {
    service.lock.mockClear();
    const lock = menuItem('File', 'Lock');
    expect(lock.accelerator).toBe('CmdOrCtrl+L');
    (lock.click as () => void)();
    expect(service.lock).toHaveBeenCalledExactlyOnceWith('manual');
    expect(menuItem('View', 'reload')).toBeTruthy();
    expect(menuItem('Edit', 'paste')).toBeTruthy();
    expect(menuItem('File', 'quit')).toBeTruthy();
  });

  it('a second launch focuses the existing window', () => {
    fake.app.emit('second-instance', new fake.FakeEvent(), [], '/');
    expect(win.focused).toBe(true);
  });

  it('holds the quit until the service has closed, then quits once', async () => {
    const first = new fake.FakeEvent();
    fake.app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    const again = new fake.FakeEvent();
    fake.app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.calls).toContain('quit'));
    expect(service.close).toHaveBeenCalledOnce();
    const last = new fake.FakeEvent();
    fake.app.emit('before-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });
});
