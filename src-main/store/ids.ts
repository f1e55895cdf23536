import { randomBytes } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Random ids with a type prefix (u_ user, c_ case, p_ participant). Not derived from any data. */
export function newId(prefix: 'u' | 'c' | 'p', length = 16): string {
  const bytes = randomBytes(length);
  let out = `${prefix}_`;
  for (const b of bytes) out += ALNUM[b % 36];
  return out;
}
