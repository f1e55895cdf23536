import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CasebookError } from '../../src-main/domain/shared/errors';
import { createRegistry } from '../../src-main/ipc/registry';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { openJson, sealJson } from '../../src-main/store/envelope';
import { CURRENT_SCHEMA } from '../../src-main/store/index-db';
import { STORE_FORMAT } from '../../src-main/store/layout';
import { migrate, needsMigration, type Migration } from '../../src-main/store/migrations';
import { unlockStore } from '../../src-main/store/open-store';
import { createdService, PASS } from '../support/casebook';
import { diffSnapshots, sampleCase, snapshotDir, rejection } from '../support/fault/fixtures';

/**
 * A casebook written by a newer version is refused with NEWER_VERSION before anything is
 * written, whether the keyring says so (readable before unlocking) or the index does (readable
 * only after). Older data is migrated step by step, after a backup.
 */
let t: Awaited<ReturnType<typeof createdService>>;

beforeEach(async () => {
  t = await createdService();
  await t.service.saveCase(sampleCase());
  await t.service.lock('manual');
});

afterEach(async () => {
  await t.service.close();
  await t.cleanup();
});


/** Rewrite keyring.json with a changed body and a checksum that matches it, as the format requires. */
async function editKeyring(edit: (body: Record<string, unknown>) => void): Promise<void> {
  const path = join(t.dir, 'keyring.json');
  const file = JSON.parse(await readFile(path, 'utf8')) as { body: Record<string, unknown>; sha256: string };
  edit(file.body);
  file.sha256 = createHash('sha256').update(JSON.stringify(file.body)).digest('hex');
  await writeFile(path, JSON.stringify(file));
}

/** Re-seal index.cbk with the data key after changing its plaintext. */
async function editIndex(edit: (raw: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const store = await unlockStore(t.dir, t.userId, PASS, { kdf: 'minimum' });
  try {
    const path = join(t.dir, 'index.cbk');
    const raw = openJson(store.dk, 'index', 'index.cbk', await readFile(path)) as Record<string, unknown>;
    await writeFile(path, sealJson(store.dk, 'index', 'index.cbk', edit(raw)));
  } finally {
    await store.close();
  }
}

describe('a casebook from a newer version', () => {
  it.each([STORE_FORMAT + 1, 99])('keyring storeFormat %i: NEWER_VERSION from status, unlock, create and the registry; nothing written', async (format) => {
    await editKeyring((b) => {
      b.storeFormat = format;
    });
    const before = await snapshotDir(t.dir);
    const s = await createCasebookService({ storeDir: t.dir, kdf: 'minimum' });
    for (const [what, call] of [
      ['status', () => s.status()],
      ['unlock', () => s.unlock(t.userId, PASS)],
      ['create', () => s.create({ serviceName: 'Overwrite RJ', userName: 'Mallory Example', passphrase: PASS })],
    ] as const) {
      const e = await rejection(call());
      expect(e, `${what} succeeded`).toBeInstanceOf(CasebookError);
      expect(e!.code, `${what}: ${e!.message}`).toBe('NEWER_VERSION');
      expect(e!.message, what).toMatch(/newer version/i);
    }
    const r = await createRegistry(s).invoke('getStatus', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'NEWER_VERSION' } });
    expect(diffSnapshots(before, await snapshotDir(t.dir), { mtime: true })).toEqual([]);
  });

  it('keyring storeFormat bumped without fixing the checksum is damage, not a newer version', async () => {
    const path = join(t.dir, 'keyring.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace(`"storeFormat":${STORE_FORMAT}`, `"storeFormat":${STORE_FORMAT + 1}`));
    const e = await rejection(t.service.unlock(t.userId, PASS));
    expect({ code: e?.code, file: e?.details.file }).toEqual({ code: 'CORRUPT', file: 'keyring.json' });
  });

  it.each([CURRENT_SCHEMA + 1, 1000])('index schemaVersion %i: NEWER_VERSION at unlock; nothing written, lock released', async (version) => {
    await editIndex((raw) => ({ ...raw, schemaVersion: version }));
    const before = await snapshotDir(t.dir);
    const e = await rejection(t.service.unlock(t.userId, PASS));
    expect(e, 'unlock succeeded').toBeInstanceOf(CasebookError);
    expect(e!.code, e!.message).toBe('NEWER_VERSION');
    expect(e!.message).toMatch(new RegExp(`${version}`));
    expect(t.service.currentSession()).toBeUndefined();
    expect(diffSnapshots(before, await snapshotDir(t.dir), { mtime: true })).toEqual([]);
    expect(await readdir(t.dir)).not.toContain('casebook.lock');
    expect((await t.service.status()).state).toBe('locked');
  });

  it.each([
    ['missing', undefined],
    ['zero', 0],
    ['a fraction', 1.5],
    ['text', '1'],
  ])('index schemaVersion %s: CORRUPT naming index.cbk', async (_what, version) => {
    await editIndex((raw) => {
      const { schemaVersion: _drop, ...rest } = raw;
      return version === undefined ? rest : { ...rest, schemaVersion: version };
    });
    const e = await rejection(t.service.unlock(t.userId, PASS));
    expect({ code: e?.code, file: e?.details.file }, e?.message).toEqual({ code: 'CORRUPT', file: 'index.cbk' });
  });
});

describe('migrate and needsMigration with a fake list of steps', () => {
  const steps: Migration[] = [
    // Deliberately out of order: steps are found by their "from".
    { from: 2, describe: 'rename title to name', up: ({ title, ...rest }) => ({ ...rest, name: title }) },
    { from: 1, describe: 'add a title', up: (raw) => ({ ...raw, title: 'untitled', schemaVersion: 999 }) },
    { from: 3, describe: 'count things', up: (raw) => ({ ...raw, things: Array.isArray(raw.things) ? raw.things.length : 0 }) },
  ];

  it('runs each step once, in version order, and sets the version itself', () => {
    const seen: number[] = [];
    const spied = steps.map((s) => ({ ...s, up: (raw: Record<string, unknown>) => (seen.push(s.from), s.up(raw)) }));
    const raw = Object.freeze({ schemaVersion: 1, things: Object.freeze(['a', 'b']), keep: 'me' });
    const out = migrate(raw, spied, 4).index;
    expect(seen).toEqual([1, 2, 3]);
    expect(out).toEqual({ schemaVersion: 4, keep: 'me', name: 'untitled', things: 2 });
    expect(raw).toEqual({ schemaVersion: 1, things: ['a', 'b'], keep: 'me' });
  });

  it('starts from the stored version and does nothing when already current', () => {
    expect(migrate({ schemaVersion: 3, name: 'x', things: [] }, steps, 4).index).toEqual({ schemaVersion: 4, name: 'x', things: 0 });
    const current = { schemaVersion: 4, name: 'x', things: 0 };
    expect(migrate(current, steps, 4)).toEqual({ index: current, registers: {} });
  });

  it('refuses when a step is missing, rather than skipping it', () => {
    const e = (() => {
      try {
        migrate({ schemaVersion: 1 }, steps.filter((s) => s.from !== 2), 4);
      } catch (err) {
        return err as CasebookError;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(CasebookError);
    expect(e!.message).toMatch(/2/);
  });

  it('a step that throws stops the migration', () => {
    const broken: Migration[] = [{ from: 1, describe: 'boom', up: () => { throw new Error('boom'); } }];
    expect(() => migrate({ schemaVersion: 1 }, broken, 2)).toThrow('boom');
  });

  it('needsMigration: older → true, current → false, newer → NEWER_VERSION, invalid → CORRUPT', () => {
    expect(needsMigration({ schemaVersion: 1 }, 3)).toBe(true);
    expect(needsMigration({ schemaVersion: 3 }, 3)).toBe(false);
    expect(() => needsMigration({ schemaVersion: 4 }, 3)).toThrow(expect.objectContaining({ code: 'NEWER_VERSION' }));
    for (const bad of [{}, { schemaVersion: 0 }, { schemaVersion: -1 }, { schemaVersion: 1.5 }, { schemaVersion: '1' }, null, 'text', 42]) {
      expect(() => needsMigration(bad, 3), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'CORRUPT', details: { file: 'index.cbk' } }));
    }
  });

  it('property, for every chain of steps listed in every order: each older version goes to the current one, each step once', () => {
    const scenario = fc.integer({ min: 2, max: 12 }).chain((current) =>
      fc.record({
        current: fc.constant(current),
        start: fc.integer({ min: 1, max: current }),
        order: fc.shuffledSubarray(Array.from({ length: current - 1 }, (_, i) => i + 1), { minLength: current - 1 }),
        extra: fc.dictionary(fc.string({ maxLength: 5 }).filter((k) => k !== 'schemaVersion' && !k.startsWith('step')), fc.jsonValue(), { maxKeys: 5 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ current, start, order, extra }) => {
        const chain: Migration[] = order.map((from) => ({
          from,
          describe: `step ${from}`,
          up: (raw) => ({ ...raw, [`step${from}`]: ((raw[`step${from}`] as number | undefined) ?? 0) + 1 }),
        }));
        const out = migrate({ ...extra, schemaVersion: start }, chain, current).index;
        expect(out.schemaVersion).toBe(current);
        for (let v = 1; v < current; v++) expect(out[`step${v}`], `step ${v} from ${start}`).toBe(v >= start ? 1 : undefined);
        for (const [k, v] of Object.entries(extra)) expect(out[k]).toEqual(v);
        expect(needsMigration(out, current)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('migrating a real store (the schema version raised by one in an isolated module graph)', () => {
  afterEach(() => {
    vi.doUnmock('../../src-main/store/index-db');
    vi.resetModules();
  });

  const NEXT = CURRENT_SCHEMA + 1;
  async function withSchema2() {
    vi.resetModules();
    vi.doMock('../../src-main/store/index-db', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../src-main/store/index-db')>();
      const { z } = await import('zod');
      return { ...real, CURRENT_SCHEMA: NEXT, IndexSchema: real.IndexSchema.extend({ schemaVersion: z.literal(NEXT) }) };
    });
    const migrations = await import('../../src-main/store/migrations');
    migrations.MIGRATIONS.push({
      from: CURRENT_SCHEMA,
      describe: 'mark the service name',
      up: (raw) => ({ ...raw, settings: { ...(raw.settings as Record<string, unknown>), serviceName: `${(raw.settings as { serviceName: string }).serviceName} (v2)` } }),
    });
    const service = await import('../../src-main/services/casebook/service');
    return service.createCasebookService;
  }

  it('takes a backup first, writes the new version, records it in the trail, and verifies', async () => {
    const create = await withSchema2();
    const s = await create({ storeDir: t.dir, kdf: 'minimum' });
    const session = await s.unlock(t.userId, PASS);
    try {
      expect(session.settings.serviceName).toBe('Northshire RJ (v2)');
      expect((await s.listBackups()).map((b) => b.reason)).toContain('before-migration');
      expect((await s.listAudit({ offset: 0, limit: 50 })).entries.map((e) => e.action)).toContain('casebook.migrate');
      expect(await s.verify()).toMatchObject({ ok: true, problems: [] });
    } finally {
      await s.close();
    }
    // The backup holds the store as it was before: the current version, the old name.
    const { unlockStore: unlock2 } = await import('../../src-main/store/open-store');
    const { parseBundle } = await import('../../src-main/store/backup-bundle');
    const migrated = await unlock2(t.dir, t.userId, PASS, { kdf: 'minimum' });
    try {
      const name = (await readdir(join(t.dir, 'backups'))).find((n) => n.endsWith('-before-migration.cbkbak'))!;
      const bundle = parseBundle(await readFile(join(t.dir, 'backups', name)), name);
      const oldIndex = openJson(migrated.dk, 'index', 'index.cbk', bundle.files.get('index.cbk')!) as { schemaVersion: number; settings: { serviceName: string } };
      expect(oldIndex.schemaVersion).toBe(CURRENT_SCHEMA);
      expect(oldIndex.settings.serviceName).toBe('Northshire RJ');
      expect(migrated.index.schemaVersion).toBe(NEXT);
    } finally {
      await migrated.close();
    }
    // On disk now: the next version.
    const store = await unlockStore(t.dir, t.userId, PASS, { kdf: 'minimum' }).catch((e: CasebookError) => e);
    // The unmocked code reads up to the current version, so it must now call this store newer.
    expect(store).toBeInstanceOf(CasebookError);
    expect((store as CasebookError).code).toBe('NEWER_VERSION');
  });

  it('does not migrate while another instance holds the store: READ_ONLY, nothing written', async () => {
    const holder = await createCasebookService({ storeDir: t.dir, kdf: 'minimum' });
    await holder.unlock(t.userId, PASS);
    try {
      const before = await snapshotDir(t.dir);
      const create = await withSchema2();
      const s = await create({ storeDir: t.dir, kdf: 'minimum' });
      const e = await rejection(s.unlock(t.userId, PASS));
      expect(e?.code, e?.message).toBe('READ_ONLY');
      expect(diffSnapshots(before, await snapshotDir(t.dir), { mtime: true })).toEqual([]);
    } finally {
      await holder.close();
    }
  });
});
