import { createHmac, hkdfSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { CasebookError } from '../domain/shared/errors';
import { AttachmentRefSchema } from '../domain/conferences/ids';
import { open, seal, type DataKey } from './envelope';
import type { FileWrite } from './journal';
import { abs, ATTACHMENT_REL, ATTACHMENTS_DIR, attachmentFile } from './layout';

/**
 * Attachments to the indirect process log (a scanned letter, a recording), kept encrypted in
 * the store as attachments/<ref>.cbk. Inside the envelope:
 *   metadata length u32 big-endian | metadata JSON (UTF-8) {name, type, size} | the raw bytes.
 * The ref is an HMAC-SHA256 of the bytes under a key derived from the data key: the same
 * content is stored once, and yet the file name says nothing to someone without the key (a
 * plain SHA-256 would let anyone holding a copy of a letter confirm it is in the casebook).
 * Reading checks the ref after decrypting.
 * Files are written by the caller's commit (prepareAttachment returns a FileWrite), so an
 * attachment reaches the disk in the same journaled commit as the log entry that names it.
 */
import { MAX_ATTACHMENT_BYTES } from '../domain/conferences/attachments';
export { MAX_ATTACHMENT_BYTES };
export const MAX_ATTACHMENT_NAME = 200;
const MAX_METADATA_BYTES = 4096;

/** The kinds of file that may be attached, by usual extension, with their MIME type. */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  webm: 'video/webm',
} as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[keyof typeof ATTACHMENT_TYPES] | 'audio/webm';

/** Other spellings that systems and browsers give the same kinds of file. */
const TYPE_ALIASES: [string, AttachmentType][] = [
  ['jpg', 'image/jpeg'],
  ['image/jpg', 'image/jpeg'],
  ['image/pjpeg', 'image/jpeg'],
  ['audio/mp3', 'audio/mpeg'],
  ['audio/x-m4a', 'audio/mp4'],
  ['audio/m4a', 'audio/mp4'],
  ['audio/x-wav', 'audio/wav'],
  ['audio/wave', 'audio/wav'],
  ['audio/vnd.wave', 'audio/wav'],
  // A recording made in the app (MediaRecorder) is audio-only WebM.
  ['audio/webm', 'audio/webm'],
];

/** Every accepted spelling (extension, MIME type or alias) to the MIME type that is kept. */
const TYPE_OF = new Map<string, AttachmentType>([
  ...Object.entries(ATTACHMENT_TYPES),
  ...Object.values(ATTACHMENT_TYPES).map((t) => [t, t] as const),
  ...TYPE_ALIASES,
]);
const KEPT_TYPES = new Set<string>(TYPE_OF.values());
const ALLOWED_LIST = Object.keys(ATTACHMENT_TYPES).join(', ');

const MetadataSchema = z.strictObject({
  name: z.string().min(1).refine((n) => [...n].length <= MAX_ATTACHMENT_NAME),
  type: z.string().refine((t) => KEPT_TYPES.has(t)),
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
});

export interface Attachment {
  name: string;
  type: AttachmentType;
  bytes: Buffer;
}

const invalid = (message: string) => new CasebookError('INVALID_INPUT', message);

function megabytes(n: number): string {
  // Rounded up, so a file just over the limit never reads as exactly the limit.
  return (Math.ceil((n / (1024 * 1024)) * 10) / 10).toFixed(1);
}

/** The file's own name without any folder, tidied; refused if empty or too long. */
export function attachmentName(name: string): string {
  const base = (typeof name === 'string' ? name : '').split(/[/\\]/).pop() ?? '';
  // Control characters, and the direction overrides that can make "x\u202Efdp.exe" look like a PDF.
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (clean === '' || clean === '.' || clean === '..') throw invalid('The attachment needs a file name');
  if ([...clean].length > MAX_ATTACHMENT_NAME) {
    throw invalid(`The attachment's file name is ${[...clean].length} characters long; the longest that can be kept is ${MAX_ATTACHMENT_NAME}. Rename the file and attach it again.`);
  }
  return clean;
}

/**
 * The MIME type to keep, from the type given (a MIME type or an extension); when none is
 * given, from the file name's extension. Anything not on the list is refused.
 */
export function attachmentType(type: string, name: string): AttachmentType {
  const given = (typeof type === 'string' ? type : '').split(';')[0]!.trim().toLowerCase().replace(/^\./, '');
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const key = given || ext;
  const found = TYPE_OF.get(key);
  if (!found) {
    throw invalid(`${key ? `Files of type "${key.slice(0, 80)}"` : 'Files of this type'} cannot be attached. The kinds of file that can be attached are: ${ALLOWED_LIST}.`);
  }
  return found;
}

/** The name key, derived once per data key: HKDF with its own label, as the backup MAC key is. */
const nameKeys = new WeakMap<Buffer, Buffer>();
function nameKey(dk: DataKey): Buffer {
  let k = nameKeys.get(dk.key);
  if (!k) {
    k = Buffer.from(hkdfSync('sha256', dk.key, Buffer.alloc(0), 'rj-casebook attachment names v1', 32));
    nameKeys.set(dk.key, k);
  }
  return k;
}

export function attachmentRef(dk: DataKey, bytes: Uint8Array): string {
  return createHmac('sha256', nameKey(dk)).update(bytes).digest('hex');
}

/**
 * Check and seal an attachment without writing it. Pass `write` to the commit that records
 * the log entry (saveCasesWith(..., { extra: [write] })); `ref` is what the entry stores.
 */
export function prepareAttachment(store: { dk: DataKey }, i: { name: string; type: string; bytes: Uint8Array }): { ref: string; write: FileWrite } {
  if (!(i.bytes instanceof Uint8Array)) throw invalid('The attachment has no content');
  if (i.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw invalid(`The attachment is ${megabytes(i.bytes.byteLength)} MB; the largest that can be kept is ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB. Make it smaller (scan at a lower resolution, or split the recording) and attach it again.`);
  }
  const name = attachmentName(i.name);
  const type = attachmentType(i.type, name);
  const ref = attachmentRef(store.dk, i.bytes);
  const rel = attachmentFile(ref);
  const meta = Buffer.from(JSON.stringify({ name, type, size: i.bytes.byteLength }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(meta.length);
  const plain = Buffer.concat([len, meta, i.bytes]);
  try {
    return { ref, write: { rel, bytes: seal(store.dk, 'attachment', rel, plain) } };
  } finally {
    plain.fill(0);
  }
}

const damaged = (rel: string, why: string) =>
  new CasebookError('CORRUPT', `${rel} is damaged or has been tampered with (${why}); it was not opened`, { file: rel });

/** Open the bytes of one attachment file, checking its layout and that its content matches its name. */
export function openAttachment(dk: DataKey, rel: string, file: Uint8Array): Attachment {
  const ref = ATTACHMENT_REL.exec(rel)?.[1];
  if (!ref) throw damaged(rel, 'not an attachment file');
  const plain = open(dk, 'attachment', rel, file);
  const len = plain.length >= 4 ? plain.readUInt32BE(0) : -1;
  if (len < 2 || len > MAX_METADATA_BYTES || 4 + len > plain.length) throw damaged(rel, 'its contents are not valid');
  let meta: z.infer<typeof MetadataSchema>;
  try {
    meta = MetadataSchema.parse(JSON.parse(plain.subarray(4, 4 + len).toString('utf8')));
  } catch {
    throw damaged(rel, 'its contents are not valid');
  }
  const bytes = plain.subarray(4 + len);
  if (bytes.length !== meta.size) throw damaged(rel, 'its size is not what it records');
  if (attachmentRef(dk, bytes) !== ref) throw damaged(rel, 'its content does not match its name (SHA-256 HMAC)');
  return { name: meta.name, type: meta.type as AttachmentType, bytes };
}

/** Read, decrypt and check one attachment. */
export async function readAttachment(store: { dir: string; dk: DataKey }, ref: string): Promise<Attachment> {
  if (!AttachmentRefSchema.safeParse(ref).success) throw invalid('That is not an attachment reference');
  const rel = attachmentFile(ref);
  let file: Buffer;
  try {
    file = await fs.readFile(abs(store.dir, rel));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CasebookError('NOT_FOUND', `The attachment is not in this casebook (${rel} is missing); restore a backup that has it`, { file: rel });
    }
    throw new CasebookError('CORRUPT', `${rel} could not be read`, { file: rel });
  }
  return openAttachment(store.dk, rel, file);
}

/** The store-relative names of the files in the attachments folder, other than temp files. */
export async function listAttachmentFiles(storeDir: string): Promise<string[]> {
  const names = await fs.readdir(abs(storeDir, ATTACHMENTS_DIR)).catch(() => [] as string[]);
  return names.filter((n) => !n.startsWith('.')).sort().map((n) => `${ATTACHMENTS_DIR}/${n}`);
}

/** Every attachment that fails to open or whose content does not match its name (for verify). */
export async function checkAttachments(store: { dir: string; dk: DataKey }): Promise<{ file: string; message: string }[]> {
  const problems: { file: string; message: string }[] = [];
  for (const rel of await listAttachmentFiles(store.dir)) {
    if (!ATTACHMENT_REL.test(rel)) {
      problems.push({ file: rel, message: 'is not an attachment the casebook wrote; it is left out of backups' });
      continue;
    }
    try {
      openAttachment(store.dk, rel, await fs.readFile(abs(store.dir, rel))).bytes.fill(0);
    } catch (e) {
      problems.push({ file: rel, message: e instanceof CasebookError ? e.message : 'could not be read' });
    }
  }
  return problems;
}
