/**
 * The one origin the renderer is served from. It lives in its own tiny module (no electron
 * import) so the protocol handler, the navigation guards and the IPC bridge all compare
 * against exactly the same values, and so tests can import it without Electron.
 *
 * Why `app://casebook`: a custom standard scheme gives the page a real, stable origin (web
 * storage, relative URLs and CSP 'self' all work) without ever serving from `file://`, which
 * would let the page read any file on disk. The host is fixed; any other host is refused.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'casebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for `app://casebook/...` with no credentials and no port. We compare the parts
 * ourselves: Node's URL gives `origin === 'null'` for non-special schemes, so `.origin` cannot
 * be used here.
 */
export function isAppUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}
