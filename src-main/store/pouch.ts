/**
 * PouchDB, the replication engine team use runs on (issue 16): the CouchDB replication
 * protocol as PouchDB implements it, so the app never writes a sync protocol of its own. Only
 * the parts the app uses are typed here; the rest of the app goes through these types.
 *
 * Loaded the first time team use needs it (`loadPouch`), not with the app: it costs over half
 * a second to load, which every start and every command-line run would otherwise pay.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  [field: string]: unknown;
}
export interface PouchWrite { ok?: boolean; id: string; rev: string; error?: string; reason?: string }
export interface PouchChange { id: string; seq: number | string; changes: { rev: string }[]; deleted?: boolean }
export interface ReplicationResult { ok: boolean; docs_read: number; docs_written: number; doc_write_failures: number; errors: unknown[]; last_seq?: number | string; status?: string }
export interface Replication extends PromiseLike<ReplicationResult> {
  on(event: 'change', f: (info: { docs_read: number; docs_written: number; pending?: number }) => void): Replication;
  cancel(): void;
}
export interface ReplicateOptions { batch_size?: number; batches_limit?: number; retry?: false; doc_ids?: string[]; checkpoint?: false | 'source' | 'target' }

export interface PouchDatabase {
  readonly name: string;
  get(id: string, o?: { rev?: string; conflicts?: boolean; revs?: boolean; latest?: boolean }): Promise<PouchDoc>;
  get(id: string, o: { open_revs: 'all' | string[]; revs?: boolean }): Promise<{ ok?: PouchDoc; missing?: string }[]>;
  put(doc: PouchDoc, o?: { force?: boolean }): Promise<PouchWrite>;
  bulkDocs(docs: PouchDoc[], o?: { new_edits?: boolean }): Promise<PouchWrite[]>;
  allDocs(o?: { include_docs?: boolean; conflicts?: boolean; keys?: string[]; startkey?: string; endkey?: string; limit?: number }): Promise<{ total_rows: number; rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc; error?: string }[] }>;
  changes(o: { since: number | string; limit?: number; style?: 'all_docs'; include_docs?: boolean; conflicts?: boolean }): Promise<{ results: PouchChange[]; last_seq: number | string }>;
  revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
  info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
  compact(): Promise<unknown>;
  close(): Promise<void>;
  replicate: { to(target: PouchDatabase, o?: ReplicateOptions): Replication; from(source: PouchDatabase, o?: ReplicateOptions): Replication };
}
export interface PouchOptions {
  adapter?: string;
  auth?: { username: string; password: string };
  skip_setup?: boolean;
  fetch?: (url: string, init: Record<string, unknown>) => Promise<unknown>;
  auto_compaction?: boolean;
  revs_limit?: number;
  /** The mirror adapter's own option (sync-mirror.ts). */
  mirrorDown?: () => unknown;
}
export type PouchConstructor = new (name: string, o?: PouchOptions) => PouchDatabase;

/** A leveldown-style store over memory: the parts of memdown the mirror wraps (sync-mirror.ts). */
export interface MemDown {
  _open(o: unknown, cb: (e?: unknown) => void): void;
  _put(k: Buffer, v: Buffer, o: unknown, cb: (e?: unknown) => void): void;
  _del(k: Buffer, o: unknown, cb: (e?: unknown) => void): void;
  _batch(ops: { type: 'put' | 'del'; key: Buffer; value?: Buffer }[], o: unknown, cb: (e?: unknown) => void): void;
  _store: { forEach(f: (k: Buffer, v: Buffer) => void): void; insert(k: Buffer, v: Buffer): unknown };
}
export interface Pouch {
  PouchDB: PouchConstructor;
  newMemdown: () => MemDown;
  fetch: (url: string, init: Record<string, unknown>) => Promise<unknown>;
}

type Core = { plugin(p: unknown): Core; adapters: Record<string, unknown>; prototype: object; adapter(name: string, a: unknown, preferred: boolean): void };
const defaultOf = <T>(m: { default?: T }): T => (m.default ?? m) as T;
let loading: Promise<Pouch> | undefined;

/**
 * pouchdb-core is one object per process, shared with anything else that uses it (the tests'
 * server): each plugin is added once, even if this module is loaded again (a test that resets
 * its modules), since PouchDB refuses to define `replicate` twice.
 */
export function loadPouch(): Promise<Pouch> {
  loading ??= (async () => {
    const [core, http, replication, levelCore, memdown, pouchFetch] = await Promise.all([
      import('pouchdb-core').then((m) => defaultOf<Core>(m)),
      import('pouchdb-adapter-http').then((m) => defaultOf<unknown>(m)),
      import('pouchdb-replication').then((m) => defaultOf<unknown>(m)),
      import('pouchdb-adapter-leveldb-core').then((m) => defaultOf<{ call(self: unknown, o: unknown, cb: unknown): void }>(m)),
      import('memdown').then((m) => defaultOf<() => MemDown>(m)),
      import('pouchdb-fetch').then((m) => defaultOf<{ fetch: Pouch['fetch'] }>(m)),
    ]);
    /** A leveldown-style store over memory whose writes are also kept somewhere (sync-mirror.ts). */
    function MirrorPouch(this: unknown, opts: PouchOptions & Record<string, unknown>, callback: (e?: unknown) => void) {
      const make = opts.mirrorDown;
      if (!make) throw new Error('mirrorDown is required');
      levelCore.call(this, { ...opts, db: make }, callback);
    }
    MirrorPouch.valid = () => true;
    MirrorPouch.use_prefix = false;
    if (!core.adapters.http) core.plugin(http);
    if (!('replicate' in core.prototype)) core.plugin(replication);
    if (!core.adapters['rj-mirror']) core.adapter('rj-mirror', MirrorPouch, false);
    return { PouchDB: core as unknown as PouchConstructor, newMemdown: memdown, fetch: pouchFetch.fetch };
  })();
  return loading;
}
