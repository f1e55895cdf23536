import { BrowserWindow } from 'electron';

/**
 * Create the main window. The renderer shows victims' and offenders' personal data, so it
 * gets the most locked-down web preferences Electron offers; each line says why.
 *
 * The options are written as a literal inside `new BrowserWindow(...)` on purpose: static
 * scanners (Electronegativity, run by `npm run test:security`) and reviewers can then see
 * the security flags where the window is made. Tests read them back from a fake BrowserWindow.
 */
export function newMainWindow(opts: { isPackaged: boolean; preloadPath: string }): BrowserWindow {
  return new BrowserWindow({
    title: 'RJ Casebook',
    width: 1280,
    height: 820,
    minWidth: 1000,
    minHeight: 700,
    // Shown on 'ready-to-show' so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // The page's JavaScript and the preload run in separate worlds: the page cannot reach
      // into the preload's globals or tamper with the objects it uses.
      contextIsolation: true,
      // The renderer runs in Chromium's OS sandbox, and the preload gets only a tiny API.
      sandbox: true,
      // No Node.js in the page, its frames or its workers: an XSS must not become code execution.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Same-origin policy and mixed-content blocking stay on.
      webSecurity: true,
      allowRunningInsecureContent: false,
      // <webview> could load arbitrary content with its own preferences; we never need it.
      webviewTag: false,
      // No experimental web platform features we have not reviewed.
      experimentalFeatures: false,
      // Middle-click ('auxclick') on a link is another way to ask for a new window.
      disableBlinkFeatures: 'Auxclick',
      // Dropping a file on the window must not navigate the window to file://.
      navigateOnDragDrop: false,
      // A page stuck in an alert() loop can be escaped.
      safeDialogs: true,
      // DevTools would show decrypted case data to anyone at the keyboard: development only.
      devTools: !opts.isPackaged,
      // The spellchecker can send words (names, addresses) to a cloud service on some
      // platforms, and keeps a custom dictionary on disk: off.
      spellcheck: false,
      preload: opts.preloadPath,
    },
  });
}
