import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { memoryPouch } from './modules';

/**
 * A plain PouchDB client (pouchdb-core with the HTTP adapter, replication and an in-memory local
 * database) for testing the server itself, without the casebook's sync engine. Only the members
 * the tests use are typed.
 */
const load = createRequire(import.meta.url);

export interface ClientDoc {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

export interface ClientDb {
  put(doc: ClientDoc): Promise<{ id: string; rev: string }>;
  get(id: string, options?: Record<string, unknown>): Promise<ClientDoc>;
  replicate: {
    to(target: string | ClientDb, options?: Record<string, unknown>): Promise<ReplicationResult>;
    from(source: string | ClientDb, options?: Record<string, unknown>): Promise<ReplicationResult>;
  };
  destroy(): Promise<unknown>;
}

export interface ReplicationResult {
  ok: boolean;
  docs_written: number;
  errors: unknown[];
}

interface ClientConstructor {
  new (name: string, options?: Record<string, unknown>): ClientDb;
  plugin(p: unknown): ClientConstructor;
}

let Pouch: ClientConstructor | undefined;

/** pouchdb-core with the memory adapter (added as the server adds it: see memoryPouch), HTTP and replication. */
function pouch(): ClientConstructor {
  Pouch ??= (memoryPouch() as unknown as ClientConstructor).plugin(load('pouchdb-adapter-http')).plugin(load('pouchdb-replication'));
  return Pouch;
}

/** A new, empty local database in memory. */
export function localClient(): ClientDb {
  return new (pouch())(`client-${randomUUID()}`, { adapter: 'memory' });
}

/** The server's database `db`, over HTTP, optionally with a Basic-auth account. */
export function remoteDb(url: string, db: string, auth?: { user: string; password: string }): ClientDb {
  return new (pouch())(`${url}/${encodeURIComponent(db)}`, auth ? { auth: { username: auth.user, password: auth.password } } : {});
}
