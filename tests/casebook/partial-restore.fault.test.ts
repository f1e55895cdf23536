import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseworkWorld, freshService, PASS, referral, type World } from '../support/casebook';
import { damageInBackup as damage } from '../support/backup-damage';
import { diffSnapshots, snapshotDir } from '../support/fault/fixtures';

/**
 * A backup always restores (issue 10): when only case files in a backup are damaged, an
 * administrator who asks for it gets back everything that opens. The first attempt refuses,
 * listing the cases by reference; `partial: true` restores the rest, leaves those cases' rows
 * out so verify is clean, and says which were lost. Damage to anything else is still refused.
 */
const CASES = 6;

async function withCases(): Promise<{ w: World; cases: { id: string; reference: string }[]; backup: Uint8Array }> {
  const w = await caseworkWorld();
  for (let i = 0; i < CASES; i++) await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
  const cases = (await w.call('listCases', {})).map((c) => ({ id: c.id, reference: c.reference }));
  await w.call('saveBackupCopy', {});
  return { w, cases, backup: w.files.last().bytes };
}

const sorted = (a: readonly string[] | undefined) => [...(a ?? [])].sort();

describe('restoring what opens from a backup with damaged case files', () => {
  it('refuses first, listing the cases, then restores exactly the others (fixed seed, a few runs)', async () => {
    const { w, cases, backup } = await withCases();
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: CASES - 1 }), { minLength: 1, maxLength: 3 }), async (picked) => {
        const lost = picked.map((i) => cases[i]!);
        const damaged = damage(backup, lost.map((c) => `cases/${c.id}.cbk`));

        w.files.toPick.push({ name: 'backup.cbkbak', bytes: damaged });
        const refused = await w.fails('restoreBackupFile', {});
        expect(refused).toMatchObject({ code: 'CORRUPT', details: { recoverable: true } });
        expect(sorted((refused.details as { lost?: string[] }).lost)).toEqual(sorted(lost.map((c) => c.reference)));
        for (const c of lost) expect(refused.message).toContain(c.reference);
        expect(refused.message).not.toMatch(/Siân|Łukasz|Evans|Kowalski/);
        expect(await w.call('listCases', {})).toHaveLength(CASES);

        w.files.toPick.push({ name: 'backup.cbkbak', bytes: damaged });
        const done = await w.call('restoreBackupFile', { partial: true });
        expect(sorted(done.lost)).toEqual(sorted(lost.map((c) => c.reference)));

        await w.service.unlock(w.adminId, PASS);
        const left = await w.call('listCases', {});
        expect(sorted(left.map((c) => c.id))).toEqual(sorted(cases.filter((c) => !lost.includes(c)).map((c) => c.id)));
        for (const c of left) expect((await w.call('getCase', { id: c.id })).id).toBe(c.id);
        expect(await w.service.verify()).toMatchObject({ ok: true, problems: [] });
        const entry = (await w.call('listAudit', { action: 'backup.restore', limit: 500 })).entries.at(-1);
        expect(entry?.fields).toEqual(['partial', `lost-cases:${lost.length}`]);

        // Back to every case for the next run: the whole backup restores as it always did.
        w.files.toPick.push({ name: 'backup.cbkbak', bytes: backup });
        expect(await w.call('restoreBackupFile', {})).toEqual({ restored: true });
        await w.service.unlock(w.adminId, PASS);
      }),
      { seed: 20261206, numRuns: 3 },
    );
  });

  it('restores what opens into an empty folder with the passphrase (the casebook will not open)', async () => {
    const { cases, backup } = await withCases();
    const fresh = await freshService();
    try {
      const damaged = damage(backup, [`cases/${cases[1]!.id}.cbk`]);
      await expect(fresh.service.restoreWhileLocked({ bytes: damaged, name: 'the backup file' }, 'Jo Whitfield', PASS)).rejects.toMatchObject({
        code: 'CORRUPT',
        details: { recoverable: true, lost: [cases[1]!.reference] },
      });
      const done = await fresh.service.restoreWhileLocked({ bytes: damaged, name: 'the backup file' }, 'Jo Whitfield', PASS, true);
      expect(done).toEqual({ restored: true, lost: [cases[1]!.reference] });
      await fresh.service.unlock('Jo Whitfield', PASS);
      expect(fresh.service.listCases({})).toHaveLength(CASES - 1);
      expect((await fresh.service.verify()).ok).toBe(true);
    } finally {
      await fresh.service.close();
      await fresh.cleanup();
    }
  });

  it('still refuses a backup whose index is damaged, naming it, and changes nothing', async () => {
    const w = await caseworkWorld();
    await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    // A copy taken while index.cbk on disk was damaged carries the damage with matching hashes.
    const index = join(w.dir, 'index.cbk');
    const good = await readFile(index);
    const bad = Buffer.from(good);
    bad[bad.length - 20]! ^= 0x55;
    await writeFile(index, bad);
    await w.call('saveBackupCopy', {});
    await writeFile(index, good);
    const before = await snapshotDir(w.dir);

    for (const partial of [false, true]) {
      w.files.toPick.push({ name: 'backup.cbkbak', bytes: w.files.last().bytes });
      const refused = await w.fails('restoreBackupFile', { partial });
      expect(refused.code).toBe('CORRUPT');
      expect(refused.message).toMatch(/index\.cbk.*choose another backup/);
      expect(refused.details).not.toHaveProperty('recoverable');
    }
    expect(diffSnapshots(before, await snapshotDir(w.dir))).toEqual([]);
    expect(await w.call('listCases', {})).toHaveLength(1);
  });
});
