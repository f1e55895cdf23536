import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, posix, resolve, sep, win32 } from 'node:path';

/**
 * Path checks for the app:// protocol, with no electron import so they are unit-testable.
 * Chromium already normalises standard-scheme URLs, so most of these cases never arrive;
 * they are checked again here because the handler is the only thing between a compromised
 * page and the rest of the disk.
 */

/** Percent-encoded forms that must never appear: '.', '/', '\' and NUL. */
const ENCODED_DANGER = /%(2e|2f|5c|00)/i;

/**
 * Turn the raw (still percent-encoded) URL pathname into a safe relative path using '/' as
 * separator, or null if it is in any way suspicious. '/' alone means index.html.
 */
export function safeRelativePath(rawPathname: string): string | null {
  if (typeof rawPathname !== 'string' || !rawPathname.startsWith('/')) return null;
  // Encoded dots and slashes are how traversal sneaks past a first decode (%2e%2e%2f).
  if (ENCODED_DANGER.test(rawPathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return null; // malformed escape such as %E0%A4%A
  }
  // A second round of escapes (%252e) must not survive to become a dot later.
  if (decoded.includes('%')) return null;
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
  // '//etc/passwd', 'C:/Windows' and similar: absolute on some platform.
  if (rel.startsWith('/') || posix.isAbsolute(rel) || win32.isAbsolute(rel) || /^[a-z]:/i.test(rel)) return null;
  const segments = rel.split('/');
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..') return null;
    // ':' would allow NTFS alternate data streams (index.html:stream) on Windows.
    if (s.includes(':')) return null;
  }
  return segments.join('/');
}

function inside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The absolute path of an existing regular file inside rootDir for a safe relative path,
 * or null. The real path (symlinks resolved) must still be inside the real root, so a
 * symlink in the bundle cannot point anywhere else on disk.
 */
export async function resolveInsideRoot(rootDir: string, rel: string): Promise<string | null> {
  if (!isAbsolute(rootDir)) return null;
  try {
    const root = await realpath(rootDir);
    const joined = resolve(join(root, ...rel.split('/')));
    if (!inside(root, joined)) return null;
    const real = await realpath(joined);
    if (!inside(root, real)) return null;
    const st = await stat(real);
    return st.isFile() ? real : null;
  } catch {
    return null; // missing file, permission denied, dangling link: all just "not found"
  }
}
