import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { acquireLock } from '../../src-main/store/lock-file';
import type { Case } from '../../src-main/domain/cases/case';
import { tempDir } from '../support/cli/harness';
import { spawnCli as cli, type Ran } from '../support/cli/spawn-cli';

/**
 * The CLI as a user runs it: a child process (spawn-cli.ts: tsx src-main/cli/main.ts, as `npm
 * run casebook` does) over the real encrypted service in a temporary folder. Slower than the
 * in-process tests, so it covers the paths that matter end to end: exit codes 0/1/2/3/4/5, and
 * export → import giving back exactly the same cases.
 */
const PASS = 'a real passphrase for tests';

let dir: string;
let cleanup: () => Promise<void>;
let a: string;
let b: string;
const asAdmin = (store: string) => ({ CASEBOOK_STORE: store, CASEBOOK_PASSPHRASE: PASS });
const json = (r: Ran) => JSON.parse(r.stdout) as { ok: boolean; value: unknown; error?: { code: string; message: string } };
const byId = (cs: Case[]) => [...cs].sort((x, y) => x.id.localeCompare(y.id));

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casebook-cli-real-'));
  a = join(dir, 'a');
  b = join(dir, 'b');
  const [ia, ib] = await Promise.all([
    cli(['init', '--service', 'Warwickshire RJ', '--user', 'Siân Gruffudd'], asAdmin(a)),
    cli(['init', '--service', 'Second RJ', '--user', 'Łukasz Nowak', '--json'], asAdmin(b)),
  ]);
  expect(ia.stderr).toBe('');
  expect(ia.code).toBe(0);
  expect(ia.stdout).toMatch(/RECOVERY KEY[\s\S]*[A-Z2-7]{4}(-[A-Z2-7]{4}){12}/);
  expect(ib.code).toBe(0);
  expect(json(ib).value).toMatchObject({ recoveryKey: expect.stringMatching(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){12}$/), user: { name: 'Łukasz Nowak', role: 'administrator' } });
}, 120_000);
afterAll(() => cleanup());

describe('casebook CLI over the real service', () => {
  it('fills a store with demo cases, verifies it, and round-trips export → import exactly', async () => {
    const demo = await cli(['demo', '--cases', '60', '--seed', 'real'], asAdmin(a));
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect((await cli(['verify'], asAdmin(a))).code).toBe(0);

    const out = join(dir, 'cases.json');
    const exp = await cli(['export', '--out', out], asAdmin(a));
    expect(exp.code).toBe(0);
    expect(exp.stderr).toMatch(/NOT encrypted/);
    if (process.platform !== 'win32') expect((await stat(out)).mode & 0o777).toBe(0o600);
    const exported = (JSON.parse(await readFile(out, 'utf8')) as { cases: Case[] }).cases;
    expect(exported).toHaveLength(60);

    const imp = await cli(['import', '--from', out], asAdmin(b));
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    const back = join(dir, 'back.json');
    expect((await cli(['export', '--out', back], asAdmin(b))).code).toBe(0);
    expect(byId((JSON.parse(await readFile(back, 'utf8')) as { cases: Case[] }).cases)).toEqual(byId(exported));

    const list = await cli(['cases', 'list', '--json'], asAdmin(b));
    expect(list.code).toBe(0);
    expect((json(list).value as unknown[]).length).toBe(60);
    const ref = exported[7]!.reference;
    const show = await cli(['case', 'show', ref, '--json'], asAdmin(b));
    expect(json(show).value).toEqual(exported[7]);

    // Importing the same file again would duplicate every case: refused, nothing added.
    const again = await cli(['import', '--from', out, '--json'], asAdmin(b));
    expect(again.code).toBe(1);
    expect(json(again).error?.code).toBe('CONFLICT');

    // pack-check: a document naming someone from the casebook exits 7 and says where, never who.
    const person = exported[3]!.participants[0]!.person;
    const word = (text: string) => zipSync({ 'word/document.xml': strToU8(`<w:document><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:document>`) });
    const leaky = join(dir, 'leaky.docx');
    const clean = join(dir, 'clean.docx');
    await writeFile(leaky, word(`Case study: ${person.givenName} ${person.familyName} met the person responsible.`));
    await writeFile(clean, word('Case study: the person harmed met the person responsible in the third week.'));
    const [found, nothing] = await Promise.all([cli(['pack-check', leaky, '--json'], asAdmin(b)), cli(['pack-check', clean], asAdmin(b))]);
    expect(found.code).toBe(7);
    expect(json(found).error).toMatchObject({ code: 'PERSONAL_DATA', message: expect.stringContaining('the body: a name') });
    expect(found.stdout + found.stderr).not.toContain(person.familyName);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toMatch(/No personal data was found: .* 60 cases/);

    // person find: every case the person is in, with their part.
    const find = await cli(['person', 'find', `${person.givenName} ${person.familyName}`, '--json'], asAdmin(b));
    expect(find.code).toBe(0);
    expect((json(find).value as { found: { reference: string }[] }).found.map((f) => f.reference)).toContain(exported[3]!.reference);

    // sar new prints the id first; sar list shows it, never the name.
    const logged = await cli(['sar', 'new', '--name', `${person.givenName} ${person.familyName}`, '--received', '2026-01-31'], asAdmin(b));
    expect(logged.code).toBe(0);
    const sarId = logged.stdout.split('\n')[0]!;
    expect(sarId).toMatch(/^sar_/);
    const sars = await cli(['sar', 'list', '--json'], asAdmin(b));
    expect((json(sars).value as { requests: { id: string; due: string }[] }).requests).toEqual([expect.objectContaining({ id: sarId, due: '2026-03-02' })]);
    expect(sars.stdout).not.toContain(person.familyName);
  }, 120_000);

  it('exits 2 for usage problems and an invalid file, 3 for a wrong passphrase', async () => {
    // Independent runs, in parallel: each one pays for starting tsx.
    const [noPass, argPass, wrong, unknownUser] = await Promise.all([
      cli(['cases', 'list'], { CASEBOOK_STORE: a }),
      cli(['cases', 'list', '--passphrase', PASS], { CASEBOOK_STORE: a }),
      cli(['cases', 'list', '--json'], { ...asAdmin(a), CASEBOOK_PASSPHRASE: 'not the passphrase at all' }),
      cli(['cases', 'list', '--user', 'Nobody'], asAdmin(a)),
    ]);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toMatch(/CASEBOOK_PASSPHRASE/);
    expect(argPass.code).toBe(2);
    expect(argPass.stderr + argPass.stdout).not.toContain(PASS);
    expect(wrong.code).toBe(3);
    expect(json(wrong)).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(unknownUser.code).toBe(3);

    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ format: 'rj-casebook-cases', version: 1, cases: [{ id: 'c_x' }] }));
    const before = await cli(['cases', 'list', '--json'], asAdmin(b));
    const imp = await cli(['import', '--from', bad], asAdmin(b));
    expect(imp.code).toBe(2);
    expect(imp.stderr).toContain('cases[0].reference');
    const after = await cli(['cases', 'list', '--json'], asAdmin(b));
    expect(json(after).value).toEqual(json(before).value);
  }, 120_000);

  it('backs up and restores through a single file', async () => {
    const file = join(dir, 'a.backup');
    const bk = await cli(['backup', '--out', file], asAdmin(a));
    expect(bk.code).toBe(0);
    expect((await stat(file)).size).toBeGreaterThan(0);
    const rs = await cli(['restore', '--from', file], asAdmin(a));
    expect(rs.stderr).toBe('');
    expect(rs.code).toBe(0);
    expect((await cli(['verify'], asAdmin(a))).code).toBe(0);
    // A backup of another casebook cannot be restored over this one.
    const other = join(dir, 'b.backup');
    expect((await cli(['backup', '--out', other], asAdmin(b))).code).toBe(0);
    const wrongStore = await cli(['restore', '--from', other, '--json'], asAdmin(a));
    expect(wrongStore.code).not.toBe(0);
  }, 120_000);

  it('exits 4 when another copy has the casebook open, and still reads', async () => {
    const lock = await acquireLock(a);
    if (!('handle' in lock)) throw new Error('could not take the lock for the test');
    try {
      const demo = await cli(['demo', '--cases', '1', '--append', '--json'], asAdmin(a));
      expect(demo.code).toBe(4);
      expect(json(demo).error?.code).toBe('STORE_IN_USE');
      const list = await cli(['cases', 'list'], asAdmin(a));
      expect(list.code).toBe(0);
      expect(list.stderr).toMatch(/in use by .*reading only/);
    } finally {
      await lock.handle.release();
    }
  }, 120_000);

  it('exits 5 and names the file when a case file has been tampered with, and restore repairs it', async () => {
    const cases = (await readdir(join(a, 'cases'))).filter((f) => f.endsWith('.cbk'));
    const victim = join(a, 'cases', cases[0]!);
    const bytes = await readFile(victim);
    bytes[bytes.length - 5]! ^= 0x01;
    await writeFile(victim, bytes);
    const r = await cli(['verify'], asAdmin(a));
    expect(r.code).toBe(5);
    expect(r.stdout + r.stderr).toContain(cases[0]!);
    expect(r.stdout + r.stderr).not.toContain(dir); // store-relative names only

    const rs = await cli(['restore', '--from', join(dir, 'a.backup')], asAdmin(a));
    expect(rs.code).toBe(0);
    expect((await cli(['verify'], asAdmin(a))).code).toBe(0);
  }, 120_000);

  it('restores a casebook too damaged to unlock, using the passphrase that opens the backup', async () => {
    const index = join(a, 'index.cbk');
    const bytes = await readFile(index);
    bytes[bytes.length - 3]! ^= 0x80;
    await writeFile(index, bytes);
    const broken = await cli(['cases', 'list', '--json'], asAdmin(a));
    expect(broken.code).toBe(5);
    expect(json(broken).error?.code).toBe('CORRUPT');

    const rs = await cli(['restore', '--from', join(dir, 'a.backup')], asAdmin(a));
    expect(rs.stderr).toMatch(/does not open/);
    expect(rs.code).toBe(0);
    const list = await cli(['cases', 'list', '--json'], asAdmin(a));
    expect(list.code).toBe(0);
    expect((json(list).value as unknown[]).length).toBe(60);
  }, 120_000);

  it('checks staff compliance against the shipped rules file, in the shape the issue sets', async () => {
    const r = await cli(['staff', 'compliance', '--at', '2026-03-16', '--json'], asAdmin(b));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The only person is the administrator, who holds no practitioner level: nobody is counted.
    expect(json(r).value).toEqual({ at: '2026-03-16', registeredShare: 0, registeredShareMet: false, staff: [] });
  }, 120_000);

  it('imports a staff register from CSV all or nothing, and shows a person by name', async () => {
    const staff = join(dir, 'staff.csv');
    await writeFile(staff, '\uFEFFName,Role,Level,Employment,Started\r\nMaría José Núñez,facilitator,foundation,volunteer,01/02/2025\r\nYusuf Ali,facilitator,unknown,paid,2025-02-30\r\n');
    const bad = await cli(['staff', 'import', '--from', staff], asAdmin(b));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 3: level: choose one of foundation, intermediate, advanced/);
    await writeFile(staff, '\uFEFFName,Role,Level,Employment,Started\r\nMaría José Núñez,facilitator,foundation,volunteer,01/02/2025\r\n');
    const good = await cli(['staff', 'import', '--from', staff], asAdmin(b));
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/1 person added/);
    const show = await cli(['staff', 'show', 'maria jose', '--json'], asAdmin(b));
    expect(json(show).value).toMatchObject({ name: 'María José Núñez', level: 'foundation', employment: 'volunteer', started: '2025-02-01' });
    expect((await cli(['verify'], asAdmin(b))).code).toBe(0);
  }, 120_000);
});
