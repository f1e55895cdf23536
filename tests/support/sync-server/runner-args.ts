import type { SyncServerOptions } from './index';
import { portProblem } from './port';

/**
 * The runner's command line: `[--port P] [--user U --password W]`. Returns the server's options
 * or the sentence to print when the command line is wrong.
 */
export function parseRunnerArgs(argv: readonly string[]): { options: SyncServerOptions } | { error: string } {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--(port|user|password)(?:=(.*))?$/.exec(arg);
    if (!m) return { error: `Unknown option ${arg}. ${USAGE}` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { error: `--${m[1]} needs a value. ${USAGE}` };
    given.set(m[1]!, value);
  }
  const options: SyncServerOptions = {};
  const port = given.get('port');
  if (port !== undefined) {
    const problem = /^\d{1,5}$/.test(port) ? portProblem(Number(port)) : `The port must be a whole number from 0 to 65535 (0 takes any free port), not "${port}".`;
    if (problem) return { error: problem };
    options.port = Number(port);
  }
  const user = given.get('user');
  const password = given.get('password');
  if ((user === undefined) !== (password === undefined)) return { error: 'Give both --user and --password for a server account, or neither for an open server.' };
  if (user !== undefined && password !== undefined) options.account = { user, password };
  return { options };
}

export const USAGE = 'Usage: npm run sync-server [-- --port P] [--user NAME --password PASSWORD]';
