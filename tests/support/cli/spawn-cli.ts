import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CLI as a user runs it: a child process (tsx src-main/cli/main.ts, as `npm run casebook`
 * does) from the repository's root. Slower than runWith in harness.ts (in-process, over a fake
 * service), so kept for the paths that matter end to end over the real encrypted store.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const CONFIG_HOME = join(tmpdir(), `casebook-cli-config-${process.pid}`);

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function spawnCli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  // A clean environment: nothing from the developer's own CASEBOOK_* settings leaks in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CASEBOOK_')));
  // The app's settings folder (where the record of how far each casebook had got is kept) is a
  // temporary one, never the real home folder of whoever runs the tests.
  base.XDG_CONFIG_HOME = CONFIG_HOME;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, 'src-main/cli/main.ts', ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(); // not a terminal: the passphrase must come from the environment
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
