import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CLI as a user runs it: a child process of src-main/cli/main.ts from the repository's
 * root. `npm run casebook` starts it with tsx, which compiles the whole import graph at every
 * start (seconds each, with tests running beside it); here it is bundled once per test worker
 * with esbuild (a dependency of tsx and vite) into out/, two folders below the root as the
 * built app is, so the one module that finds templates/ and resources/ (app-root.ts) still
 * does, and packages stay in node_modules. If esbuild cannot be loaded, tsx is used.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const CONFIG_HOME = join(tmpdir(), `casebook-cli-config-${process.pid}`);

let entry: Promise<string[]> | undefined;
function cliEntry(): Promise<string[]> {
  entry ??= (async () => {
    try {
      const esbuild = await import('esbuild');
      const dir = join(ROOT, 'out', `cli-test-${process.pid}`);
      const outfile = join(dir, 'main.mjs');
      await esbuild.build({ entryPoints: [join(ROOT, 'src-main/cli/main.ts')], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      return [outfile];
    } catch {
      return [TSX, 'src-main/cli/main.ts'];
    }
  })();
  return entry;
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function spawnCli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const start = await cliEntry();
  // A clean environment: nothing from the developer's own CASEBOOK_* settings leaks in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CASEBOOK_')));
  // The app's settings folder (where the record of how far each casebook had got is kept) is a
  // temporary one, never the real home folder of whoever runs the tests.
  base.XDG_CONFIG_HOME = CONFIG_HOME;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...start, ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(); // not a terminal: the passphrase must come from the environment
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
