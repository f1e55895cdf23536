import { randomBytes } from 'node:crypto';
import { openAttachment, prepareAttachment } from './attachments';
import { kindOf } from './backup-bundle';
import { open, openJson, seal, sealJson, type DataKey } from './envelope';
import { ATTACHMENT_REL, KEYRING } from './layout';

/**
 * Every file of a casebook (or of one of its backups) re-encrypted under a new data key, as a
 * map of store-relative name to new bytes. The JSON files keep their plaintext byte for byte,
 * so the audit trail's hashes and links are untouched. Attachments are named by an HMAC under
 * a key derived from the data key (attachments.ts), so each gets a new name, and every case
 * whose log names one is rewritten to name the new one (its revision unchanged: nobody edited
 * it). The keyring is left to the caller: it is written last, by whoever knows the new wraps.
 */
export interface Rekeyed {
  files: Map<string, Buffer>;
  /** Old attachment files that are not written again under their old name. */
  gone: string[];
  /** Each attachment's old ref to its new one, for what names attachments outside these files (the index in memory). */
  renamed: ReadonlyMap<string, string>;
}

export function newDataKey(): DataKey {
  return { key: randomBytes(32), keyId: randomBytes(8) };
}

export function rekeyFiles(files: ReadonlyMap<string, Buffer>, from: DataKey, to: DataKey): Rekeyed {
  const out = new Map<string, Buffer>();
  const refs = new Map<string, string>();
  const gone: string[] = [];
  for (const [rel, bytes] of files) {
    const old = ATTACHMENT_REL.exec(rel)?.[1];
    if (!old) continue;
    const a = openAttachment(from, rel, bytes);
    const next = prepareAttachment({ dk: to }, a);
    a.bytes.fill(0);
    refs.set(old, next.ref);
    out.set(next.write.rel, next.write.bytes);
    if (next.write.rel !== rel) gone.push(rel);
  }
  for (const [rel, bytes] of files) {
    const kind = kindOf(rel);
    if (rel === KEYRING || !kind) continue;
    if (kind === 'case' && refs.size > 0) out.set(rel, sealJson(to, kind, rel, renameAttachments(openJson(from, kind, rel, bytes), refs)));
    // A register names attachments too (a policy's documents), and so does the index (the
    // service's logo, in the settings): every ref in it is renamed.
    else if ((kind === 'register' || kind === 'index') && refs.size > 0) out.set(rel, sealJson(to, kind, rel, renameRefs(openJson(from, kind, rel, bytes), refs)));
    else {
      const plain = open(from, kind, rel, bytes);
      out.set(rel, seal(to, kind, rel, plain));
      plain.fill(0);
    }
  }
  return { files: out, gone, renamed: refs };
}

/** A case as stored (JSON), with each log entry's attachment named by its new ref. */
function renameAttachments(value: unknown, refs: ReadonlyMap<string, string>): unknown {
  const c = value as { indirectLog?: { attachment?: string }[] };
  if (!Array.isArray(c?.indirectLog)) return value;
  return { ...c, indirectLog: c.indirectLog.map((e) => (e?.attachment && refs.has(e.attachment) ? { ...e, attachment: refs.get(e.attachment) } : e)) };
}

/**
 * Any JSON value with each string that is exactly an old attachment ref replaced by the new one.
 * Refs are 64-digit keyed digests, so no other text in a register can be one by chance.
 */
export function renameRefs(value: unknown, refs: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return refs.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, refs));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameRefs(v, refs)]));
  return value;
}
