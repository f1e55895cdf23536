import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The names of one server's databases. express-pouchdb would otherwise use pouchdb-all-dbs,
 * which listens to PouchDB's process-wide events and so lists every PouchDB database in the
 * process (other servers', test clients', the sync engine's) as this server's.
 */
export class DbNames {
  private readonly names = new Set<string>();

  /** The static `allDbs`, in both the callback and the promise style express-pouchdb uses. */
  readonly allDbs = (callback?: (err: unknown, names?: string[]) => void): Promise<string[]> => {
    const list = [...this.names].sort();
    callback?.(null, list);
    return Promise.resolve(list);
  };

  /** A database is created by PouchDB.new (express-pouchdb's PUT /db), so it is named there. */
  created(name: string): void {
    this.names.add(name);
  }

  /** A database is gone once DELETE /db has succeeded. */
  watchForDeletion(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'DELETE') return;
    const m = /^\/([^/?]+)\/?(?:\?|$)/.exec(req.url ?? '');
    if (!m) return;
    const name = decodeURIComponent(m[1]!);
    res.on('finish', () => {
      if (res.statusCode === 200) this.names.delete(name);
    });
  }
}
