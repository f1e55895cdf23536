import type { App, Event, Session, Shell, WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isAllowedExternal } from './external-links';

/**
 * Keep every web contents on our own origin. A page that could navigate elsewhere would keep
 * the preload's window.casebook bridge (the IPC bridge would refuse it, but we do not rely
 * on one layer), so navigation, redirects, pop-ups and <webview> are all refused.
 */
export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  const stayHome = (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  // will-navigate: main frame; will-frame-navigate, every frame; will-redirect: server redirects.
  contents.on('will-navigate', (event) => stayHome(event, event.url));
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.on('will-redirect', (event) => stayHome(event, event.url));

  // No new windows, ever. A link to an allow-listed site opens in the user's own browser.
  // (Electronegativity flags any openExternal with a variable URL; this exact line is listed
  // as reviewed in tests/security/electronegativity.mjs, so a change to it is re-reviewed.)
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });

  // webviewTag is off already; this stops any attempt even if a preference were flipped.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  denyAllPermissions(contents.session);
}

/**
 * The app needs no camera, microphone, notifications, geolocation, clipboard-read, HID, USB,
 * serial or anything else: every request and every check says no.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Apply the guards to every web contents Electron ever creates (windows, frames, devtools). */
export function installNavigationGuards(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
}
