import { isAscii } from 'node:buffer';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CasebookError } from '../domain/shared/errors';

/**
 * The envelope around every encrypted file:
 *   magic "RJCB" | version u8 | kind u8 | key id (8 bytes) | nonce (12 bytes) | ciphertext | GCM tag (16)
 * AES-256-GCM with a fresh random nonce per write. The additional authenticated data is the
 * header plus the file's store-relative name, so a file cannot be edited, re-labelled, or moved
 * over another file (say one case over another) without the tag failing.
 */
export const MAGIC = Buffer.from('RJCB', 'ascii');
export const ENVELOPE_VERSION = 1;
const HEADER_LEN = 4 + 1 + 1 + 8 + 12;
const TAG_LEN = 16;

export const KINDS = { index: 1, summaries: 2, case: 3, audit: 4, journal: 5, backup: 6, attachment: 7, root: 8, register: 9, mirror: 10, 'sync-doc': 11 } as const;
export type Kind = keyof typeof KINDS;

export interface DataKey {
  key: Buffer;
  /** 8 random bytes fixed at store creation; tells a file from another store apart before decrypting. */
  keyId: Buffer;
}

function aad(header: Buffer, name: string): Buffer {
  return Buffer.concat([header, Buffer.from(name, 'utf8')]);
}

export function seal(dk: DataKey, kind: Kind, name: string, plaintext: Uint8Array): Buffer {
  const nonce = randomBytes(12);
  const header = Buffer.concat([MAGIC, Buffer.from([ENVELOPE_VERSION, KINDS[kind]]), dk.keyId, nonce]);
  const cipher = createCipheriv('aes-256-gcm', dk.key, nonce);
  cipher.setAAD(aad(header, name));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

const corrupt = (name: string, why: string) =>
  new CasebookError('CORRUPT', `${name} is damaged or has been tampered with (${why}); it was not opened`, { file: name });

export function open(dk: DataKey, kind: Kind, name: string, file: Uint8Array): Buffer {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < HEADER_LEN + TAG_LEN) throw corrupt(name, 'too short');
  if (!buf.subarray(0, 4).equals(MAGIC)) throw corrupt(name, 'not an RJ Casebook file');
  if (buf[4] !== ENVELOPE_VERSION) throw corrupt(name, `unknown envelope version ${buf[4]}`);
  if (buf[5] !== KINDS[kind]) throw corrupt(name, 'wrong kind of file');
  if (!buf.subarray(6, 14).equals(dk.keyId)) throw corrupt(name, 'belongs to a different casebook');
  const header = buf.subarray(0, HEADER_LEN);
  const nonce = buf.subarray(14, HEADER_LEN);
  const tag = buf.subarray(buf.length - TAG_LEN);
  const decipher = createDecipheriv('aes-256-gcm', dk.key, nonce);
  decipher.setAAD(aad(header, name));
  decipher.setAuthTag(tag);
  try {
    const plain = decipher.update(buf.subarray(HEADER_LEN, buf.length - TAG_LEN));
    // GCM's final() only checks the tag (it returns nothing): no copy of the plaintext.
    const rest = decipher.final();
    return rest.length ? Buffer.concat([plain, rest]) : plain;
  } catch {
    throw corrupt(name, 'authentication failed');
  }
}

/**
 * JSON is sealed in ASCII: characters beyond it (names in many scripts) are written as \u
 * escapes, which any JSON reader reads back as the same text. Opening ASCII needs no UTF-8
 * decoding and JSON.parse then reads one-byte text: at 10,000 cases that is about a quarter of
 * unlocking. Files written before (raw UTF-8) are still read as UTF-8.
 */
const NON_ASCII = /[\u0080-\uffff]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, escapeChar);
}

export function sealJson(dk: DataKey, kind: Kind, name: string, value: unknown): Buffer {
  return seal(dk, kind, name, Buffer.from(asciiJson(value), 'latin1'));
}

export function openJson(dk: DataKey, kind: Kind, name: string, file: Uint8Array): unknown {
  const plain = open(dk, kind, name, file);
  try {
    return JSON.parse(plain.toString(isAscii(plain) ? 'latin1' : 'utf8'));
  } catch {
    throw corrupt(name, 'its contents are not valid');
  } finally {
    plain.fill(0);
  }
}
