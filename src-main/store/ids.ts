import { randomBytes } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Random ids with a type prefix (u_ user, c_ case, p_ participant, s_ staff, v_ venue, m_ meeting,
 * a_ agreement action, pol_ policy, cmp_ complaint, sar_ subject access request, ev_ a file attached to a health-check indicator), never derived from data, so an id says nothing about whom it names.
 */
export function newId(prefix: 'u' | 'c' | 'p' | 's' | 'v' | 'm' | 'a' | 'pol' | 'cmp' | 'sar' | 'rtp' | 'ev', length = 16): string {
  const bytes = randomBytes(length);
  let out = `${prefix}_`;
  for (const b of bytes) out += ALNUM[b % 36];
  return out;
}
