import { posix, win32 } from 'node:path';

/** Electron's userData folder is "<appData>/<productName>"; the app keeps its store inside it. */
export const PRODUCT_NAME = 'RJ Casebook';

/**
 * The store folder the desktop app uses on this platform, so `casebook` with no --store works
 * on the same casebook. CASEBOOK_STORE overrides it, as it does for the app. Paths are built
 * with the target platform's rules so this can be tested on any machine.
 */
export function defaultStoreDir(env: Record<string, string | undefined>, platform: NodeJS.Platform, homedir: string): string {
  const fromEnv = env.CASEBOOK_STORE?.trim();
  if (fromEnv) return fromEnv;
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || win32.join(homedir, 'AppData', 'Roaming');
    return win32.join(appData, PRODUCT_NAME, 'casebook');
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', PRODUCT_NAME, 'casebook');
  const config = env.XDG_CONFIG_HOME?.trim();
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const base = config && posix.isAbsolute(config) ? config : posix.join(homedir, '.config');
  return posix.join(base, PRODUCT_NAME, 'casebook');
}
