import { stat, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../src-main/domain/cases/case-file';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';
import { dir, env, NOW, run, seeded, store, useCliWorld, world } from './run-world';

/**
 * `casebook` run in-process over a fake service (run-world.ts): cases and casebooks in and out.
 * import (every problem listed, nothing stored), export to an owner-only file, demo cases, and
 * backup and restore (also onto a new computer).
 */
useCliWorld();

describe('import', () => {
  const file = (name: string) => join(dir, name);
  const good = () => generateDemoCases({ count: 5, seed: 'import', now: NOW, resources: demoResources(5) });

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
    const s = await seeded();
    // Cases as the casebook makes them, so the export reads back under the import's workflow rules.
    for (const c of generateDemoCases({ count: 7, seed: 'export', now: NOW, resources: demoResources(7) })) s.cases.set(c.id, c);
    const out = join(dir, 'out.json');
    const r = await run(['export', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/NOT encrypted/);
    if (process.platform !== 'win32') expect((await stat(out)).mode & 0o777).toBe(0o600);
    const parsed = parseCaseFile(JSON.parse(await readFile(out, 'utf8')), { today: '2026-03-01' });
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
