import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SettingsSchema, type Settings } from '../../src-main/domain/casebook/settings';
import { createRegistry, type HandlerRegistry } from '../../src-main/ipc/registry';
import { diffSnapshots, snapshotDir } from '../support/fault/fixtures';
import { createdService, PASS } from '../support/casebook';

/**
 * Settings patches through the IPC registry. Valid ones are applied exactly (trimmed text aside)
 * and read back the same after locking and unlocking; each effective change is recorded in the
 * trail with exactly the fields that changed, and a patch that changes nothing writes nothing.
 * Invalid ones are refused with INVALID_INPUT naming the field's path and change nothing.
 */
const SEED = Number(process.env.CASEBOOK_FUZZ_SEED ?? 777);
let t: Awaited<ReturnType<typeof createdService>>;
let registry: HandlerRegistry;

beforeAll(async () => {
  t = await createdService();
  registry = createRegistry(t.service);
});

afterAll(async () => {
  await t.service.close();
  await t.cleanup();
});

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const named = fc.constantFrom('Northshire RJ', 'Gwasanaeth Cyfiawnder Adferol Gogledd Cymru', 'Служба примирения', '修复性司法服务', 'خدمة العدالة التصالحية', '<script>alert(1)</script>', 'Zoë & Şükrü’s “RJ” — 2026', 'Nguyễn', '🙂 RJ');
/** Text as a form would send it after trimming: 1..max UTF-16 units, no control characters. */
const text = (max: number) =>
  fc
    .oneof(named, fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }), fc.string({ minLength: 1, maxLength: max }))
    .map((s) => s.trim())
    .filter((s) => s.length >= 1 && s.length <= max && !CONTROL.test(s));

/** Object keys in either order: the order must not matter to what is stored or recorded. */
const roleLabels = fc
  .tuple(text(40), text(40), fc.boolean())
  .map(([harmed, responsible, flip]) => (flip ? { responsible, harmed } : { harmed, responsible }));

const patch = fc.record(
  {
    serviceName: text(120),
    roleLabels,
    idleLockMinutes: fc.integer({ min: 1, max: 240 }),
    backupsToKeep: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: [] },
);

const same = (a: unknown, b: unknown) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));
function canon(v: unknown): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canon(x)])) : v;
}

async function settingsNow(): Promise<Settings> {
  const r = await registry.invoke('getSettings', {});
  expect(r.ok).toBe(true);
  return (r as { value: Settings }).value;
}

async function newestAudit() {
  return (await t.service.listAudit({ offset: 0, limit: 1 })).entries[0]!;
}

describe('valid settings patches', () => {
  it('are applied exactly, recorded with exactly the changed fields, and survive lock and unlock', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(patch, { minLength: 1, maxLength: 4 }), async (patches) => {
        let expected = await settingsNow();
        for (const p of patches) {
          const before = expected;
          const changed = Object.keys(p).filter((k) => !same(p[k as keyof typeof p], before[k as keyof Settings])).sort();
          expected = SettingsSchema.parse({ ...before, ...p });
          const files = await snapshotDir(t.dir);
          const lastSeq = (await newestAudit()).seq;
          const r = await registry.invoke('updateSettings', p);
          expect(r, JSON.stringify(p)).toEqual({ ok: true, value: expected });
          expect(same((r as { value: unknown }).value, expected)).toBe(true);
          const entry = await newestAudit();
          if (changed.length === 0) {
            expect(entry.seq, `a patch that changes nothing was recorded: ${JSON.stringify(p)}`).toBe(lastSeq);
            expect(diffSnapshots(files, await snapshotDir(t.dir)), `a patch that changes nothing wrote files: ${JSON.stringify(p)}`).toEqual([]);
          } else {
            expect(entry.seq).toBe(lastSeq + 1);
            expect({ action: entry.action, fields: [...entry.fields].sort() }, `${JSON.stringify(p)} over ${JSON.stringify(before)}`).toEqual({ action: 'settings.update', fields: changed });
          }
        }
        await t.service.lock('manual');
        await t.service.unlock(t.userId, PASS);
        expect(await settingsNow()).toEqual(expected);
      }),
      { numRuns: 25, seed: SEED },
    );
  });

  it('text is stored trimmed', async () => {
    await fc.assert(
      fc.asyncProperty(text(100), fc.constantFrom(' ', '  ', '\t', '\n', ' \u00A0'), async (s, pad) => {
        const r = await registry.invoke('updateSettings', { serviceName: `${pad}${s}${pad}` });
        expect(r).toMatchObject({ ok: true, value: { serviceName: s } });
      }),
      { numRuns: 30, seed: SEED + 1 },
    );
  });
});

const invalid: fc.Arbitrary<{ patch: Record<string, unknown>; path: string }> = fc.oneof(
  fc.constantFrom<unknown>('', '   ', '\t\n', 'a'.repeat(121), 'bell\u0007', 'nul\u0000', 42, null, ['Northshire'], { text: 'x' }, true).map((v) => ({ patch: { serviceName: v }, path: 'serviceName' })),
  fc.constantFrom<unknown>(0, 241, -1, 1.5, '10', Number.NaN, Number.POSITIVE_INFINITY, null, [10], 1e9).map((v) => ({ patch: { idleLockMinutes: v }, path: 'idleLockMinutes' })),
  fc.constantFrom<unknown>(0, 101, -5, 2.5, '3', null, Number.NaN).map((v) => ({ patch: { backupsToKeep: v }, path: 'backupsToKeep' })),
  fc.constantFrom<unknown>(null, 'Victim', 42, []).map((v) => ({ patch: { roleLabels: v }, path: 'roleLabels' })),
  fc.constantFrom(
    { v: { harmed: 'Victim' }, path: 'roleLabels.responsible' },
    { v: { responsible: 'Offender' }, path: 'roleLabels.harmed' },
    { v: { harmed: '', responsible: 'Offender' }, path: 'roleLabels.harmed' },
    { v: { harmed: 'Victim', responsible: 'x'.repeat(41) }, path: 'roleLabels.responsible' },
    { v: { harmed: 'Vic\u0001tim', responsible: 'Offender' }, path: 'roleLabels.harmed' },
    { v: { harmed: 'Victim', responsible: 'Offender', colour: 'red' }, path: 'roleLabels' },
  ).map(({ v, path }) => ({ patch: { roleLabels: v }, path })),
  fc.constantFrom('colour', 'isAdmin', '__proto__', 'constructor', 'schemaVersion', 'users').map((k) => {
    const p: Record<string, unknown> = { idleLockMinutes: 30 };
    Object.defineProperty(p, k, { value: 'x', enumerable: true, configurable: true, writable: true });
    return { patch: p, path: '(input)' };
  }),
);

describe('invalid settings patches', () => {
  it('are refused with INVALID_INPUT naming the field, and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(invalid, patch, async ({ patch: bad, path }, good) => {
        // A valid part alongside the bad one must not be applied either.
        const p: Record<string, unknown> = { ...good };
        for (const k of Object.keys(bad)) Object.defineProperty(p, k, { value: bad[k], enumerable: true, configurable: true, writable: true });
        const before = await settingsNow();
        const files = await snapshotDir(t.dir);
        const r = await registry.invoke('updateSettings', p);
        expect(r.ok, JSON.stringify(p)).toBe(false);
        if (r.ok) return;
        expect(r.error.code, r.error.message).toBe('INVALID_INPUT');
        const paths = (r.error.details?.issues ?? []).map((i) => i.path);
        expect(paths, `${JSON.stringify(p)}: ${r.error.message}`).toContain(path);
        for (const q of paths) expect(q === path || q.startsWith(`${path}.`), `unexpected issue at ${q} for ${JSON.stringify(p)}`).toBe(true);
        expect(r.error.message).toContain(path);
        if (path === '(input)') expect(r.error.message).toContain(Object.keys(bad).find((k) => k !== 'idleLockMinutes'));
        expect(await settingsNow()).toEqual(before);
        expect(diffSnapshots(files, await snapshotDir(t.dir))).toEqual([]);
      }),
      { numRuns: 150, seed: SEED + 2 },
    );
  });

  it('a field sent as undefined (structured clone keeps it) is ignored or refused, never an internal error', async () => {
    for (const p of [{ serviceName: undefined }, { roleLabels: undefined, idleLockMinutes: 12 }, { backupsToKeep: undefined, serviceName: 'Undefshire RJ' }]) {
      const before = await settingsNow();
      const r = await registry.invoke('updateSettings', p);
      if (r.ok) {
        const defined = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
        expect(r.value, JSON.stringify(Object.keys(p))).toEqual({ ...before, ...defined });
      } else {
        expect(r.error.code, `${Object.keys(p).join(', ')}: ${r.error.message}`).toBe('INVALID_INPUT');
        expect(await settingsNow()).toEqual(before);
      }
    }
  });
});
