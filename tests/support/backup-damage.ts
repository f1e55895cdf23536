/**
 * Damage inside a backup file as time on a disk might: one byte flipped inside each named file,
 * while the manifest (and so every other file) still matches.
 */
export function damageInBackup(backup: Uint8Array, rels: readonly string[]): Uint8Array {
  const out = Buffer.from(backup);
  const len = out.readUInt32BE(8);
  const manifest = JSON.parse(out.subarray(12, 12 + len).toString('utf8')) as { files: { rel: string; size: number }[] };
  let at = 12 + len;
  for (const f of manifest.files) {
    if (rels.includes(f.rel)) out[at + Math.floor(f.size / 2)]! ^= 0x5a;
    at += f.size;
  }
  return out;
}
