import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, getRawHeader } from '@electron/asar';
import { stringify } from 'yaml';
import { bundleImports, type BundleImports, type EntryPoint, type PackageView } from './asar-check';
import { builderConfig, ROOT } from './builder-config';

/**
 * Runs electron-builder the way `npm run dist` does, but for Linux unpacked (`--dir`, the step
 * every installer starts from) and against a stand-in Electron folder, with the network cut
 * off, and opens the app.asar it made.
 */

const run = promisify(execFile);
const BUILDER = join(ROOT, 'node_modules/electron-builder/cli.js');
export const MAIN = 'out/main/index.js';
export const PRELOAD = 'out/preload/index.cjs';
// Loaded into electron-builder's process before anything else: no socket, no DNS, so a
// download it might try fails the test instead of quietly needing the internet.
const NO_NETWORK =
  'data:text/javascript,' +
  encodeURIComponent(
    "import net from 'node:net'; import tls from 'node:tls'; import dns from 'node:dns';" +
      "const no = () => { throw new Error('the packaging test has no network'); };" +
      'net.Socket.prototype.connect = no; net.connect = no; net.createConnection = no; tls.connect = no; dns.lookup = no;',
  );

export interface Packaged {
  /** The unpacked app folder (linux-unpacked). */
  appOut: string;
  asarPath: string;
  /** Every file in app.asar, sorted. */
  files: string[];
  view: PackageView;
  ms: number;
}

/** `npm test` builds before vitest runs; a bare `vitest` run builds here if nothing is built. */
export function ensureBuilt(): void {
  if ([MAIN, PRELOAD, 'out/renderer/index.html'].every((f) => existsSync(join(ROOT, f)))) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Package into `work/<name>` against the stand-in Electron in `electronDir`. `extraFiles`
 * patterns are added to electron-builder.yml's `files` (through a copy of the config in
 * `work`, since the command line cannot add to a list); without them the real file is used.
 */
export async function packageApp(work: string, name: string, electronDir: string, extraFiles: string[] = []): Promise<Packaged> {
  const output = join(work, name);
  const args = ['--import', NO_NETWORK, BUILDER, '--linux', 'dir', '--x64', '--publish', 'never'];
  if (extraFiles.length > 0) {
    const config = builderConfig();
    const path = join(work, `${name}.yml`);
    await writeFile(path, stringify({ ...config, files: [...config.files, ...extraFiles], electronDist: electronDir, directories: { output } }));
    args.push('--config', path);
  } else {
    args.push(`-c.electronDist=${electronDir}`, `-c.directories.output=${output}`);
  }
  const started = Date.now();
  await run(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_UPDATE_NOTIFIER: '1', ELECTRON_BUILDER_CACHE: join(work, 'cache') }, maxBuffer: 16 * 1024 * 1024 });
  const ms = Date.now() - started;
  const appOut = join(output, 'linux-unpacked');
  const asarPath = join(appOut, 'resources', 'app.asar');
  const files = filesIn(asarPath);
  const set = new Set(files);
  return { appOut, asarPath, files, ms, view: { has: (p) => set.has(p), readText: (p) => extractFile(asarPath, p).toString('utf8') } };
}

/** What the packaged main bundle and preload load, as the checks take it. */
export function entryPoints(view: PackageView): (EntryPoint & BundleImports)[] {
  return [
    { file: MAIN, kind: 'import', ...bundleImports(view.readText(MAIN)) },
    { file: PRELOAD, kind: 'require', ...bundleImports(view.readText(PRELOAD)) },
  ];
}

/** Every file in the archive (not folders), from its header. */
function filesIn(archive: string): string[] {
  type Entry = { files?: Record<string, Entry> };
  const out: string[] = [];
  const walk = (entries: Record<string, Entry>, prefix: string) => {
    for (const [name, e] of Object.entries(entries)) {
      if (e.files) walk(e.files, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk((getRawHeader(archive).header as Entry).files ?? {}, '');
  return out.sort();
}
