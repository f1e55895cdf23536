import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The one server account, as CouchDB's `require_valid_user` would demand it. */
export interface Account {
  user: string;
  password: string;
}

export const UNAUTHORIZED = JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' });

/** True when the request carries HTTP Basic credentials for the account. */
export function carriesAccount(req: IncomingMessage, account: Account): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1]!, 'base64').toString('utf8');
  // Compared as digests so the time taken says nothing about how much of it was right.
  return timingSafeEqual(digest(given), digest(`${account.user}:${account.password}`));
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
