import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { carriesAccount, UNAUTHORIZED, type Account } from './account';
import { FaultGate, send, type SyncFault } from './faults';
import { documentsOf, localDocs, rawDumpOf, rebuild, snapshotOf, type ServerSnapshot, type StoredDoc } from './holdings';
import { DbNames } from './db-names';
import { couchApi, memoryPouch } from './modules';
import { dbPath, INTERNAL_HEADER, OwnApi } from './own-api';
import { portProblem } from './port';

export type { SyncFault } from './faults';
export type { ServerSnapshot, StoredDoc } from './holdings';

/**
 * A CouchDB-protocol server held in memory (express-pouchdb over PouchDB's memory adapter) on
 * 127.0.0.1, for trying team use and for tests, with ways to make it misbehave the way a real
 * server or network can: faults on the wire, and documents lost or rolled back for real.
 */
export interface SyncServerOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** When given, every request needs HTTP Basic auth for this account (CouchDB's require_valid_user). */
  account?: Account;
}

export interface RebuildOptions {
  /** Keep the `_local` documents (replication checkpoints) as they are now. By default a
   *  rebuilt server has lost them too, so clients start replicating from the beginning. When
   *  kept, clients resume from their checkpoints and so do not send again what the server lost;
   *  the server's sequence has started again though, so they see no new changes until it passes
   *  their checkpoint. */
  keepCheckpoints?: boolean;
}

export interface SyncServer {
  /** 'http://127.0.0.1:PORT', no trailing slash. */
  url: string;
  /** Closes the listener and open keep-alive sockets and forgets every database; resolves when the port is free. */
  stop(): Promise<void>;
  /** The server goes down but keeps its databases, as CouchDB keeps its files: the listener and
   *  open connections close, so clients meet a refused connection, until `resume()`. */
  pause(): Promise<void>;
  /** Listens again on the same port, with everything it held before `pause()`. */
  resume(): Promise<void>;
  /** Every document of a database as the server holds it, read through its own HTTP API
   *  (`_all_docs` with include_docs and conflicts, then conflicting and deleted leaf revisions), for leak scans. */
  documents(db: string): Promise<StoredDoc[]>;
  /** Raw HTTP body text of every document response (the same reads, plus `_local` documents), for scanning bytes. */
  rawDump(db: string): Promise<string>;
  /** Fault injection; undefined clears it. */
  fault(f: SyncFault | undefined): void;
  /** What the database holds now (every leaf revision with its history, conflicts and deleted), to roll back to later. */
  snapshot(db: string): Promise<ServerSnapshot>;
  /** The server "serves an older revision": the given documents (or all) put back exactly as they
   *  were at the snapshot (absent if they did not exist then), later revisions gone. Real: every
   *  route (`_changes`, `_all_docs`, GET, `_revs_diff`, `_bulk_get`) agrees afterwards. The
   *  database is rebuilt, so call it (and `dropDocument`) while no client is syncing. */
  rollback(db: string, snap: ServerSnapshot, ids?: readonly string[], options?: RebuildOptions): Promise<void>;
  /** The server loses a document entirely, every revision, as if it had never been there. */
  dropDocument(db: string, id: string, options?: RebuildOptions): Promise<void>;
}

export async function startSyncServer(o: SyncServerOptions = {}): Promise<SyncServer> {
  const port = o.port ?? 0;
  const problem = portProblem(port);
  if (problem) throw new Error(problem);
  if (o.account && (!o.account.user || !o.account.password)) throw new Error('The sync server account needs a user name and a password');

  // Each server has its own databases: memdown keeps one store per name for the whole process.
  const PouchDB = memoryPouch().defaults({ adapter: 'memory', prefix: `sync-server-${randomUUID()}-` });
  const names = new DbNames();
  PouchDB.allDbs = names.allDbs;
  PouchDB.new = (name, options) => {
    names.created(name);
    return new PouchDB(name, options);
  };
  const api = couchApi(PouchDB);
  const gate = new FaultGate();
  const token = randomBytes(24).toString('hex');
  const checkpoints = new CheckpointIds();

  const handle: RequestListener = (req, res) => {
    names.watchForDeletion(req, res);
    if (req.headers[INTERNAL_HEADER] === token) return api(req, res);
    if (gate.intercept(req, res)) return;
    if (o.account && !carriesAccount(req, o.account)) return send(res, 401, UNAUTHORIZED);
    checkpoints.note(req.url ?? '');
    api(req, res);
  };
  const server = createServer(handle);
  await listen(server, port);
  const boundPort = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${boundPort}`;
  const own = new OwnApi(url, token);
  await own.json('GET', '/_all_dbs');

  let stopped: Promise<void> | undefined;
  const rebuildWith = async (db: string, docs: StoredDoc[], options: RebuildOptions = {}) => {
    const locals = options.keepCheckpoints ? await localDocs(own, db, checkpoints.of(db)) : [];
    await rebuild(own, db, docs, locals);
  };

  return {
    url,
    stop: () => {
      stopped ??= (async () => {
        gate.set(undefined);
        if (!server.listening) await listen(server, boundPort);
        // Forgets the databases too: memdown would keep them for the life of the process.
        for (const db of await own.json<string[]>('GET', '/_all_dbs')) await own.json('DELETE', dbPath(db));
        await close(server);
      })();
      return stopped;
    },
    pause: () => close(server),
    resume: () => listen(server, boundPort),
    documents: (db) => documentsOf(own, db),
    rawDump: (db) => rawDumpOf(own, db, checkpoints.of(db)),
    fault: (f) => gate.set(f),
    snapshot: (db) => snapshotOf(own, db),
    rollback: async (db, snap, ids, options) => {
      if (snap.db !== db) throw new Error(`That snapshot is of database ${snap.db}, not ${db}`);
      const now = await snapshotOf(own, db);
      const every = new Set([...Object.keys(now.docs), ...Object.keys(snap.docs)]);
      const back = ids ? new Set(ids) : every;
      const docs = [...every].flatMap((id) => (back.has(id) ? (snap.docs[id] ?? []) : (now.docs[id] ?? [])));
      await rebuildWith(db, docs, options);
    },
    dropDocument: async (db, id, options) => {
      const now = await snapshotOf(own, db);
      if (!now.docs[id]) throw new Error(`The sync server has no document ${id} in ${db} to drop`);
      await rebuildWith(db, Object.entries(now.docs).flatMap(([k, revs]) => (k === id ? [] : revs)), options);
    },
  };
}

/** The `_local` document ids clients have used, per database: CouchDB's API cannot list them. */
class CheckpointIds {
  private readonly byDb = new Map<string, Set<string>>();

  note(url: string): void {
    const m = /^\/([^/?]+)\/_local\/([^/?]+)/.exec(url);
    if (!m) return;
    const db = decodeURIComponent(m[1]!);
    if (!this.byDb.has(db)) this.byDb.set(db, new Set());
    this.byDb.get(db)!.add(decodeURIComponent(m[2]!));
  }

  of(db: string): string[] {
    return [...(this.byDb.get(db) ?? [])];
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the server has no TLS and, without an account, no access control.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Keep-alive connections from clients would otherwise hold the port until they time out.
    server.closeAllConnections();
  });
}
