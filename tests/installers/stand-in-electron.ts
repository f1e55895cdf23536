import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A stand-in for the unpacked Electron release (linux x64) that electron-builder copies when
 * `electronDist` names a folder, so the app can be packaged without downloading Electron.
 *
 * electron-builder renames `electron` to the app's executable, keeps `LICENSE` (as
 * LICENSE.electron.txt), writes `resources/app.asar`, and then flips the fuses with
 * @electron/fuses, which looks in the binary for a sentinel followed by the fuse wire: a
 * version byte, a length byte and one byte per fuse ('0' off, '1' on). The stand-in's
 * `electron` is a shell script that refuses to run, followed by that sentinel and a wire set
 * the way a stock Electron ships, so the real flipping code runs on it and the test reads back
 * what it wrote.
 */

/** @electron/fuses' sentinel (node_modules/@electron/fuses/dist/constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The fuse wire, in its order (FuseV1Options), by electron-builder.yml's names, with a stock
 * Electron's setting of each.
 */
export const FUSES = [
  ['runAsNode', true],
  ['enableCookieEncryption', false],
  ['enableNodeOptionsEnvironmentVariable', true],
  ['enableNodeCliInspectArguments', true],
  ['enableEmbeddedAsarIntegrityValidation', false],
  ['onlyLoadAppFromAsar', false],
  ['loadBrowserProcessSpecificV8Snapshot', false],
  ['grantFileProtocolExtraPrivileges', true],
] as const;
export type FuseName = (typeof FUSES)[number][0];

const ON = 0x31;
const OFF = 0x30;

export async function makeStandInElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron for packaging tests; it cannot run the app" >&2\nexit 1\n');
  const wire = Buffer.from([...Buffer.from(FUSE_SENTINEL), 1, FUSES.length, ...FUSES.map(([, on]) => (on ? ON : OFF))]);
  await writeFile(join(dir, 'electron'), Buffer.concat([script, Buffer.from('\n# '), wire, Buffer.from('\n')]), { mode: 0o755 });
  await writeFile(join(dir, 'chrome-sandbox'), 'stand-in\n', { mode: 0o755 });
  await writeFile(join(dir, 'locales', 'en-GB.pak'), 'stand-in\n');
  await writeFile(join(dir, 'locales', 'en-US.pak'), 'stand-in\n');
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron licence.\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<p>Stand-in for the Chromium licences.</p>\n');
}

/** Each fuse's state in a binary, as @electron/fuses left it: true on, false off. */
export async function readFuses(binary: string): Promise<Record<string, boolean | 'other'>> {
  const bytes = await readFile(binary);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`${binary} has no fuse wire`);
  const wire = at + FUSE_SENTINEL.length;
  const length = bytes[wire + 1]!;
  const out: Record<string, boolean | 'other'> = {};
  FUSES.slice(0, length).forEach(([name], i) => {
    const b = bytes[wire + 2 + i];
    out[name] = b === ON ? true : b === OFF ? false : 'other';
  });
  return out;
}
