import { app, dialog, ipcMain, Menu, net, powerMonitor, shell, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../ipc/registry';
import { toSafeError } from '../ipc/safe-error';
import { createCasebookService } from '../services/casebook/service';
import { APP_INDEX_URL } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { bundlePaths } from './bundle-paths';
import { installIpcBridge } from './ipc-bridge';
import { installPowerLocks, installQuitHandler, installRendererLocks, lockQuietly } from './lifecycle';
import { createFileSaver } from './file-saver';
import { createFilePicker } from './file-picker';
import { createMainWindow, focusWindow } from './main-window';
import { menuTemplate } from './menu';
import { installNavigationGuards } from './navigation-guards';
import { resolveStoreDir } from './store-dir';

/**
 * The Electron entry point (bundled to out/main/index.js). Everything that must happen
 * before 'ready' is at the top; the rest is in start().
 */

// Every renderer in the OS sandbox, whatever its own preferences say.
app.enableSandbox();
// app:// must be registered as privileged before 'ready'.
registerAppScheme();
// Guards attach to each web contents as it is created, so install them before any exists.
installNavigationGuards(app, shell);

const mainDir = dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  // A second launch hands over to this one (one process per store) and exits.
  app.on('second-instance', () => focusWindow(mainWindow));
  // Closing the window ends the session on every platform (the key must not linger).
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const paths = bundlePaths(mainDir);
  serveAppProtocol(paths.renderer);

  const service = await createCasebookService({
    storeDir: resolveStoreDir(process.env, app.getPath('userData')),
    // Outside the casebook folder, so a whole folder put back from an older copy is noticed.
    seenRecord: join(app.getPath('userData'), 'known-casebooks.json'),
    fileSaver: createFileSaver(() => mainWindow),
    filePicker: createFilePicker(() => mainWindow),
    // The idle lock counts time away from the whole computer too, not only from the window.
    systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
    // "Check for updates" goes through Chromium's network stack: the system's proxy and certificates.
    fetch: (url, init) => net.fetch(url, init),
    appVersion: app.getVersion(),
  });
  installQuitHandler(app, service);
  installIpcBridge(ipcMain, createRegistry(service), () => mainWindow?.webContents);
  installPowerLocks(powerMonitor, service);

  app.setAboutPanelOptions({ applicationName: 'RJ Casebook', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin', onLock: () => lockQuietly(service, 'manual') }),
    ),
  );

  mainWindow = createMainWindow({ preloadPath: paths.preload, isPackaged: app.isPackaged });
  installRendererLocks(mainWindow.webContents, service);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  await mainWindow.loadURL(APP_INDEX_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((e: unknown) => {
    // toSafeError: the message box must not show a path or a stack.
    dialog.showErrorBox('RJ Casebook could not start', toSafeError(e).message);
    app.exit(1);
  });
}
