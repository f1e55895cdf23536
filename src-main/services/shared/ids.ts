import { randomBytes } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Random ids for casework records (s_ staff, c_ case, p_ participant, v_ venue, m_ meeting, a_ action), never derived from data. */
export function randomId(prefix: 's' | 'c' | 'p' | 'v' | 'm' | 'a', length = 16): string {
  let out = `${prefix}_`;
  for (const b of randomBytes(length)) out += ALNUM[b % 36];
  return out;
}
