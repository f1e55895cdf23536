import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseworkWorld, PASS, referral, type World } from '../support/casebook';

/**
 * Unlocking checks every case file in the background (case-check.ts): a damaged file, or one put
 * back from an older copy, becomes a notice naming the case by reference, and no daily backup is
 * taken over it; a clean casebook gets no notice, and a case saved while it is being checked is
 * not mistaken for damage.
 */
async function withCases(n: number): Promise<{ w: World; cases: { id: string; reference: string; revision: number }[] }> {
  const w = await caseworkWorld();
  for (let i = 0; i < n; i++) await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
  return { w, cases: (await w.call('listCases', {})).map((c) => ({ id: c.id, reference: c.reference, revision: c.revision })) };
}

const damagedNotice = (w: World) => w.service.currentSession()?.notices.find((n) => n.kind === 'damaged-cases');

describe('the check of every case file after unlocking', () => {
  it('names a damaged case and one put back from an older copy, and takes no daily backup over them', async () => {
    const { w, cases } = await withCases(4);
    const [flipped, older] = [cases[0]!, cases[2]!];
    const olderFile = join(w.dir, 'cases', `${older.id}.cbk`);
    const before = await readFile(olderFile);
    await w.call('applyCaseCommand', { caseId: older.id, revision: older.revision, command: { type: 'assign-team', leadId: w.staff.fatima } });
    await w.service.lock('manual');
    await writeFile(olderFile, before);
    const flippedFile = join(w.dir, 'cases', `${flipped.id}.cbk`);
    const good = await readFile(flippedFile);
    const bytes = Buffer.from(good);
    bytes[bytes.length - 30]! ^= 0x42;
    await writeFile(flippedFile, bytes);

    await w.service.unlock(w.adminId, PASS);
    await w.service.casesChecked();
    const notice = damagedNotice(w);
    expect(notice?.message).toContain(flipped.reference);
    expect(notice?.message).toContain(older.reference);
    for (const c of cases.filter((x) => x !== flipped && x !== older)) expect(notice?.message).not.toContain(c.reference);
    expect(notice?.message).toMatch(/Restore a backup.*Verify.*No daily backup/s);
    expect(notice?.message).not.toMatch(/Siân|Łukasz|Evans|Kowalski/);
    // The renderer reads notices through getStatus, which it asks again on every screen.
    const status = await w.call('getStatus', {});
    expect(status.session?.notices.map((n) => n.kind)).toContain('damaged-cases');

    // The next morning: the casebook is known to be damaged, so no daily backup rotates a good one away
    // (the older copy left alone: every file still decrypts, so the backup itself would not notice).
    const backups = (await w.service.listBackups()).length;
    await w.service.lock('manual');
    await writeFile(flippedFile, good);
    w.clock.set('2026-03-17T11:00:00.000Z');
    await w.service.unlock(w.adminId, PASS);
    expect(await w.service.listBackups()).toHaveLength(backups);
    await w.service.casesChecked();
    expect(damagedNotice(w)?.message).toContain(older.reference);
    expect(damagedNotice(w)?.message).not.toContain(flipped.reference);
  });

  it('gives a clean casebook no notice', async () => {
    const { w } = await withCases(3);
    await w.service.lock('manual');
    await w.service.unlock(w.adminId, PASS);
    await w.service.casesChecked();
    expect(damagedNotice(w)).toBeUndefined();
  });

  it('does not report a case saved while it was being checked', async () => {
    const { w, cases } = await withCases(12);
    await w.service.lock('manual');
    await w.service.unlock(w.adminId, PASS);
    // Saves queued while the check reads the files one by one, each moving a case's revision on.
    await Promise.all(cases.map((c) => w.call('applyCaseCommand', { caseId: c.id, revision: c.revision, command: { type: 'assign-team', leadId: w.staff.fatima } })));
    await w.service.casesChecked();
    expect(damagedNotice(w)).toBeUndefined();
  });

  it('stops when the casebook locks', async () => {
    const { w } = await withCases(3);
    await w.service.lock('manual');
    await w.service.unlock(w.adminId, PASS);
    await w.service.lock('manual');
    await expect(w.service.casesChecked()).resolves.toBeUndefined();
  });
});
