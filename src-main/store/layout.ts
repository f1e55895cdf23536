import { join } from 'node:path';

/**
 * Where each file of a store lives, relative to the store folder. Paths in error messages are
 * always these relative names, never absolute paths. See docs/store-format.md.
 */
export const STORE_FORMAT = 1;
export const SUMMARY_SHARDS = 32;
export const AUDIT_SEGMENT_ENTRIES = 256;

export const KEYRING = 'keyring.json';
export const INDEX = 'index.cbk';
export const JOURNAL = 'journal.cbk';
export const LOCK = 'casebook.lock';
export const BACKUPS_DIR = 'backups';
export const CASES_DIR = 'cases';
export const SUMMARIES_DIR = 'summaries';
export const AUDIT_DIR = 'audit';
export const ATTACHMENTS_DIR = 'attachments';

export const caseFile = (id: string) => `${CASES_DIR}/${id}.cbk`;
export const summaryFile = (shard: number) => `${SUMMARIES_DIR}/${String(shard).padStart(2, '0')}.cbk`;
export const auditFile = (segment: number) => `${AUDIT_DIR}/${String(segment).padStart(6, '0')}.cbk`;
/** An attachment is named by a keyed digest of its content (64 lower-case hex digits; attachments.ts). */
export const attachmentFile = (ref: string) => `${ATTACHMENTS_DIR}/${ref}.cbk`;
export const ATTACHMENT_REL = /^attachments\/([0-9a-f]{64})\.cbk$/;

/** FNV-1a over the case id: stable, cheap, spreads ids evenly over the shards. */
export function shardOf(caseId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    h ^= caseId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SUMMARY_SHARDS;
}

export function abs(storeDir: string, rel: string): string {
  return join(storeDir, ...rel.split('/'));
}
