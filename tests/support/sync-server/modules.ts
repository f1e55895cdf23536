import { createRequire } from 'node:module';
import type { RequestListener } from 'node:http';

/**
 * The server's packages, loaded as CommonJS with only the few members used here typed. None of
 * them ships type declarations, and declaring them as ambient modules would collide with the
 * sync engine's own declarations of the same PouchDB packages.
 */
const load = createRequire(import.meta.url);

export interface PouchDatabase {
  destroy(): Promise<unknown>;
}

export interface PouchConstructor {
  new (name: string, options?: Record<string, unknown>): PouchDatabase;
  preferredAdapters: string[];
  /** Statics express-pouchdb calls when present (it installs its own otherwise). */
  new?: (name: string, options?: Record<string, unknown>) => PouchDatabase;
  allDbs?: (callback?: (err: unknown, names?: string[]) => void) => Promise<string[]>;
  plugin(plugin: unknown): PouchConstructor;
  defaults(options: Record<string, unknown>): PouchConstructor;
}

/** A connect-style handler that also takes express's `next`. */
export type Middleware = (req: Parameters<RequestListener>[0], res: Parameters<RequestListener>[1], next: (err?: unknown) => void) => void;

export interface ExpressApp extends RequestListener {
  use(handler: Middleware | RequestListener): void;
  disable(setting: string): void;
}

/**
 * PouchDB with the memory adapter (memdown), which every server and test client names
 * explicitly. pouchdb-core is one object for the whole process, shared with the sync engine, so
 * the adapter is added without becoming a preferred one: a database the engine opens without
 * naming an adapter must not land in memory because a test server was started first.
 */
export function memoryPouch(): PouchConstructor {
  const PouchDB = load('pouchdb-core') as PouchConstructor;
  const preferred = [...PouchDB.preferredAdapters];
  PouchDB.plugin(load('pouchdb-adapter-memory'));
  PouchDB.preferredAdapters.splice(0, Infinity, ...preferred);
  return PouchDB;
}

export function expressApp(): ExpressApp {
  return (load('express') as () => ExpressApp)();
}

/** express-pouchdb's CouchDB HTTP API over the given PouchDB: only the parts PouchDB replication uses. */
export function couchApi(PouchDB: PouchConstructor): RequestListener {
  const expressPouchDB = load('express-pouchdb') as (p: PouchConstructor, o: Record<string, unknown>) => RequestListener;
  return expressPouchDB(PouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true });
}
