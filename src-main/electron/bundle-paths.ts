import { join } from 'node:path';

/**
 * Where the other bundles sit relative to the main bundle (out/main/index.js), as laid out
 * by electron.vite.config.ts. Taking mainDir as a parameter keeps this testable and avoids
 * relying on __dirname, which does not exist in the ESM main bundle.
 */
export function bundlePaths(mainDir: string): { preload: string; renderer: string } {
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    renderer: join(mainDir, '..', 'renderer'),
  };
}
