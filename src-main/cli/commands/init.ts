import { mkdir } from 'node:fs/promises';
import { CasebookError } from '../../domain/shared/errors';
import { PassphraseSchema } from '../../domain/casebook/passphrase';
import { commands } from '../../ipc/contract';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { printable } from '../output';

/** Create a new casebook and show its recovery key, the one time it is ever shown. */
export const init: CommandDef = {
  words: ['init'],
  summary: 'Create a new encrypted casebook with its first administrator',
  options: {
    service: { type: 'string', value: 'NAME', description: 'The name of your restorative justice service', required: true },
  },
  help: 'Needs --user NAME too: the name of the first administrator (you). You are asked for a passphrase twice, unless CASEBOOK_PASSPHRASE is set.',
  async run(ctx) {
    const serviceName = requireOption(init, ctx.options, 'service');
    const userName = ctx.global.user;
    if (!userName) throw new CasebookError('USAGE', '"init" needs --user NAME: the name of the first administrator (you).');
    // Same rules as the app's set-up screen, checked before asking for a passphrase.
    const names = commands.createCasebook.input.pick({ serviceName: true, userName: true }).safeParse({ serviceName, userName });
    if (!names.success) {
      const issues = names.error.issues.map((i) => ({ path: i.path[0] === 'serviceName' ? '--service' : '--user', message: i.message }));
      throw new CasebookError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
    }

    await mkdir(ctx.global.store, { recursive: true, mode: 0o700 }).catch(() => {
      throw new CasebookError('WRITE_FAILED', `Cannot create the folder ${ctx.global.store}; check the path and your permissions.`);
    });
    const status = await ctx.call('getStatus', {});
    if (status.state !== 'uninitialised') {
      throw new CasebookError('CONFLICT', `There is already a casebook in ${ctx.global.store}; nothing was changed. Use another --store folder for a new one.`);
    }

    const passphrase = await ctx.passphrase({ confirm: true });
    const checked = PassphraseSchema.safeParse(passphrase);
    if (!checked.success) throw new CasebookError('INVALID_INPUT', `${checked.error.issues[0]?.message ?? 'Passphrase not accepted'}. Nothing was created.`);

    const { recoveryKey, session } = await ctx.call('createCasebook', { serviceName: names.data.serviceName, userName: names.data.userName, passphrase });
    const value = { store: ctx.global.store, serviceName: session.settings.serviceName, user: session.user, recoveryKey };
    const text = [
      `Created the casebook for ${printable(session.settings.serviceName)} in ${ctx.global.store}.`,
      `${printable(session.user.name)} is its administrator.`,
      '',
      'RECOVERY KEY (shown now and never again):',
      '',
      `    ${recoveryKey}`,
      '',
      'Write it down or print it now, and keep it somewhere safe away from this computer, such as',
      'a locked cabinet. It is the only way back in if every passphrase is forgotten, and anyone',
      'who has it and a copy of the casebook can read every case. Do not save it in a file here.',
    ].join('\n');
    return ok(value, text);
  },
};
