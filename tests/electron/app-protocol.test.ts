import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerAppScheme, serveAppProtocol } = await import('../../src-main/electron/app-protocol');
const { safeRelativePath, resolveInsideRoot } = await import('../../src-main/electron/app-path');
const { CONTENT_SECURITY_POLICY } = await import('../../src-main/electron/app-response');

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('safeRelativePath (pure)', () => {
  it('maps ordinary paths and / to the index', () => {
    expect(safeRelativePath('/')).toBe('index.html');
    expect(safeRelativePath('/index.html')).toBe('index.html');
    expect(safeRelativePath('/assets/index-abc123.js')).toBe('assets/index-abc123.js');
    expect(safeRelativePath('/assets/my%20font.woff2')).toBe('assets/my font.woff2');
  });

  it.each([
    ['/../secret.html', 'parent segment'],
    ['/assets/../../secret.html', 'nested parent segment'],
    ['/./index.html', 'dot segment'],
    ['/%2e%2e/secret.html', 'encoded dots'],
    ['/%2E%2E%2Fsecret.html', 'encoded dots and slash, upper case'],
    ['/..%2fsecret.html', 'encoded slash'],
    ['/%252e%252e/secret.html', 'double-encoded dots'],
    ['/..\\secret.html', 'backslash'],
    ['/..%5csecret.html', 'encoded backslash'],
    ['/index.html%00.png', 'encoded NUL'],
    ['/index.html\0', 'raw NUL'],
    ['//etc/passwd', 'absolute POSIX path'],
    ['/C:/Windows/win.ini', 'drive letter'],
    ['/index.html:stream', 'alternate data stream'],
    ['/%E0%A4%A', 'malformed escape'],
    ['index.html', 'no leading slash'],
    ['/assets/', 'directory'],
  ])('refuses %s (%s)', (p) => {
    expect(safeRelativePath(p)).toBeNull();
  });
});

describe('app:// protocol', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'rj-proto-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>RJ</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'data.bin'), 'xx');
    await writeFile(join(base, 'secret.html'), 'SECRET CASE DATA');
    await mkdir(join(base, 'outside'));
    await writeFile(join(base, 'outside', 'x.html'), 'SECRET CASE DATA');
    // Links inside the bundle pointing out of it: to a file and to a folder.
    await symlink(join(base, 'secret.html'), join(root, 'leak.html'));
    await symlink(join(base, 'outside'), join(root, 'linkdir'));
    // A link that stays inside the bundle is fine.
    await symlink(join(root, 'index.html'), join(root, 'alias.html'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });
  beforeEach(() => fake.reset());

  function handler() {
    serveAppProtocol(root);
    const h = fake.protocol.handlers.get('app');
    if (!h) throw new Error('no app:// handler registered');
    return h;
  }
  // A Request-shaped object rather than new Request(): undici refuses URLs with credentials
  // and would normalise the URL first; the handler only reads method and url.
  const get = (url: string, method = 'GET') => handler()({ url, method } as Request);

  function expectSecurityHeaders(res: Response) {
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  }

  it('registers app as a standard, secure scheme without CSP bypass', () => {
    registerAppScheme();
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('serves index.html (also for /) with the right type and the CSP header', async () => {
    for (const url of ['app://casebook/index.html', 'app://casebook/', 'app://casebook']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expectSecurityHeaders(res);
      expect(await res.text()).toContain('<title>RJ</title>');
    }
  });

  it('serves scripts as JavaScript', async () => {
    const res = await get('app://casebook/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(res);
  });

  it('follows a symlink that stays inside the bundle', async () => {
    expect((await get('app://casebook/alias.html')).status).toBe(200);
  });

  it.each([
    'app://casebook/../secret.html',
    'app://casebook/%2e%2e/secret.html',
    'app://casebook/%2e%2e%2fsecret.html',
    'app://casebook/..%2Fsecret.html',
    'app://casebook/..\\secret.html',
    'app://casebook/leak.html',
    'app://casebook/linkdir/x.html',
    'app://casebook/missing.html',
    'app://casebook/assets',
    'app://casebook/assets/data.bin',
    'app://other-host/index.html',
    'app://casebook:8080/index.html',
    'app://user@casebook/index.html',
  ])('answers 404 with the CSP header for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expectSecurityHeaders(res);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('answers 404 for an absolute path to a real file outside the bundle', async () => {
    const res = await get(`app://casebook/${join(base, 'secret.html')}`);
    expect(res.status).toBe(404);
    expectSecurityHeaders(res);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await get('app://casebook/index.html', 'POST');
    expect(res.status).toBe(405);
    expectSecurityHeaders(res);
    const head = await get('app://casebook/index.html', 'HEAD');
    expect(head.status).toBe(200);
  });

  it('resolveInsideRoot refuses a relative root and a symlinked escape', async () => {
    expect(await resolveInsideRoot('renderer', 'index.html')).toBeNull();
    expect(await resolveInsideRoot(root, 'leak.html')).toBeNull();
    expect(await resolveInsideRoot(root, 'index.html')).toMatch(/index\.html$/);
  });
});
