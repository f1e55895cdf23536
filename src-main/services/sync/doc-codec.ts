import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { CasebookError } from '../../domain/shared/errors';
import { openJson, sealJson, type DataKey } from '../../store/envelope';
import type { PouchDoc } from '../../store/pouch';
import type { Conflict, Json } from '../../domain/sync/merge';
import type { KeyringBody } from '../../store/keyring';
import { keyringPublic } from './keyring-doc';

/**
 * What a document on the team server is: an opaque id (a keyed digest of the record's name, so
 * the server cannot tell a case from a register or link it to a reference) and one field of
 * ciphertext, sealed with the casebook's data key and bound to the document's id, so the server
 * cannot move one document's contents under another's id.
 */
export const KEYRING_DOC_ID = 'casebook-keyring';

export function docIdOf(idKey: Buffer, key: string): string {
  if (key === 'keyring') return KEYRING_DOC_ID;
  return `r${createHmac('sha256', idKey).update(`rj-casebook record|${key}`).digest('hex').slice(0, 40)}`;
}

/** Inside the ciphertext: the record's name and value, any changes still to resolve, and who wrote it. */
export interface Payload {
  v: 1;
  key: string;
  /** null: the record was deleted (a case removed under the retention schedule). */
  value: Json | null;
  conflicts: Conflict[];
  /**
   * Revisions from other branches whose changes this one already holds (a merge closes those
   * branches; the revision tree alone would not show it), so a later merge compares with the
   * right common revision (merge-leaves.ts).
   */
  merged?: string[];
  by: { machine: string; user: string; auditSeq: number };
  at: string;
}
const PayloadSchema = z.strictObject({
  v: z.literal(1),
  key: z.string().min(1).max(200),
  value: z.unknown(),
  conflicts: z.array(z.unknown()).max(1000),
  merged: z.array(z.string().regex(/^\d{1,9}-[0-9a-f]{1,64}$/)).max(400).optional(),
  by: z.strictObject({ machine: z.string().max(40), user: z.string().max(200), auditSeq: z.number().int().min(0) }),
  at: z.string().max(40),
});

export function sealDoc(dk: DataKey, id: string, p: Payload): { c: string } {
  return { c: sealJson(dk, 'sync-doc', id, p).toString('base64') };
}

/** The payload of a document from the server, or a CORRUPT error naming why it cannot be read (never its contents). */
export function openDoc(dk: DataKey, doc: PouchDoc): Payload {
  const c = doc.c;
  if (typeof c !== 'string' || c.length === 0 || c.length > 64 * 1024 * 1024) throw new CasebookError('CORRUPT', 'it holds no ciphertext');
  const parsed = PayloadSchema.safeParse(openJson(dk, 'sync-doc', doc._id, Buffer.from(c, 'base64')));
  if (!parsed.success) throw new CasebookError('CORRUPT', 'its contents are not a record this version can read');
  return parsed.data as Payload;
}

/** The id key travels sealed in the keyring document, so a computer joining can find everything else. */
export function sealIds(dk: DataKey, idKey: string): string {
  return sealJson(dk, 'sync-doc', `${KEYRING_DOC_ID}|ids`, { idKey }).toString('base64');
}

export function openIds(dk: DataKey, doc: PouchDoc): string {
  const ids = doc.ids;
  if (typeof ids !== 'string') throw new CasebookError('CORRUPT', 'the team keyring has no document key');
  const v = z.strictObject({ idKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }).safeParse(openJson(dk, 'sync-doc', `${KEYRING_DOC_ID}|ids`, Buffer.from(ids, 'base64')));
  if (!v.success) throw new CasebookError('CORRUPT', 'the team keyring has no document key');
  return v.data.idKey;
}

/**
 * What a record's document carries outside its ciphertext: only the keyring's, whose wraps a
 * joining computer must read before it has the key, and the sealed id key beside them.
 */
export function outsideOf(key: string, dk: DataKey, keyring: KeyringBody, idKey: string): Record<string, unknown> {
  return key === 'keyring' ? { public: keyringPublic(keyring), ids: sealIds(dk, idKey) } : {};
}

/** The team's keyring as a keyring body, from the value its document carries (wraps keyed by `id` for merging). */
export function keyringFromValue(value: unknown): KeyringBody {
  const v = TeamKeyringValue.parse(value);
  return { ...v, users: v.users.map(({ id: _id, ...w }) => w) } as unknown as KeyringBody;
}
const TeamKeyringValue = z.looseObject({ users: z.array(z.looseObject({ id: z.string() })).min(1) });
