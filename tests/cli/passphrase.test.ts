import { describe, expect, it } from 'vitest';
import { CliCancelled, promptHidden, readPassphrase } from '../../src-main/cli/passphrase';
import type { CliIo } from '../../src-main/cli/command';
import { CasebookError } from '../../src-main/domain/shared/errors';
import { FakeTty, Sink } from '../support/cli/harness';

const io = (stdin: FakeTty | { isTTY: false }, env: Record<string, string> = {}): CliIo & { stderr: Sink } =>
  ({ stdin, stderr: new Sink(true), stdout: new Sink(), env, platform: 'linux', homedir: '/h', cwd: '/', now: () => new Date() }) as never;

describe('promptHidden', () => {
  it('reads a line in raw mode without echoing it, and restores the terminal', async () => {
    const tty = new FakeTty(['correct horse\r']);
    const out = new Sink(true);
    await expect(promptHidden(tty, out, 'Passphrase: ')).resolves.toBe('correct horse');
    expect(out.text).toBe('Passphrase: \n');
    expect(tty.rawModes).toEqual([true, false]);
  });

  it('handles Backspace over multi-byte characters, Ctrl-U and arrow keys', async () => {
    // "Łx" Backspace -> "Ł"; then junk, Ctrl-U clears; then an arrow key (ESC [ A) is ignored.
    const tty = new FakeTty(['Łx\u007fjunk\u0015ąę\u001b[Aż🙂\u007f\n']);
    await expect(promptHidden(tty, new Sink(), '> ')).resolves.toBe('ąęż');
  });

  it('treats Ctrl-C as cancel', async () => {
    const tty = new FakeTty(['abc\u0003']);
    await expect(promptHidden(tty, new Sink(), '> ')).rejects.toBeInstanceOf(CliCancelled);
    expect(tty.rawModes.at(-1)).toBe(false);
  });
});

describe('readPassphrase', () => {
  it('prefers CASEBOOK_PASSPHRASE and does not prompt', async () => {
    const tty = new FakeTty([]);
    const i = io(tty, { CASEBOOK_PASSPHRASE: 'from the environment' });
    await expect(readPassphrase(i, { confirm: true })).resolves.toBe('from the environment');
    expect(i.stderr.text).toBe('');
  });

  it('refuses with a usage error that says how to supply it when there is no terminal', async () => {
    const e = await readPassphrase(io({ isTTY: false }), { confirm: false }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CasebookError);
    expect((e as CasebookError).code).toBe('USAGE');
    expect((e as CasebookError).message).toMatch(/CASEBOOK_PASSPHRASE/);
  });

  it('asks twice when confirming, and refuses a mismatch', async () => {
    await expect(readPassphrase(io(new FakeTty(['one passphrase\r', 'one passphrase\r'])), { confirm: true })).resolves.toBe('one passphrase');
    const e = await readPassphrase(io(new FakeTty(['one passphrase\r', 'another one\r'])), { confirm: true }).catch((x: unknown) => x);
    expect((e as CasebookError).code).toBe('USAGE');
    expect((e as CasebookError).message).toMatch(/different/);
  });
});
