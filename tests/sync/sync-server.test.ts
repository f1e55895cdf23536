import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncFault, type SyncServer } from '../support/sync-server';
import { localClient, remoteDb, type ClientDb } from '../support/sync-server/client';
import { parseRunnerArgs } from '../support/sync-server/runner-args';

/**
 * The local CouchDB-protocol server (`npm run sync-server`) as a plain PouchDB client sees it,
 * without the casebook's sync engine: replication both ways, the account, every fault an error
 * rather than a hang, losses that every route agrees on, and the runner script.
 */
const ACCOUNT = { user: 'team-laptops', password: 'a long server password' };
const FAST = 5_000;

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(() => server?.stop());

const http = async (path: string, init?: { method?: string; body?: unknown }) => {
  const res = await fetch(server.url + path, { method: init?.method ?? 'GET', headers: { 'content-type': 'application/json' }, body: init?.body === undefined ? undefined : JSON.stringify(init.body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { rows?: { id: string; value: { rev: string } }[]; results?: { id: string; changes: { rev: string }[] }[] } };
};

/** A client holding the given documents, each saved `edits` times, pushed to `db`. */
async function pushed(db: string, ids: string[], edits = 1): Promise<ClientDb> {
  const c = localClient();
  for (const id of ids) for (let i = 1; i <= edits; i++) await edit(c, id, `ciphertext ${i}`);
  await c.replicate.to(remoteDb(server.url, db));
  return c;
}

async function edit(c: ClientDb, id: string, body: string): Promise<string> {
  const old = await c.get(id).catch(() => ({ _id: id }));
  return (await c.put({ ...old, body })).rev;
}

describe('a client PouchDB and the sync server', () => {
  it('replicates a document both ways', async () => {
    const a = await pushed('both-ways', ['doc-1']);
    const b = localClient();
    await b.replicate.from(remoteDb(server.url, 'both-ways'));
    await edit(b, 'doc-1', 'changed on b');
    await b.replicate.to(remoteDb(server.url, 'both-ways'));
    await a.replicate.from(remoteDb(server.url, 'both-ways'));
    expect((await a.get('doc-1')).body).toBe('changed on b');
    expect((await server.documents('both-ways')).map((d) => d.body)).toEqual(['changed on b']);
  });

  it('refuses requests without the server account, with CouchDB’s error, and accepts them with it', async () => {
    const guarded = await startSyncServer({ account: ACCOUNT });
    try {
      const bare = await fetch(`${guarded.url}/`);
      expect(bare.status).toBe(401);
      expect(await bare.json()).toEqual({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
      const c = localClient();
      await edit(c, 'doc-1', 'ciphertext');
      await expect(c.replicate.to(remoteDb(guarded.url, 'guarded', { ...ACCOUNT, password: 'wrong' }))).rejects.toMatchObject({ status: 401 });
      await expect(c.replicate.to(remoteDb(guarded.url, 'guarded'))).rejects.toMatchObject({ status: 401 });
      expect((await c.replicate.to(remoteDb(guarded.url, 'guarded', ACCOUNT))).docs_written).toBe(1);
      expect(await guarded.documents('guarded')).toHaveLength(1);
    } finally {
      await guarded.stop();
    }
  });
});

describe('faults', () => {
  beforeAll(() => pushed('faults', ['doc-1', 'doc-2']));

  const pull = () => localClient().replicate.from(remoteDb(server.url, 'faults'));
  const push = async () => {
    const c = localClient();
    await edit(c, `new-${Math.random()}`, 'ciphertext');
    return c.replicate.to(remoteDb(server.url, 'faults'));
  };

  const faults: [string, SyncFault][] = [
    ['a body that is not JSON', { kind: 'garbage' }],
    ['the server unavailable', { kind: 'unavailable' }],
    ['the connection cut after one answer', { kind: 'cut', afterRequests: 1 }],
    ['JSON of the wrong shape', { kind: 'wrong-json' }],
  ];
  it.each(faults)('%s is an error to a pulling and a pushing client, not a hang', { timeout: FAST }, async (_name, f) => {
    server.fault(f);
    try {
      await expect(pull()).rejects.toBeTruthy();
      if (f.kind === 'cut') server.fault(f); // a cut lasts; set again to count afresh
      await expect(push()).rejects.toBeTruthy();
    } finally {
      server.fault(undefined);
    }
    expect((await pull()).docs_written).toBeGreaterThanOrEqual(2);
  });

  it('a cut that loses the answer has let the server carry the write out', { timeout: FAST }, async () => {
    server.fault({ kind: 'cut', afterRequests: 0, lose: 'answer' });
    try {
      await expect(http('/faults/written-unheard', { method: 'PUT', body: { body: 'ciphertext' } })).rejects.toThrow();
      await expect(http('/faults/written-unheard')).rejects.toThrow();
    } finally {
      server.fault(undefined);
    }
    expect((await http('/faults/written-unheard')).json.body).toBe('ciphertext');
  });

  it('answers 503 with CouchDB-style JSON while unavailable', async () => {
    server.fault({ kind: 'unavailable' });
    const res = await http('/faults');
    server.fault(undefined);
    expect(res).toEqual({ status: 503, json: { error: 'service_unavailable', reason: 'The server is not available.' } });
  });

  it('an empty object for _changes passes a plain client as “nothing new”: only a checking sync engine notices', { timeout: FAST }, async () => {
    server.fault({ kind: 'wrong-json', match: /\/_changes/, body: {} });
    try {
      expect(await pull()).toMatchObject({ ok: true, docs_written: 0 });
    } finally {
      server.fault(undefined);
    }
  });
});

describe('a server that rolls back or loses documents', () => {
  it('serves a document at rev 3 rolled back to its rev-2 state at rev 2 on every route, and loses the checkpoints', async () => {
    const c = await pushed('rollback', ['case-1', 'other'], 2);
    const snap = await server.snapshot('rollback');
    const rev2 = (await c.get('case-1'))._rev!;
    const rev3 = await edit(c, 'case-1', 'ciphertext 3');
    const otherLater = await edit(c, 'other', 'changed after the snapshot');
    await c.replicate.to(remoteDb(server.url, 'rollback'));
    expect(await server.rawDump('rollback')).toContain('session_id'); // the client's checkpoint

    await server.rollback('rollback', snap, ['case-1']);

    const got = await http('/rollback/case-1');
    expect(got.json).toMatchObject({ _rev: rev2, body: 'ciphertext 2' });
    expect((await http('/rollback/_all_docs')).json.rows!.map((r) => [r.id, r.value.rev])).toEqual([['case-1', rev2], ['other', otherLater]]);
    const changes = (await http('/rollback/_changes?style=all_docs')).json.results!;
    expect(changes.find((r) => r.id === 'case-1')!.changes).toEqual([{ rev: rev2 }]);
    expect((await http('/rollback/_revs_diff', { method: 'POST', body: { 'case-1': [rev2, rev3] } })).json).toEqual({ 'case-1': { missing: [rev3] } });
    const bulk = await http('/rollback/_bulk_get', { method: 'POST', body: { docs: [{ id: 'case-1', rev: rev3 }] } });
    expect(bulk.json).toEqual({ results: [{ id: 'case-1', docs: [{ missing: rev3 }] }] });
    expect((await http(`/rollback/case-1?rev=${rev3}`)).status).toBe(404);
    expect(await server.rawDump('rollback')).not.toContain('session_id');
  });

  it('keeps the checkpoints when asked, and puts conflicts back exactly', async () => {
    const a = await pushed('conflicts', ['case-1']);
    const b = localClient();
    await b.replicate.from(remoteDb(server.url, 'conflicts'));
    await edit(a, 'case-1', 'written on a');
    await edit(b, 'case-1', 'written on b');
    await a.replicate.to(remoteDb(server.url, 'conflicts'));
    await b.replicate.to(remoteDb(server.url, 'conflicts'));
    const before = await server.documents('conflicts');
    expect(before.map((d) => d.body).sort()).toEqual(['written on a', 'written on b']);

    await server.rollback('conflicts', await server.snapshot('conflicts'), undefined, { keepCheckpoints: true });

    expect(await server.documents('conflicts')).toEqual(before);
    expect(await server.rawDump('conflicts')).toContain('session_id');
  });

  it('drops a document from every route, as if it had never been there', async () => {
    await pushed('drop', ['case-1', 'case-2']);
    const rev = (await http('/drop/case-1')).json._rev as string;

    await server.dropDocument('drop', 'case-1');

    expect((await http('/drop/case-1')).status).toBe(404);
    expect((await http('/drop/_all_docs')).json.rows!.map((r) => r.id)).toEqual(['case-2']);
    expect((await http('/drop/_changes')).json.results!.map((r) => r.id)).toEqual(['case-2']);
    expect((await http('/drop/_revs_diff', { method: 'POST', body: { 'case-1': [rev] } })).json).toEqual({ 'case-1': { missing: [rev] } });
    const fresh = localClient();
    expect((await fresh.replicate.from(remoteDb(server.url, 'drop'))).docs_written).toBe(1);
    await expect(server.dropDocument('drop', 'case-1')).rejects.toThrow(/no document case-1/);
  });
});

describe('stopping and the runner', () => {
  it('stop closes open connections and frees the port', async () => {
    const s = await startSyncServer();
    const port = Number(new URL(s.url).port);
    await fetch(`${s.url}/`).then((r) => r.text()); // leaves a keep-alive connection open
    await s.stop();
    const again = await startSyncServer({ port });
    expect(again.url).toBe(s.url);
    await again.stop();
  });

  it('pause refuses connections and keeps the databases; resume serves them again on the same port', { timeout: FAST }, async () => {
    await pushed('paused', ['case-1']);
    await server.pause();
    await expect(localClient().replicate.from(remoteDb(server.url, 'paused'))).rejects.toBeTruthy();
    await server.resume();
    expect((await localClient().replicate.from(remoteDb(server.url, 'paused'))).docs_written).toBe(1);
  });

  it('reads the runner’s command line, and says what to fix in a wrong one', () => {
    expect(parseRunnerArgs([])).toEqual({ options: {} });
    expect(parseRunnerArgs(['--port', '5984', '--user', 'team', '--password=pw'])).toEqual({ options: { port: 5984, account: { user: 'team', password: 'pw' } } });
    expect(parseRunnerArgs(['--port', '70000'])).toEqual({ error: expect.stringContaining('from 0 to 65535') });
    expect(parseRunnerArgs(['--port', '6000'])).toEqual({ error: expect.stringContaining('refuse to connect') });
    expect(parseRunnerArgs(['--user', 'team'])).toEqual({ error: expect.stringContaining('both --user and --password') });
    expect(parseRunnerArgs(['--port'])).toEqual({ error: expect.stringContaining('--port needs a value') });
    expect(parseRunnerArgs(['--host', '0.0.0.0'])).toEqual({ error: expect.stringContaining('Unknown option --host') });
  });

  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  const run = (args: string[], onLine?: (line: string, child: ReturnType<typeof spawn>) => void) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      // tsx loaded into the one node process (not its command-line wrapper, which runs the script in a
      // second process and relays signals): Ctrl+C reaches the runner itself, as it does in a terminal.
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/sync-server/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString('utf8');
        if (stdout.includes('\n')) onLine?.(stdout.split('\n')[0]!, child);
      });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('npm run sync-server prints where it listens, serves, and stops cleanly on Ctrl+C; a bad or busy port is refused', async () => {
    let seen = false;
    let served = 0;
    const [good, bad, busy] = await Promise.all([
      run(['--port', '0'], (line, child) => {
        const url = /^Sync server \(in memory\) at (http:\/\/127\.0\.0\.1:\d+) — stop with Ctrl\+C$/.exec(line)?.[1];
        if (!url || seen) return;
        seen = true;
        void fetch(`${url}/`).then((r) => {
          served = r.status;
          child.kill('SIGINT');
        });
      }),
      run(['--port', 'five']),
      run(['--port', new URL(server.url).port]),
    ]);
    expect(served).toBe(200);
    expect(good.code).toBe(0);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('The port must be a whole number from 0 to 65535');
    expect(busy.code).not.toBe(0);
    expect(busy.stderr).toContain('is already in use');
  });
});
