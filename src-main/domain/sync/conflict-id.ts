import type { PathStep } from './types';

/**
 * A conflict's id comes from its path alone, so the same field in conflict gets the same id on
 * every machine and in every later merge, and the "Changes to resolve" list, the CLI and the
 * audit trail can name it. Short paths of plain keys and ids read as they are
 * ("c-contacts-_c1-notes": keys as words, ids after "_"); anything else, or longer than 80
 * characters, is "h-" and 128 bits of a hash of the path. The two forms cannot meet: one
 * starts "c", the other "h-", and readable keys start with a letter, never "_".
 */
const READABLE_KEY = /^[A-Za-z][A-Za-z0-9]*$/;
const READABLE_ID = /^[A-Za-z0-9]+$/;
const MAX = 80;

export function conflictId(path: readonly PathStep[]): string {
  const parts = path.map((s) => (typeof s === 'string' ? (READABLE_KEY.test(s) ? s : null) : READABLE_ID.test(s.id) ? `_${s.id}` : null));
  const readable = ['c', ...parts].join('-');
  if (parts.every((p) => p !== null) && readable.length <= MAX) return readable;
  return `h-${hash128(JSON.stringify(path.map((s) => (typeof s === 'string' ? ['k', s] : ['i', s.id]))))}`;
}

/**
 * 128 bits as hex from four 32-bit lanes mixed over the UTF-16 units (cyrb128). Not for
 * secrets: it tells paths apart inside one record, where nobody gains by a collision. Domain
 * code may not use node:crypto, and a non-cryptographic hash is enough here.
 */
function hash128(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}
