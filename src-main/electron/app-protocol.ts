import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createAppRequestHandler } from './app-response';

/**
 * Register app:// as a standard, secure scheme. Must run before the app's 'ready' event.
 * standard: real origin and relative URL resolution; secure: a secure context like https;
 * supportFetchAPI: Vite's module scripts are fetched with CORS mode. Deliberately NOT
 * bypassCSP, corsEnabled, allowServiceWorkers or stream.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serve the renderer bundle on app:// (after 'ready'). Nothing else on disk is reachable. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
