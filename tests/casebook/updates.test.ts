import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareVersions, UpdateInfoUrlSchema, type UpdateCheck } from '../../src-main/domain/casebook/updates';
import { createRegistry, type HandlerRegistry } from '../../src-main/ipc/registry';
import type { Fetcher } from '../../src-main/services/casebook/updates';
import { freshService, PASS } from '../support/casebook';

/**
 * "Check for updates" asks the address an administrator set, and only that, for a small file;
 * it compares versions, says what it found, and downloads nothing. No test here reaches the
 * network: the fetch is a stand-in, or a server on 127.0.0.1 reached through one.
 */

const URL_SET = 'https://intranet.example.org/rj-casebook/update.json';
const SHA = 'ab'.repeat(32);
const INFO = { version: '0.2.0', notes: 'Letters in Welsh.', downloadUrl: 'https://intranet.example.org/rj-casebook/RJ-Casebook-Setup-0.2.0.exe', sha256: SHA };

type Asked = { url: string; init: RequestInit };
let asked: Asked[];
let answer: (url: string, init: RequestInit) => Promise<Response>;
const fetcher: Fetcher = (url, init) => {
  asked.push({ url, init });
  return answer(url, init);
};

let t: Awaited<ReturnType<typeof freshService>>;
let registry: HandlerRegistry;
let adminId: string;

async function check(): Promise<UpdateCheck> {
  const r = await registry.invoke('checkForUpdates', {});
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as UpdateCheck;
}
const lastAudit = async () => (await t.service.listAudit({ offset: 0, limit: 1 })).entries[0];
async function setAddress(updateInfoUrl: string) {
  return registry.invoke('updateSettings', { updateInfoUrl });
}

beforeAll(async () => {
  t = await freshService({ fetch: fetcher, appVersion: '0.1.0', updateTimeoutMs: 300 });
  adminId = (await t.service.create({ serviceName: 'Northshire RJ', userName: 'Siân Williams', passphrase: PASS })).session.user.id;
  registry = createRegistry(t.service);
});
afterAll(async () => {
  await t.service.close();
  await t.cleanup();
});
afterEach(() => {
  asked = [];
  answer = async () => Response.json(INFO);
});
asked = [];
answer = async () => Response.json(INFO);

describe('versions', () => {
  it.each([
    ['0.2.0', '0.1.0', 1],
    ['0.1.0', '0.1.0', 0],
    ['0.1.9', '0.1.10', -1],
    ['1.0.0', '0.99.99', 1],
    ['0.2.0-beta.1', '0.2.0', -1],
    ['0.2.0-beta.2', '0.2.0-beta.10', -1],
    ['0.2.0-beta', '0.2.0-alpha.1', 1],
    ['0.2.0-1', '0.2.0-beta', -1],
    ['0.2.0-beta', '0.2.0-beta.1', -1],
    ['0.2.0+build.7', '0.2.0', 0],
  ])('%s against %s: %i', (a, b, sign) => {
    expect(compareVersions(a, b)).toBe(sign);
    expect(compareVersions(b, a)).toBe(-sign || 0);
  });
});

describe('the update address setting', () => {
  it.each(['', URL_SET, 'https://updates.example.org:8443/x.json?channel=stable'])('accepts %j', (u) => expect(UpdateInfoUrlSchema.safeParse(u).success).toBe(true));
  it.each(['http://intranet.example.org/update.json', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:secret@example.org/u.json', 'intranet/update.json', `https://example.org/${'a'.repeat(500)}`])(
    'refuses %j',
    (u) => expect(UpdateInfoUrlSchema.safeParse(u).success).toBe(false),
  );

  it('is set by administrators, recorded, and refused when it is not https, on its field', async () => {
    const bad = await setAddress('http://intranet.example.org/update.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.details?.issues?.[0]?.path).toBe('updateInfoUrl');
    expect((await setAddress(URL_SET)).ok).toBe(true);
    const audit = await t.service.listAudit({ offset: 0, limit: 1 });
    expect(audit.entries[0]).toMatchObject({ action: 'settings.update' });
  });
});

describe('checkForUpdates', () => {
  it('with no address set, says so, asks nothing and records nothing', async () => {
    await setAddress('');
    const before = await lastAudit();
    expect(await check()).toMatchObject({ state: 'not-set', current: '0.1.0' });
    expect(asked).toEqual([]);
    expect(await lastAudit()).toEqual(before);
    await setAddress(URL_SET);
  });

  it('records who asked which server in the audit trail before the request goes out', async () => {
    let recordedFirst: unknown;
    answer = async () => {
      recordedFirst = await lastAudit();
      return Response.json(INFO);
    };
    await check();
    expect(recordedFirst).toMatchObject({ action: 'updates.check', userId: adminId, entity: { type: 'casebook' }, fields: ['intranet.example.org'] });
  });

  it('says a newer version is available, with what the IT team needs, after one GET of the address and nothing else', async () => {
    const r = await check();
    expect(r).toEqual({ state: 'available', current: '0.1.0', latest: INFO, message: 'RJ Casebook 0.2.0 is available (you have 0.1.0). Ask your IT team to install it.' });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.url).toBe(URL_SET);
    expect(asked[0]!.init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'follow' });
    expect(asked[0]!.init.body).toBeUndefined();
  });

  it.each(['0.1.0', '0.0.9', '0.1.0-rc.1'])('says this is the latest version when the file names %s', async (version) => {
    answer = async () => Response.json({ ...INFO, version, extra: 'ignored' });
    expect(await check()).toMatchObject({ state: 'latest', message: 'You have the latest version of RJ Casebook (0.1.0).' });
  });

  const failures: [string, (init: RequestInit) => Promise<Response>, RegExp][] = [
    ['the address cannot be reached', async () => Promise.reject(new TypeError('fetch failed')), /could not be reached/],
    ['the server says 404', async () => new Response('Not found', { status: 404 }), /status 404/],
    ['the file is not JSON', async () => new Response('<html>Sign in</html>'), /not JSON/],
    ['the file has the wrong shape', async () => Response.json({ version: 'latest', downloadUrl: 'http://x', sha256: 'no' }), /expected shape \(version, downloadUrl, sha256\)/],
    ['the file is too big (by its length)', async () => new Response('x'.repeat(70 * 1024), { headers: { 'content-length': String(70 * 1024) } }), /larger than 64 KB/],
    ['the file is too big (sent without a length)', async () => new Response(endless()), /larger than 64 KB/],
    ['the address redirects to http', async () => redirectedTo('http://intranet.example.org/update.json'), /not https/],
    ['the server never answers', (init) => abortable(init.signal!), /did not answer within 0.3 seconds/],
    ['the body never ends', async () => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"version"')) })), /did not answer within 0.3 seconds/],
  ];
  it.each(failures)('says it could not check when %s', async (_what, respond, reason) => {
    answer = (_url, init) => respond(init);
    const r = await check();
    expect(r.state).toBe('failed');
    expect(r.message).toMatch(/^Could not check for updates: .*\. Check the update address in Settings, or ask your IT team\.$/);
    expect(r.message).toMatch(reason);
  });

  it('never holds up the casebook: a save finishes while a check is still waiting for its answer', async () => {
    let release!: (r: Response) => void;
    answer = () => new Promise<Response>((r) => (release = r));
    const pending = check();
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect((await registry.invoke('updateSettings', { serviceName: 'Northshire RJ Service' })).ok).toBe(true);
    release(Response.json(INFO));
    expect(['available', 'failed']).toContain((await pending).state); // failed if the save outlasted the time limit
  });

  it('sends nothing, and says why, where no way to fetch was given (the command line, other tests)', async () => {
    const bare = await freshService({ appVersion: '0.1.0' });
    try {
      await bare.service.create({ serviceName: 'Northshire RJ', userName: 'Siân Williams', passphrase: PASS });
      await bare.service.updateSettings({ updateInfoUrl: URL_SET });
      const before = (await bare.service.listAudit({ offset: 0, limit: 1 })).entries[0];
      expect(await bare.service.checkForUpdates()).toMatchObject({ state: 'failed', message: expect.stringContaining('no way to reach the update address') });
      expect((await bare.service.listAudit({ offset: 0, limit: 1 })).entries[0]).toEqual(before);
    } finally {
      await bare.service.close();
      await bare.cleanup();
    }
  });

  it('is for administrators and coordinators: a facilitator is refused', async () => {
    expect((await registry.invoke('addUser', { name: 'Jo Bloggs', role: 'facilitator', passphrase: 'facilitator passphrase 1' })).ok).toBe(true);
    expect((await registry.invoke('addUser', { name: 'Ann Coordinator', role: 'coordinator', passphrase: 'coordinator passphrase 1' })).ok).toBe(true);
    await t.service.lock('manual');
    await t.service.unlock('Jo Bloggs', 'facilitator passphrase 1');
    const r = await registry.invoke('checkForUpdates', {});
    expect(r.ok === false && r.error).toMatchObject({ code: 'FORBIDDEN', message: 'Only administrators and coordinators may check for updates.' });
    await t.service.lock('manual');
    await t.service.unlock('Ann Coordinator', 'coordinator passphrase 1');
    expect((await check()).state).toBe('available');
    await t.service.lock('manual');
    await t.service.unlock(adminId, PASS);
  });
});

describe('over a real connection (a server on 127.0.0.1, reached through the fetcher)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/update.json') return void res.end(JSON.stringify(INFO));
      if (req.url === '/slow.json') return void res.write('{"version":'); // and never ends
      if (req.url === '/huge.json') {
        res.write('[');
        const more = () => res.write('0,'.repeat(4096), () => setImmediate(more));
        return void more();
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it.each([
    ['/update.json', 'available'],
    ['/slow.json', 'failed'],
    ['/huge.json', 'failed'],
    ['/missing.json', 'failed'],
  ])('%s: %s', async (path, state) => {
    answer = (url, init) => fetch(`${base}${new URL(url).pathname}`, init);
    await setAddress(`https://updates.example.org${path}`);
    expect((await check()).state).toBe(state);
  });
});

/** A body that streams for ever. */
function endless(): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(' '.repeat(4096));
  return new ReadableStream({ pull: (c) => c.enqueue(chunk) });
}

/** What fetch returns after following a redirect. */
function redirectedTo(url: string): Response {
  const r = Response.json(INFO);
  Object.defineProperties(r, { redirected: { value: true }, url: { value: url } });
  return r;
}

/** A request that waits for ever, as fetch does, until its signal fires. */
function abortable(signal: AbortSignal): Promise<Response> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}
