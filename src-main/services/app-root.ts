import { fileURLToPath } from 'node:url';

/**
 * The folder that holds templates/ and resources/ (the repository, or the packaged app).
 *
 * Found relative to this module. This file is src-main/services/app-root.ts and the bundled
 * main process is out/main/index.js: both are two folders below the project root, so the same
 * relative URL works under tsx, vitest and the built app. Keep this file at this depth; every
 * other module asks it rather than working the root out for itself.
 */
export const APP_ROOT_URL = new URL('../../', import.meta.url);
export const APP_ROOT = fileURLToPath(APP_ROOT_URL);
export const DEFAULT_TEMPLATES_DIR = new URL('templates/', APP_ROOT_URL);
export const DEFAULT_RESOURCES_DIR = new URL('resources/', APP_ROOT_URL);
