import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src-main/cli/args';
import { COMMANDS } from '../../src-main/cli/commands/index';
import { refuseSecretArguments } from '../../src-main/cli/passphrase';
import { defaultStoreDir } from '../../src-main/cli/store-dir';
import { CasebookError } from '../../src-main/domain/shared/errors';

const parse = (...argv: string[]) => parseCommandLine(argv, COMMANDS);

function usageError(fn: () => unknown): CasebookError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CasebookError);
    expect((e as CasebookError).code).toBe('USAGE');
    return e as CasebookError;
  }
  throw new Error('expected a usage error');
}

describe('parseCommandLine', () => {
  it('finds two-word commands and accepts global options anywhere', () => {
    const p = parse('--store', '/s', 'cases', '--stage', 'closed', 'list', '--json', '--user', 'Siân');
    expect(p.kind).toBe('run');
    if (p.kind !== 'run') return;
    expect(p.def.words).toEqual(['cases', 'list']);
    expect(p.options.stage).toBe('closed');
    expect(p.globals).toMatchObject({ store: '/s', json: true, user: 'Siân' });
    expect(p.args).toEqual([]);
  });

  it('passes positional arguments after the command words', () => {
    const p = parse('case', 'show', 'RJ-2026-0042');
    expect(p.kind === 'run' && p.args).toEqual(['RJ-2026-0042']);
  });

  it('treats an empty line, "help" and --help as help; only asked-for help is explicit', () => {
    expect(parse()).toMatchObject({ kind: 'help', explicit: false, topic: [] });
    expect(parse('--help')).toMatchObject({ kind: 'help', explicit: true });
    expect(parse('help', 'import')).toMatchObject({ kind: 'help', explicit: true, topic: ['import'] });
    expect(parse('import', '-h')).toMatchObject({ kind: 'help', explicit: true, topic: ['import'] });
  });

  it('refuses unknown commands, and suggests the full form of a command group', () => {
    expect(usageError(() => parse('frobnicate')).message).toMatch(/Unknown command "frobnicate".*Commands: init/);
    expect(usageError(() => parse('cases')).message).toMatch(/Did you mean "cases list"/);
  });

  it('refuses unknown options, missing values and extra arguments in plain words', () => {
    expect(usageError(() => parse('export', '--frob')).message).toMatch(/Unknown option --frob for "export"/);
    expect(usageError(() => parse('export', '--out')).message).toMatch(/--out needs a value/);
    expect(usageError(() => parse('verify', 'extra')).message).toMatch(/Too many arguments for "verify": it takes no arguments/);
    expect(usageError(() => parse('case', 'show')).message).toMatch(/needs REF/);
    expect(usageError(() => parse('case', 'show', 'A', 'B')).message).toMatch(/it takes only REF/);
    // An option of another command is still unknown here.
    expect(usageError(() => parse('verify', '--out', 'x')).message).toMatch(/Unknown option --out/);
  });
});

describe('refuseSecretArguments', () => {
  it.each([['--passphrase', 'hunter2hunter2'], ['--passphrase=hunter2hunter2'], ['--PASSWORD', 'x'], ['--recovery-key=ABCD'], ['-passphrase']])(
    'refuses %s without repeating the secret',
    (...argv) => {
      const e = usageError(() => refuseSecretArguments(['import', ...argv]));
      expect(e.message).toMatch(/is not accepted/);
      expect(e.message).toMatch(/CASEBOOK_PASSPHRASE/);
      expect(e.message).toMatch(/process list/);
      expect(e.message).not.toContain('hunter2');
    },
  );

  it('lets ordinary arguments through', () => {
    expect(() => refuseSecretArguments(['import', '--from', 'passphrase.json', '--passphrases-are-fine-in-file-names'])).not.toThrow();
  });
});

describe('defaultStoreDir', () => {
  it('uses the folder the app uses on each platform', () => {
    expect(defaultStoreDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/RJ Casebook/casebook');
    expect(defaultStoreDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ann')).toBe('/xdg/RJ Casebook/casebook');
    expect(defaultStoreDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/ann')).toBe('/home/ann/.config/RJ Casebook/casebook');
    expect(defaultStoreDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/RJ Casebook/casebook');
    expect(defaultStoreDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\RJ Casebook\\casebook');
  });

  it('lets CASEBOOK_STORE override the default', () => {
    expect(defaultStoreDir({ CASEBOOK_STORE: '/srv/casebook', XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ann')).toBe('/srv/casebook');
  });
});
