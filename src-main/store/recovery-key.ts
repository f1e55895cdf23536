import { randomBytes, hkdfSync } from 'node:crypto';

/**
 * The recovery key: 256 random bits shown once at set-up as 13 groups of 4 base32 characters
 * (no 0/1/8/9, so nothing is mistaken for O, I, B or g when copied by hand). It is already
 * high-entropy, so it is stretched with HKDF rather than a slow password hash.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newRecoveryKey(): { display: string; bytes: Buffer } {
  const bytes = randomBytes(32);
  return { display: formatRecoveryKey(bytes), bytes };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Parse what a person typed: case and dashes and spaces do not matter. Returns undefined if malformed. */
export function parseRecoveryKey(typed: string): Buffer | undefined {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '');
  if (clean.length !== 52 || /[^A-Z2-7]/.test(clean)) return undefined;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    value = ((value << 5) | ALPHABET.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out.slice(0, 32));
}

export function recoveryKek(bytes: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', bytes, salt, 'rj-casebook recovery wrap v1', 32));
}
