import { promises as fs } from 'node:fs';
import { bundleOf, parseBundle, verifyBundle } from './backup-bundle';
import { listBackupFiles } from './backups';
import { writeFileDurably } from './durable-write';
import type { DataKey } from './envelope';
import { abs, KEYRING } from './layout';
import { rekeyFiles } from './rotate-key';

/**
 * After the data key has changed, each backup in backups/ is re-encrypted under the new key, so
 * it still restores from Settings, and someone holding the old key and a copy of the folder
 * cannot read them. Each keeps its name, time and reason; its keyring is the new one (a restore
 * keeps the keyring as it is now anyway). Each is replaced on its own, durably: a crash midway
 * leaves some under the old key, which a restore then names as "made with an earlier key".
 * A backup that does not open in full with the old key (damaged) is left as it is.
 * Returns how many were left under the old key.
 */
export async function rekeyBackups(dir: string, from: DataKey, to: DataKey, storeId: string, keyring: Buffer): Promise<number> {
  let left = 0;
  for (const b of await listBackupFiles(dir)) {
    try {
      const bundle = parseBundle(await fs.readFile(abs(dir, b.rel)), b.rel);
      verifyBundle(bundle, from, b.rel, storeId);
      const { files } = rekeyFiles(bundle.files, from, to);
      const contents = new Map([[KEYRING, keyring], ...files]);
      const bytes = bundleOf(contents, to, { storeId, reason: bundle.manifest.reason, now: new Date(bundle.manifest.createdAt) });
      await writeFileDurably(abs(dir, b.rel), bytes, b.rel);
    } catch {
      left++;
    }
  }
  return left;
}
