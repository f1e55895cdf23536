import { join } from 'node:path';

/**
 * The store folder: CASEBOOK_STORE if set (tests, or a service keeping its casebook on a
 * particular encrypted volume), otherwise a `casebook` folder inside Electron's userData.
 */
export function resolveStoreDir(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const fromEnv = env.CASEBOOK_STORE?.trim();
  return fromEnv ? fromEnv : join(userDataDir, 'casebook');
}
