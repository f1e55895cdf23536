import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CasebookService } from '../services/casebook/api';
import type { FilePorts } from '../services/shared/files';
import { runCli } from './run';
import { defaultStoreDir } from './store-dir';

/**
 * The `casebook` command (npm run casebook -- COMMAND). Everything lives in run.ts so tests
 * can drive it in-process; this file only connects it to the real process and service.
 */
// Loaded lazily so that --help and usage errors never load the store code (and start quickly).
async function openService(storeDir: string, files: FilePorts): Promise<CasebookService> {
  const { createCasebookService } = await import('../services/casebook/service');
  // The desktop app's own settings folder, so the app and the command line share one record of
  // how far each casebook had got (a whole folder put back from an older copy is noticed).
  const appFolder = dirname(defaultStoreDir({ ...process.env, CASEBOOK_STORE: undefined }, process.platform, homedir()));
  return createCasebookService({ storeDir, ...files, program: 'command line', seenRecord: join(appFolder, 'known-casebooks.json') });
}

// `casebook cases list | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const code = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, platform: process.platform, homedir: homedir(), cwd: process.cwd(), now: () => new Date() },
  { openService },
);
process.exitCode = code;
// A timer or handle left open somewhere must not keep the command hanging after it is done.
setTimeout(() => process.exit(code), 3000).unref();
