import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { resolveInsideRoot, safeRelativePath } from './app-path';
import { contentTypeFor } from './content-types';

/**
 * The Content-Security-Policy sent with every app:// response (including errors). Only our
 * own bundle may supply scripts, styles, fonts and connections; no inline script, no
 * plugins, no <base> rewriting, no form posts, and the app cannot be framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  });
}

function refuse(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', { status, headers: headers('text/plain; charset=utf-8') });
}

/**
 * Build the app:// request handler over the renderer bundle folder. It takes a web Request
 * and returns a web Response (what protocol.handle wants) but imports nothing from
 * electron, so the tests drive it directly. Anything odd is a plain 404: the page learns
 * nothing about the disk from the error.
 */
export function createAppRequestHandler(rendererDir: string): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405);
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return refuse(404);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
      return refuse(404);
    }
    // 'app://casebook' (no path) means the index, like '/'.
    const rel = safeRelativePath(url.pathname || '/');
    if (rel === null) return refuse(404);
    const type = contentTypeFor(rel);
    if (type === undefined) return refuse(404);
    const file = await resolveInsideRoot(rendererDir, rel);
    if (file === null) return refuse(404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404);
    }
    return new Response(req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(type) });
  };
}
