import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractAll } from '@electron/asar';
import { providedByRuntime, type BundleImports } from './asar-check';

/**
 * The proof by running: Node itself imports (for the ESM main bundle) and requires (for the
 * CommonJS preload) every module the bundles name, from a copy of app.asar unpacked into
 * `dir`, beside the bundles, so each resolves the way it would in the installed app. Resolves
 * to where each one was found; rejects, with Node's error, when one cannot be loaded.
 */
export async function loadFromArchive(asarPath: string, dir: string, main: BundleImports, preload: BundleImports): Promise<Record<string, string>> {
  extractAll(asarPath, dir);
  const probe = join(dir, 'out', 'main', 'probe.mjs');
  await mkdir(join(dir, 'out', 'main'), { recursive: true });
  await writeFile(
    probe,
    [
      "import { createRequire } from 'node:module';",
      'const [esm, cjs] = JSON.parse(process.argv[2]);',
      'const out = {};',
      // As the main process does before it loads pdf.js (documents/text/dom-matrix.ts): the
      // runtime has no DOMMatrix, and the native canvas that would supply one is not shipped.
      'globalThis.DOMMatrix ??= class DOMMatrix {};',
      'for (const s of esm) { out[s] = import.meta.resolve(s); await import(s); }',
      "const req = createRequire(new URL('../preload/index.cjs', import.meta.url));",
      'for (const s of cjs) { out[s] = req.resolve(s); req(s); }',
      'console.log(JSON.stringify(out));',
    ].join('\n'),
  );
  const { stdout } = await promisify(execFile)(process.execPath, [probe, JSON.stringify([external(main), external(preload)])], { cwd: dir });
  return JSON.parse(stdout) as Record<string, string>;
}

/** The modules a bundle loads from the package, not from Node or Electron. */
export const external = (e: BundleImports): string[] => e.specifiers.filter((s) => !providedByRuntime(s));
