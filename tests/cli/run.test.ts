import { stat, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../src-main/domain/cases/case-file';
import { generateDemoCases } from '../../src-main/demo/demo-cases';
import { FakeWorld, type FakeStore } from '../support/cli/fake-service';
import { FakeTty, runWith, tempDir } from '../support/cli/harness';

const PASS = 'correct horse battery staple';
const NOW = new Date('2026-03-01T12:00:00Z');

let dir: string;
let store: string;
let cleanup: () => Promise<void>;
let world: FakeWorld;
let env: Record<string, string>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = join(dir, 'store');
  world = new FakeWorld();
  env = { CASEBOOK_PASSPHRASE: PASS, CASEBOOK_STORE: store };
});
afterEach(() => cleanup());

/** A casebook that exists, with an administrator and optionally more users and cases. */
async function seeded(extra: { name: string; role: 'facilitator' | 'coordinator' }[] = [], cases = 0): Promise<FakeStore> {
  await mkdir(store, { recursive: true });
  const s = world.seed(store, [{ name: 'Siân Gruffudd', role: 'administrator', passphrase: PASS }, ...extra.map((u) => ({ ...u, passphrase: `${u.name} passphrase` }))]);
  for (const c of generateDemoCases({ count: cases, seed: 'fixture', now: NOW })) s.cases.set(c.id, c);
  return s;
}

const run = (argv: string[], o: Parameters<typeof runWith>[2] = {}) => runWith(world, argv, { env, ...o });

describe('help and usage errors', () => {
  it('prints help on stdout with exit 0 when asked, and on stderr with exit 2 when no command is given', async () => {
    const asked = await run(['--help']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/Usage: casebook COMMAND/);
    const bare = await run([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/Usage: casebook COMMAND/);
    const cmd = await run(['import', '--help']);
    expect(cmd.stdout).toMatch(/Usage: casebook import --from FILE \[--check\]/);
  });

  it('exits 2 for usage errors without opening the store', async () => {
    for (const argv of [['nonsense'], ['export'], ['export', '--bogus'], ['demo', '--cases', 'many'], ['demo', '--cases', '0'], ['cases', 'list', '--stage', 'finished'], ['case', 'show']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/^casebook: /);
    }
    expect(world.opened).toBe(0);
  });

  it('refuses --passphrase with exit 2, explains why, and never echoes the value', async () => {
    await seeded();
    for (const argv of [['verify', '--passphrase', 'my secret words'], ['verify', '--passphrase=my secret words']]) {
      const r = await run(argv, { env: { CASEBOOK_STORE: store } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--passphrase is not accepted/);
      expect(r.stderr + r.stdout).not.toContain('my secret');
    }
    expect(world.unlocks).toEqual([]);
  });

  it('with --json, writes exactly one JSON document on stdout, for errors too', async () => {
    const r = await run(['export', '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toEqual({ ok: false, error: { code: 'USAGE', message: expect.stringMatching(/needs --out FILE/) } });
    expect(r.stderr).toBe('');
  });
});

describe('init', () => {
  it('creates the casebook and prints the recovery key once, with advice', async () => {
    const r = await run(['init', '--service', 'Warwickshire RJ', '--user', 'Siân Gruffudd']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/RECOVERY KEY/);
    expect(r.stdout).toContain('ABCD-EFGH-IJKL');
    expect(r.stdout).toMatch(/keep it somewhere safe/);
    expect(world.stores.get(store)?.users[0]).toMatchObject({ name: 'Siân Gruffudd', role: 'administrator', passphrase: PASS });
  });

  it('gives the key and user in --json', async () => {
    const r = await run(['init', '--service', 'Warwickshire RJ', '--user', 'Siân Gruffudd', '--json']);
    expect(r.json()).toMatchObject({ ok: true, value: { store, serviceName: 'Warwickshire RJ', recoveryKey: expect.any(String), user: { name: 'Siân Gruffudd', role: 'administrator' } } });
  });

  it('asks twice on the terminal when there is no CASEBOOK_PASSPHRASE', async () => {
    const tty = new FakeTty(['a long enough passphrase\r', 'a long enough passphrase\r']);
    const r = await run(['init', '--service', 'RJ', '--user', 'Ann Smith'], { env: { CASEBOOK_STORE: store }, stdin: tty });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Choose a passphrase.*\n.*Type it again/s);
    expect(r.stderr).not.toContain('a long enough passphrase');
    expect(world.stores.get(store)?.users[0]?.passphrase).toBe('a long enough passphrase');
  });

  it('refuses a second casebook in the same folder, bad names and short passphrases', async () => {
    await seeded();
    expect((await run(['init', '--service', 'RJ', '--user', 'Ann Smith'])).code).toBe(1);
    const other = { ...env, CASEBOOK_STORE: join(dir, 'other') };
    const badName = await run(['init', '--service', 'RJ', '--user', 'R2-D2'], { env: other });
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/--user: .*letters/);
    const short = await run(['init', '--service', 'RJ', '--user', 'Ann Smith'], { env: { ...other, CASEBOOK_PASSPHRASE: 'short' } });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    expect(world.stores.has(join(dir, 'other'))).toBe(false);
    expect((await run(['init', '--user', 'Ann Smith'], { env: other })).code).toBe(2);
  });
});

describe('unlocking', () => {
  it('exits 3 on a wrong passphrase', async () => {
    await seeded();
    const r = await run(['verify', '--json'], { env: { ...env, CASEBOOK_PASSPHRASE: 'not the right one' } });
    expect(r.code).toBe(3);
    expect(r.json().error?.code).toBe('AUTH_FAILED');
  });

  it('exits 2 with advice when there is no passphrase and no terminal', async () => {
    await seeded();
    const r = await run(['verify'], { env: { CASEBOOK_STORE: store } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CASEBOOK_PASSPHRASE/);
  });

  it('asks who you are when several people can unlock, and takes CASEBOOK_USER or --user', async () => {
    await seeded([{ name: 'Łukasz Nowak', role: 'facilitator' }], 2);
    const r = await run(['cases', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--user NAME or CASEBOOK_USER.*Siân Gruffudd, Łukasz Nowak/);
    expect((await run(['cases', 'list'], { env: { ...env, CASEBOOK_USER: 'siân gruffudd' } })).code).toBe(0);
    const asFacilitator = await run(['cases', 'list', '--user', 'Łukasz Nowak'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Łukasz Nowak passphrase' } });
    expect(asFacilitator.code).toBe(0);
    expect(world.unlocks.at(-1)?.who).toBe('Łukasz Nowak');
  });

  it('exits 1 and names the folder when there is no casebook', async () => {
    const r = await run(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`There is no casebook in ${store}`);
    expect(r.stderr).toMatch(/casebook init/);
  });

  it('refuses administrator commands to other roles', async () => {
    await seeded([{ name: 'Łukasz Nowak', role: 'facilitator' }]);
    const r = await run(['verify', '--user', 'Łukasz Nowak', '--json'], { env: { ...env, CASEBOOK_PASSPHRASE: 'Łukasz Nowak passphrase' } });
    expect(r.code).toBe(1);
    expect(r.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Only administrators may verify the casebook; .* is a facilitator/) });
  });

  it('exits 4 for changes while another copy holds the store, but still reads', async () => {
    const s = await seeded([], 3);
    s.heldBy = { user: 'ann', host: 'office-pc', pid: 4242, since: '2026-03-01T09:00:00Z' };
    await writeFile(join(dir, 'one.json'), JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases: generateDemoCases({ count: 1, seed: 'x', now: NOW }) }));
    const r = await run(['import', '--from', join(dir, 'one.json'), '--json']);
    expect(r.code).toBe(4);
    expect(r.json().error).toMatchObject({ code: 'STORE_IN_USE', details: { holder: { host: 'office-pc' } } });
    const list = await run(['cases', 'list']);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/in use by ann on office-pc \(since .*\); reading only/);
  });

  it('always closes the service, on success and on failure', async () => {
    await seeded();
    await run(['cases', 'list']);
    await run(['verify'], { env: { ...env, CASEBOOK_PASSPHRASE: 'wrong wrong wrong' } });
    expect(world.closed).toBe(world.opened);
    expect(world.opened).toBe(2);
  });
});

describe('verify', () => {
  it('exits 0 when clean', async () => {
    await seeded();
    const r = await run(['verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No problems found/);
  });

  it('names every damaged file and exits 5', async () => {
    const s = await seeded();
    s.problems = [
      { file: 'cases/c_aaaaaaaaaaaaaaaa.cbk', message: 'cannot be decrypted' },
      { file: 'audit/000002.cbk', message: 'breaks the hash chain at entry 300' },
    ];
    const r = await run(['verify']);
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(/Found 2 problems/);
    expect(r.stdout).toContain('cases/c_aaaaaaaaaaaaaaaa.cbk: cannot be decrypted');
    expect(r.stdout).toContain('audit/000002.cbk: breaks the hash chain');
    const j = await run(['verify', '--json']);
    expect(j.code).toBe(5);
    expect(j.json()).toMatchObject({ ok: false, error: { code: 'CORRUPT', details: { problems: s.problems } } });
  });
});

describe('import', () => {
  const file = (name: string) => join(dir, name);
  const good = () => generateDemoCases({ count: 5, seed: 'import', now: NOW });

  it('imports a valid file', async () => {
    const s = await seeded();
    await writeFile(file('ok.json'), JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases: good() }));
    const r = await run(['import', '--from', 'ok.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Imported 5 cases from ok.json/);
    expect(s.cases.size).toBe(5);
  });

  it('lists every problem with its path, exits 2 and stores nothing', async () => {
    const s = await seeded();
    const cases: unknown[] = good();
    (cases[1] as { stage: string }).stage = 'finished';
    (cases[3] as { participants: { person: { dateOfBirth: string } }[] }).participants[0]!.person.dateOfBirth = '2001-02-30';
    await writeFile(file('bad.json'), JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases }));
    const r = await run(['import', '--from', file('bad.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has 2 problems; nothing was imported/);
    expect(r.stderr).toContain('cases[1].stage:');
    expect(r.stderr).toContain('cases[3].participants[0].person.dateOfBirth:');
    expect(s.cases.size).toBe(0);
    expect(world.unlocks).toEqual([]); // the file is checked before the passphrase is used
    const j = await run(['import', '--from', file('bad.json'), '--json']);
    expect(j.json().error?.details?.issues).toHaveLength(2);
  });

  it('refuses __proto__ in a file', async () => {
    await seeded();
    const text = JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases: good() }).replace('"referral":{', '"referral":{"__proto__":{"isAdmin":true},');
    await writeFile(file('proto.json'), text);
    const r = await run(['import', '--from', file('proto.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cases[0].referral.__proto__: The key "__proto__" is not allowed');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('exits 6 for a file from a newer version', async () => {
    await seeded();
    await writeFile(file('v2.json'), JSON.stringify({ format: 'rj-casebook-cases', version: 2, cases: [] }));
    expect((await run(['import', '--from', file('v2.json')])).code).toBe(6);
  });

  it('--check validates without a passphrase or a casebook', async () => {
    await writeFile(file('ok.json'), JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases: good() }));
    const r = await run(['import', '--from', file('ok.json'), '--check', '--json'], { env: {} });
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ ok: true, value: { checked: true, cases: 5 } });
    expect(world.opened).toBe(0);
  });

  it('refuses cases already in the casebook rather than overwriting them', async () => {
    const s = await seeded();
    const cases = good();
    s.cases.set(cases[2]!.id, cases[2]!);
    await writeFile(file('ok.json'), JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases }));
    const r = await run(['import', '--from', file('ok.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cases[2].id:');
    expect(s.cases.size).toBe(1);
  });

  it('says plainly when the file is missing, without an absolute path', async () => {
    await seeded();
    const r = await run(['import', '--from', 'nope.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('casebook: Cannot find nope.json; check the name and folder\n');
  });
});

describe('export', () => {
  it('writes an owner-only file in the import format, and warns that it is not encrypted', async () => {
    const s = await seeded([], 7);
    const out = join(dir, 'out.json');
    const r = await run(['export', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/NOT encrypted/);
    if (process.platform !== 'win32') expect((await stat(out)).mode & 0o777).toBe(0o600);
    const parsed = parseCaseFile(JSON.parse(await readFile(out, 'utf8')));
    expect(parsed.ok && parsed.cases).toEqual([...s.cases.values()]);
    expect(s.audit).toContain('cases.export');
  });

  it('refuses to overwrite a file, before exporting anything', async () => {
    const s = await seeded([], 2);
    await writeFile(join(dir, 'there.json'), 'keep me');
    const r = await run(['export', '--out', join(dir, 'there.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(await readFile(join(dir, 'there.json'), 'utf8')).toBe('keep me');
    expect(s.audit).not.toContain('cases.export');
  });
});

describe('demo', () => {
  it('adds N cases in batches, with progress only on a terminal', async () => {
    const s = await seeded();
    const r = await run(['demo', '--cases', '1200', '--seed', '7'], { stderrTTY: true });
    expect(r.code).toBe(0);
    expect(s.cases.size).toBe(1200);
    expect(r.stderr).toContain('\rAdded 500 of 1200 demo cases');
    expect(r.stderr).toContain('\rAdded 1200 of 1200 demo cases');
    const quiet = await run(['demo', '--cases', '5', '--append', '--json']);
    expect(quiet.stderr).toBe('');
    expect(quiet.json()).toMatchObject({ ok: true, value: { imported: 5, seed: expect.any(String) } });
  });

  it('refuses a casebook with cases unless --append, and never reuses a reference', async () => {
    const s = await seeded([], 20);
    const r = await run(['demo', '--cases', '5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already has 20 cases.*--append/);
    expect((await run(['demo', '--cases', '30', '--append', '--seed', 'fixture'])).code).toBe(0);
    const refs = [...s.cases.values()].map((c) => c.reference);
    expect(new Set(refs).size).toBe(50);
  });
});

describe('backup and restore', () => {
  it('backs up to a new file and restores it as an unlocked administrator', async () => {
    const s = await seeded([], 4);
    const file = join(dir, 'casebook.backup');
    expect((await run(['backup', '--out', file])).code).toBe(0);
    s.cases.clear();
    const r = await run(['restore', '--from', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, value: { restored: true, how: 'unlocked' } });
    expect(world.stores.get(store)?.cases.size).toBe(4);
    expect((await run(['backup', '--out', file])).code).toBe(1); // never overwrites
  });

  it('restores with the backup\'s passphrase when the casebook will not open', async () => {
    await seeded([], 2);
    const file = join(dir, 'casebook.backup');
    expect((await run(['backup', '--out', file])).code).toBe(0);
    world.corruptOnUnlock = true;
    const r = await run(['restore', '--from', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/does not open .*index\.cbk/);
    expect(world.restores).toEqual([{ dir: store, how: 'locked' }]);
  });

  it('restores into an empty folder (a new computer), which needs --user', async () => {
    await seeded([{ name: 'Łukasz Nowak', role: 'facilitator' }], 3);
    const file = join(dir, 'casebook.backup');
    expect((await run(['backup', '--out', file, '--user', 'Siân Gruffudd'])).code).toBe(0);
    const fresh = { ...env, CASEBOOK_STORE: join(dir, 'new-computer') };
    const noUser = await run(['restore', '--from', file], { env: fresh });
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toMatch(/--user NAME/);
    const wrong = await run(['restore', '--from', file, '--user', 'Siân Gruffudd'], { env: { ...fresh, CASEBOOK_PASSPHRASE: 'not it at all' } });
    expect(wrong.code).toBe(3);
    const r = await run(['restore', '--from', file, '--user', 'Siân Gruffudd'], { env: fresh });
    expect(r.code).toBe(0);
    expect(world.stores.get(join(dir, 'new-computer'))?.cases.size).toBe(3);
  });
});

describe('cases list and case show', () => {
  it('lists cases as a table and as JSON, filtered by stage', async () => {
    const s = await seeded([], 40);
    const r = await run(['cases', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Reference\s+Stage\s+Received/);
    expect(r.stdout).toMatch(/40 cases/);
    const closed = [...s.cases.values()].filter((c) => c.stage === 'closed').length;
    const j = await run(['cases', 'list', '--stage', 'closed', '--json']);
    expect((j.json().value as unknown[]).length).toBe(closed);
  });

  it('shows one case by reference, ignoring letter case', async () => {
    const s = await seeded([], 3);
    const c = [...s.cases.values()][1]!;
    const r = await run(['case', 'show', c.reference.toLowerCase()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Reference        ${c.reference}`);
    expect(r.stdout).toContain(c.participants[0]!.person.familyName);
    expect((await run(['case', 'show', c.reference, '--json'])).json()).toEqual({ ok: true, value: c });
    const missing = await run(['case', 'show', 'RJ-1999-0001']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No case has the reference RJ-1999-0001/);
  });

  it('strips terminal control and bidi-override characters from case data', async () => {
    const s = await seeded([], 1);
    const c = [...s.cases.values()][0]!;
    c.notes = 'before\u001b[2J\u202Eafter';
    const r = await run(['case', 'show', c.reference]);
    expect(r.stdout).toContain('before[2Jafter');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u202E');
  });
});

describe('unexpected errors', () => {
  it('print a generic message without paths or stacks, unless CASEBOOK_DEBUG=1', async () => {
    await seeded();
    world.open = async () => {
      throw new Error(`EACCES: permission denied, open '${store}/index.cbk'`);
    };
    const r = await run(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^casebook: Something went wrong/);
    expect(r.stderr).not.toContain(store);
    expect(r.stderr).not.toMatch(/\bat .*\.ts/);
    const debug = await run(['verify'], { env: { ...env, CASEBOOK_DEBUG: '1' } });
    expect(debug.stderr).toContain('EACCES');
    expect(debug.stderr).toMatch(/at .*run\.ts/);
  });
});
