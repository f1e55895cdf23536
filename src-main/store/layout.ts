import { join } from 'node:path';

/**
 * Where each file of a store lives, relative to the store folder. Paths in error messages are
 * always these relative names, never absolute paths. See docs/store-format.md.
 *
 * Store format 2: the index records how many summary shards there are (summary-layout.ts).
 * A version that reads only format 1 would miss the rows beyond its 32 shards, so the keyring
 * says 2 and such a version stops with "written by a newer version" instead.
 */
export const STORE_FORMAT = 2;
export const AUDIT_SEGMENT_ENTRIES = 256;

export const KEYRING = 'keyring.json';
/** The sealed root: the casebook's record of its last save (root.ts). */
export const ROOT = 'root.cbk';
export const INDEX = 'index.cbk';
export const JOURNAL = 'journal.cbk';
export const LOCK = 'casebook.lock';
export const BACKUPS_DIR = 'backups';
export const CASES_DIR = 'cases';
export const SUMMARIES_DIR = 'summaries';
export const AUDIT_DIR = 'audit';
export const ATTACHMENTS_DIR = 'attachments';
/** Registers kept beside the cases (the staff register, policies, complaints): read when first needed, never at unlock. */
export const REGISTERS_DIR = 'registers';

/**
 * Team use (issue 16): this computer's copy of what the server holds (sync-mirror.ts), outside
 * the journal, the root and the backups: a cache that a sync can rebuild, sealed like the rest.
 */
export const SYNC_DIR = 'sync';
export const MIRROR_LOG = 'sync/mirror.log';

export const caseFile = (id: string) => `${CASES_DIR}/${id}.cbk`;
export const registerFile = (name: string) => `${REGISTERS_DIR}/${name}.cbk`;
export const auditFile = (segment: number) => `${AUDIT_DIR}/${String(segment).padStart(6, '0')}.cbk`;
/** An attachment is named by a keyed digest of its content (64 lower-case hex digits; attachments.ts). */
export const attachmentFile = (ref: string) => `${ATTACHMENTS_DIR}/${ref}.cbk`;
export const ATTACHMENT_REL = /^attachments\/([0-9a-f]{64})\.cbk$/;

/** Every name a file of the store may have, for the journal and backups: nothing else is ever written or restored. */
export const STORE_REL = /^(keyring\.json|index\.cbk|root\.cbk|(cases|summaries|audit|registers)\/[A-Za-z0-9_]{1,60}\.cbk|attachments\/[0-9a-f]{64}\.cbk)$/;

export function abs(storeDir: string, rel: string): string {
  return join(storeDir, ...rel.split('/'));
}
