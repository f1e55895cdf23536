import { EventEmitter } from 'node:events';

/**
 * A small stand-in for the 'electron' module (the real binary cannot run here). Each piece
 * records what our glue did to it, so the tests assert on behaviour: which handlers were
 * installed, what they answer, what was prevented. Use with
 *   vi.mock('electron', () => import('./fake-electron'));
 * and call reset() in beforeEach.
 */

/** The event object Electron passes to will-navigate and friends. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type PermissionRequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(h: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: ((...args: unknown[]) => boolean) | null): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: ((...args: unknown[]) => boolean) | null): void {
    this.devicePermissionHandler = h;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame = { url: 'app://casebook/index.html', parent: null, processId: nextId++, routingId: 1 };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = false;
  focused = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return false;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  calls: string[] = [];
  singleInstance = true;
  aboutOptions: unknown = null;
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstance;
  }
  async whenReady(): Promise<void> {
    this.calls.push('whenReady');
  }
  getPath(name: string): string {
    return `/fake/${name}`;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  setAboutPanelOptions(o: unknown): void {
    this.aboutOptions = o;
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code = 0): void {
    this.calls.push(`exit:${code}`);
  }
}

export const app = new FakeApp();

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (req: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    app.calls.push('registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, h: (req: Request) => Promise<Response>): void {
    this.handlers.set(scheme, h);
  },
};

export const ipcMain = {
  // never[]: accepts any real listener signature; tests cast to what they call it with.
  handlers: new Map<string, (...args: never[]) => unknown>(),
  handle(channel: string, h: (...args: never[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, h);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

type RendererListener = (event: unknown, ...args: unknown[]) => void;
export const ipcRenderer = {
  invoked: [] as unknown[][],
  listeners: new Map<string, Set<RendererListener>>(),
  async invoke(...args: unknown[]): Promise<unknown> {
    this.invoked.push(args);
    return { ok: true, value: null };
  },
  on(channel: string, l: RendererListener) {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)?.add(l);
    return this;
  },
  removeListener(channel: string, l: RendererListener) {
    this.listeners.get(channel)?.delete(l);
    return this;
  },
  /** Simulate the main process sending to this renderer. */
  emit(channel: string, event: unknown, ...args: unknown[]): void {
    for (const l of this.listeners.get(channel) ?? []) l(event, ...args);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};

export const powerMonitor = new EventEmitter();

/** Electron's net: what was fetched through Chromium's network stack. */
export const net = {
  fetched: [] as string[],
  async fetch(url: string): Promise<Response> {
    net.fetched.push(url);
    return new Response('{}');
  },
};

export const Menu = {
  current: null as unknown,
  buildFromTemplate(t: unknown): unknown {
    return { template: t };
  },
  setApplicationMenu(m: unknown): void {
    this.current = m;
  },
};

export const dialog = {
  errors: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  },
  /** Each save dialog shown: its parent window (if any) and options. */
  saveDialogs: [] as { parent: unknown; options: Record<string, unknown> }[],
  /** What the next save dialog answers; a test sets it. */
  saveDialogAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath?: string },
  async showSaveDialog(a: unknown, b?: Record<string, unknown>): Promise<{ canceled: boolean; filePath?: string }> {
    this.saveDialogs.push(b === undefined ? { parent: null, options: a as Record<string, unknown> } : { parent: a, options: b });
    return this.saveDialogAnswer;
  },
  /** Each open dialog shown, and what the next one answers. */
  openDialogs: [] as { parent: unknown; options: Record<string, unknown> }[],
  openDialogAnswer: { canceled: true, filePaths: [] } as { canceled: boolean; filePaths: string[] },
  async showOpenDialog(a: unknown, b?: Record<string, unknown>): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.openDialogs.push(b === undefined ? { parent: null, options: a as Record<string, unknown> } : { parent: a, options: b });
    return this.openDialogAnswer;
  },
};

/** Forget everything recorded; call in beforeEach. */
export function reset(): void {
  app.removeAllListeners();
  app.isPackaged = false;
  app.calls = [];
  app.singleInstance = true;
  app.aboutOptions = null;
  BrowserWindow.created = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  ipcMain.handlers.clear();
  ipcRenderer.invoked = [];
  ipcRenderer.listeners.clear();
  contextBridge.exposed.clear();
  shell.opened = [];
  powerMonitor.removeAllListeners();
  Menu.current = null;
  dialog.errors = [];
  dialog.saveDialogs = [];
  dialog.saveDialogAnswer = { canceled: true, filePath: '' };
  dialog.openDialogs = [];
  dialog.openDialogAnswer = { canceled: true, filePaths: [] };
}

export default { app, BrowserWindow, protocol, ipcMain, ipcRenderer, contextBridge, shell, powerMonitor, net, Menu, dialog };
