import { CasebookError } from '../domain/shared/errors';
import type { CliIo, InStream, OutStream } from './command';

/** Thrown when someone presses Ctrl-C or Ctrl-D at a prompt; the CLI exits 130 as shells expect. */
export class CliCancelled extends Error {
  constructor() {
    super('Cancelled; nothing was changed.');
    this.name = 'CliCancelled';
  }
}

export const PASSPHRASE_ENV = 'CASEBOOK_PASSPHRASE';

const HOW_TO_SUPPLY =
  `Set ${PASSPHRASE_ENV} in the environment, or run the command in a terminal to be asked for it. ` +
  'It is never accepted as an argument, because arguments can be seen by other users of this computer ' +
  'in the process list and are kept in shell history.';

/** Refuse any attempt to put a secret on the command line, before anything else looks at it. */
export function refuseSecretArguments(argv: readonly string[]): void {
  for (const a of argv) {
    const m = /^--?(passphrase|password|pass|new-passphrase|recovery-key)(=|$)/i.exec(a);
    if (m) throw new CasebookError('USAGE', `--${(m[1] as string).toLowerCase()} is not accepted. ${HOW_TO_SUPPLY}`);
  }
}

/**
 * Read a line from the terminal without echoing it. Raw mode hands us every key press, so we
 * handle Enter, Backspace, Ctrl-U (clear), Ctrl-C and Ctrl-D (cancel) ourselves and ignore
 * escape sequences such as arrow keys.
 */
export function promptHidden(input: InStream, output: OutStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const setRaw = input.setRawMode?.bind(input);
    if (!setRaw) {
      reject(new CasebookError('USAGE', `Cannot read a passphrase without showing it here. ${HOW_TO_SUPPLY}`));
      return;
    }
    const wasRaw = input.isRaw ?? false;
    let chars: string[] = [];
    let inEscape = false;
    output.write(prompt);
    const finish = (err?: Error) => {
      input.removeListener('data', onData);
      setRaw(wasRaw);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(chars.join(''));
    };
    const onData = (chunk: string | Buffer) => {
      // for..of walks code points, so Backspace removes a whole character such as "ł" or an emoji.
      for (const ch of String(chunk)) {
        if (inEscape) {
          if (/[A-Za-z~]/.test(ch)) inEscape = false;
          continue;
        }
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new CliCancelled());
        if (ch === '\u0004') {
          if (chars.length === 0) return finish(new CliCancelled());
          continue;
        }
        if (ch === '\u007f' || ch === '\b') chars.pop();
        else if (ch === '\u0015') chars = [];
        else if (ch === '\u001b') inEscape = true;
        else if (ch >= ' ') chars.push(ch);
      }
    };
    input.setEncoding?.('utf8');
    setRaw(true);
    input.on('data', onData);
    input.resume();
  });
}

/** The passphrase from CASEBOOK_PASSPHRASE, or asked for on the terminal (twice when confirm is set). */
export async function readPassphrase(io: CliIo, o: { confirm: boolean }): Promise<string> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!io.stdin.isTTY || !io.stdin.setRawMode) {
    throw new CasebookError('USAGE', `No passphrase given and there is no terminal to ask on. ${HOW_TO_SUPPLY}`);
  }
  const first = await promptHidden(io.stdin, io.stderr, o.confirm ? 'Choose a passphrase (at least 12 characters): ' : 'Passphrase: ');
  if (!o.confirm) return first;
  const second = await promptHidden(io.stdin, io.stderr, 'Type it again: ');
  if (first !== second) throw new CasebookError('USAGE', 'The two passphrases were different; nothing was changed. Run the command again.');
  return first;
}

/**
 * A new passphrase for someone else (a change of the data key gives each person kept one), typed
 * twice on the terminal. Never from CASEBOOK_PASSPHRASE: that is the passphrase of whoever runs
 * the command, and giving it to someone else would be a mistake nobody notices.
 */
export async function readNewPassphraseFor(io: CliIo, name: string): Promise<string> {
  if (!io.stdin.isTTY || !io.stdin.setRawMode) {
    throw new CasebookError('USAGE', `A new passphrase for ${name} has to be typed on a terminal, and there is none here; nothing was changed. Run the command in a terminal, or leave ${name} out of --keep.`);
  }
  const first = await promptHidden(io.stdin, io.stderr, `New passphrase for ${name} (at least 12 characters): `);
  const second = await promptHidden(io.stdin, io.stderr, 'Type it again: ');
  if (first !== second) throw new CasebookError('USAGE', `The two passphrases for ${name} were different; nothing was changed. Run the command again.`);
  return first;
}
