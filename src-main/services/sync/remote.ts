import { CasebookError } from '../../domain/shared/errors';
import { loadPouch, type PouchDatabase } from '../../store/pouch';

/**
 * The team server as the replication engine sees it: a CouchDB database at an address, with an
 * optional server account. TLS is required except to this computer (a loopback address), so
 * ciphertext and the server account never cross a network in clear. Failures become plain
 * words ("The server did not answer"); nothing of the server's own message is passed on.
 */
export interface RemoteAccount {
  user?: string | undefined;
  password?: string | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
/** A request the server has not answered in this long has failed (and the sync with it). */
const REQUEST_TIMEOUT_MS = 20_000;

/** The address checked and written one way (no trailing slash), or an INVALID_INPUT error saying what to fix. */
export function normaliseRemote(raw: string): string {
  const bad = (message: string) => new CasebookError('INVALID_INPUT', message, { issues: [{ path: 'remote', message }] });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw bad('Enter the server address in full, like https://couch.example.org/rj-casebook');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad('The server address must start with https://');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw bad('The server address must start with https:// (plain http is allowed only to this computer, for trying team use)');
  if (url.username || url.password) throw bad('Leave the account out of the address: enter it in the server account fields');
  if (url.search || url.hash) throw bad('The server address cannot have ? or # in it');
  const path = url.pathname.replace(/\/+$/, '');
  if (!/^\/[a-z][a-z0-9_$()+/-]*$/.test(path)) throw bad('The address must end with the database name in lower case, like https://couch.example.org/rj-casebook');
  return `${url.protocol}//${url.host}${path}`;
}

/** The address as shown to people: the same, since accounts never go in it. */
export const shownRemote = (remote: string) => remote;

export async function openRemote(remote: string, account: RemoteAccount, o: { create?: boolean; forReplication?: boolean } = {}): Promise<PouchDatabase> {
  const { PouchDB, fetch } = await loadPouch();
  const db = new PouchDB(remote, {
    skip_setup: !o.create,
    ...(account.user ? { auth: { username: account.user, password: account.password ?? '' } } : {}),
    fetch: (url, init) => fetch(url, { ...init, timeout: REQUEST_TIMEOUT_MS }),
  });
  if (o.forReplication) {
    // PouchDB's replication asks the source for its counts after each batch only to report
    // progress, without handling a failure; a connection lost at that moment would otherwise
    // surface as an unhandled rejection. The replication itself still fails on its next request.
    const info = db.info.bind(db);
    db.info = () => info().catch(() => ({ doc_count: 0, update_seq: 0, db_name: '' }));
  }
  return db;
}

/** What went wrong talking to the server, in plain words; a CasebookError SERVER. */
export function serverError(e: unknown): CasebookError {
  if (e instanceof CasebookError) return e;
  const err = (e ?? {}) as { status?: number; code?: string; name?: string; message?: string; type?: string; error?: string };
  const status = typeof err.status === 'number' ? err.status : undefined;
  const text = `${err.code ?? ''} ${err.name ?? ''} ${err.type ?? ''} ${err.message ?? ''}`;
  const say = (m: string) => new CasebookError('SERVER', m);
  if (status === 401) return say('The server refused the server account: check its name and password. Nothing was changed on this computer.');
  if (status === 403) return say('The server account may not use this database: ask whoever runs the server to make it a member. Nothing was changed on this computer.');
  if (status === 404) return say('There is no team casebook at that address: check the database name at the end of it. Nothing was changed on this computer.');
  if (status !== undefined && status >= 500) return say(`The server had a problem (it answered ${status}). Try again later; nothing was changed on this computer.`);
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|request-timeout|network|Failed to fetch|aborted|timeout/i.test(text)) return say('The server did not answer. Check the address and that this computer is online, then try again; nothing was changed on this computer.');
  if (/JSON|Unexpected token|invalid json|bad_request/i.test(text)) return say("The server's answer could not be read: is the address a CouchDB server? Nothing was changed on this computer.");
  return say('The sync did not finish: the server sent something this version cannot use. Try again later; nothing was changed on this computer.');
}
