import { mkdir } from 'node:fs/promises';
import { CasebookError } from '../../domain/shared/errors';
import { commands } from '../../ipc/contract';
import { requireOption } from '../args';
import { ok, type CliIo, type CommandDef } from '../command';
import { plural, printable } from '../output';
import { syncResultText } from './sync-words';

/**
 * Team use (issue 16) from a terminal: an administrator turns it on for a casebook, and
 * someone on another computer joins it. The server account comes from the environment, never
 * the command line (arguments show in the process list and in shell history).
 */
export const REMOTE_USER_ENV = 'CASEBOOK_REMOTE_USER';
export const REMOTE_PASSWORD_ENV = 'CASEBOOK_REMOTE_PASSWORD';

const remoteOption = { type: 'string', value: 'URL', description: 'The server address, e.g. https://couch.example.org/northshire-casebook', required: true } as const;
const accountHelp = `If the server needs an account, set ${REMOTE_USER_ENV} and ${REMOTE_PASSWORD_ENV}. The address must use https:// unless the server is on this computer.`;

/** The server address from --remote, refusing one with a password in it, and the account from the environment. */
function serverOf(def: CommandDef, ctx: { options: Record<string, unknown>; io: CliIo }) {
  const remote = requireOption(def, ctx.options as Record<string, string | undefined>, 'remote').trim();
  let url: URL | undefined;
  try {
    url = new URL(remote);
  } catch {
    // The service says what is wrong with an address it cannot use; only the password matters here.
  }
  if (url?.password) throw new CasebookError('USAGE', `Put the server password in ${REMOTE_PASSWORD_ENV}, not in the address: arguments can be seen by other users of this computer and are kept in shell history. Nothing was changed.`);
  const user = ctx.io.env[REMOTE_USER_ENV]?.trim();
  const password = ctx.io.env[REMOTE_PASSWORD_ENV];
  return { remote, ...(user ? { serverUser: user } : {}), ...(password ? { serverPassword: password } : {}) };
}

/** Messages from the contract's schema, named by the option a person typed. */
function checked<T>(parse: () => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }, names: Record<string, string>): T {
  const r = parse();
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: names[String(i.path[0])] ?? String(i.path[0]), message: i.message }));
  throw new CasebookError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

const OPTION_NAMES = { remote: '--remote', serverUser: REMOTE_USER_ENV, serverPassword: REMOTE_PASSWORD_ENV, userName: '--user' };

export const teamEnable: CommandDef = {
  words: ['team', 'enable'],
  summary: 'Turn on team use: keep the server address and account (encrypted) and send the casebook to the server',
  options: { remote: remoteOption },
  help: [accountHelp, 'The server only ever receives encrypted documents: no names, references or notes. See docs/team.md.', 'Example:', '  CASEBOOK_REMOTE_USER=northshire CASEBOOK_REMOTE_PASSWORD=… casebook team enable --remote https://couch.example.org/northshire'].join('\n'),
  async run(ctx) {
    const input = checked(() => commands.enableTeam.input.safeParse(serverOf(teamEnable, ctx)), OPTION_NAMES);
    await ctx.unlock({ writes: true, capability: 'manage-team', doing: 'turn on team use' });
    const r = await ctx.call('enableTeam', input, (done, total) => ctx.progress(`Sending the casebook: ${done} of ${total}`));
    return ok(r, [`Team use is on: this casebook syncs with ${printable(input.remote)}.`, syncResultText(r, { first: true })].join('\n'));
  },
};

export const teamJoin: CommandDef = {
  words: ['team', 'join'],
  summary: 'Join a team casebook from this computer: fetch it from the server and unlock it with your passphrase',
  options: { remote: remoteOption },
  help: [
    'Needs --user NAME (your name as the casebook knows you) and --store DIR (an empty folder, or one that does not exist yet).',
    'Your passphrase is the one you use on the team\'s other computers: from CASEBOOK_PASSPHRASE, or asked for in the terminal.',
    accountHelp,
  ].join('\n'),
  async run(ctx) {
    const server = serverOf(teamJoin, ctx);
    const userName = ctx.global.user;
    if (!userName) throw new CasebookError('USAGE', '"team join" needs --user NAME: your name as the team\'s casebook knows you.');
    // What can be checked is checked before the passphrase is asked for.
    checked(() => commands.joinTeam.input.omit({ passphrase: true }).safeParse({ ...server, userName }), OPTION_NAMES);
    await mkdir(ctx.global.store, { recursive: true, mode: 0o700 }).catch(() => {
      throw new CasebookError('WRITE_FAILED', `Cannot create the folder ${ctx.global.store}; check the path and your permissions.`);
    });
    const status = await ctx.call('getStatus', {});
    if (status.state !== 'uninitialised') throw new CasebookError('CONFLICT', `There is already a casebook in ${ctx.global.store}; nothing was changed. Join into another --store folder.`);
    const passphrase = await ctx.passphrase({ confirm: false });
    const input = checked(() => commands.joinTeam.input.safeParse({ ...server, userName, passphrase }), OPTION_NAMES);
    const session = await ctx.call('joinTeam', input, (done, total) => ctx.progress(`Fetching the casebook: ${done} of ${total}`));
    const cases = (await ctx.call('listCases', {})).length;
    const value = { store: ctx.global.store, serviceName: session.settings.serviceName, user: session.user, cases };
    return ok(value, `Joined ${printable(session.settings.serviceName)} as ${printable(session.user.name)}: ${plural(cases, 'case')}.`);
  },
};
