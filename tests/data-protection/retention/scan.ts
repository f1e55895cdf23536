import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBundle } from '../../../src-main/store/backup-bundle';
import { open, type DataKey, type Kind } from '../../../src-main/store/envelope';
import { dataKeyOf, readKeyring, unwrapForUser } from '../../../src-main/store/keyring';
import { openAttachment } from '../../../src-main/store/attachments';
import { storeFiles } from '../../../src-main/store/backup-bundle';

/**
 * Every copy the app keeps, decrypted to text: each store file and each file inside each backup,
 * for a test to look for a person's identifiers in after anonymising or deleting their case.
 */
const KIND_OF: [RegExp, Kind][] = [
  [/^index\.cbk$/, 'index'],
  [/^root\.cbk$/, 'root'],
  [/^cases\//, 'case'],
  [/^summaries\//, 'summaries'],
  [/^audit\//, 'audit'],
  [/^registers\//, 'register'],
];

function plain(dk: DataKey, rel: string, bytes: Buffer): string {
  if (rel === 'keyring.json') return bytes.toString('utf8');
  if (rel.startsWith('attachments/')) {
    const a = openAttachment(dk, rel, bytes);
    return `${a.name}\n${Buffer.from(a.bytes).toString('utf8')}`;
  }
  const kind = KIND_OF.find(([re]) => re.test(rel))?.[1];
  if (!kind) throw new Error(`no kind for ${rel}`);
  return open(dk, kind, rel, bytes).toString('utf8');
}

export async function dataKey(dir: string, userId: string, passphrase: string): Promise<DataKey> {
  const keyring = (await readKeyring(dir))!;
  const key = (await unwrapForUser(keyring, userId, passphrase))!;
  return dataKeyOf(keyring, Buffer.from(key));
}

/** `where → text` for every store file and every file of every backup. */
export async function everyCopy(dir: string, dk: DataKey): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of await storeFiles(dir)) out.set(rel, plain(dk, rel, await readFile(join(dir, ...rel.split('/')))));
  const backups = await readdir(join(dir, 'backups')).catch(() => [] as string[]);
  for (const name of backups) {
    const bundle = parseBundle(await readFile(join(dir, 'backups', name)), name);
    for (const [rel, bytes] of bundle.files) out.set(`backups/${name}:${rel}`, plain(dk, rel, bytes));
  }
  return out;
}

/** Where any of the needles is found (case and accents as written). */
export function found(copies: Map<string, string>, needles: readonly string[]): string[] {
  const out: string[] = [];
  for (const [where, text] of copies) for (const n of needles) if (text.includes(n) || text.includes(JSON.stringify(n).slice(1, -1))) out.push(`${n} in ${where}`);
  return out;
}
