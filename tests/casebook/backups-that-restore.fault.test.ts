import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { freshService, PASS } from '../support/casebook';
import { rejection, sampleCase } from '../support/fault/fixtures';

/**
 * A backup always restores: it is opened in full as it is taken, so damage is found the day it
 * happens instead of being copied into every later backup while rotation deletes the good ones;
 * a backup dated in the future does not stop the daily ones; a daily backup that cannot be
 * taken is said on every screen; verify checks the backups; a case file put back from an older
 * copy is caught when it is read.
 */
let clock: Date;
let t: Awaited<ReturnType<typeof freshService>>;
let service: CasebookService;
let userId: string;
let caseId: string;

const day = (n: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + n * 86_400_000);
const backups = async () => (await readdir(join(t.dir, 'backups')).catch(() => [] as string[])).sort();

/** The next morning: lock, move the clock on, unlock (the first unlock of a day takes the daily backup). */
async function nextMorning(n: number) {
  await service.lock('manual');
  clock = day(n);
  return service.unlock(userId, PASS);
}

async function damageCaseFile() {
  const file = join(t.dir, 'cases', `${caseId}.cbk`);
  const bytes = await readFile(file);
  bytes.writeUInt8(bytes.readUInt8(60) ^ 0x5a, 60);
  await writeFile(file, bytes);
}

beforeEach(async () => {
  clock = day(0);
  t = await freshService({ now: () => clock });
  service = t.service;
  const created = await service.create({ serviceName: 'Northshire RJ', userName: 'Siân Williams', passphrase: PASS });
  userId = created.session.user.id;
  caseId = (await service.saveCase(sampleCase({ reference: 'RJ-2026-0001' }))).id;
});
afterEach(async () => {
  await service.close();
  await t.cleanup();
});

describe('a backup is proved as it is taken', () => {
  it('refuses to take a backup of a damaged casebook, says what is damaged, and keeps the older backups', async () => {
    await service.createBackup('manual');
    const before = await backups();
    await damageCaseFile();
    const e = await rejection(service.createBackup('manual'));
    expect(e?.code).toBe('CORRUPT');
    expect(e?.message).toMatch(new RegExp(`No backup was taken, because part of the casebook is damaged \\(cases/${caseId}\\.cbk does not open\\)`));
    expect(await backups()).toEqual(before);
  });

  it('a damaged casebook never rotates the last good backup away, however many days pass', async () => {
    await nextMorning(1);
    const good = await backups();
    expect(good.filter((n) => n.includes('-daily'))).toHaveLength(1);
    await damageCaseFile();
    for (let n = 2; n <= 12; n++) {
      const session = await nextMorning(n);
      expect(session.notices.find((x) => x.kind === 'backups')?.message).toMatch(/No backup was taken/);
    }
    expect(await backups()).toEqual(good);
  });

  it('the warning goes once a backup can be taken again', async () => {
    await damageCaseFile();
    expect((await nextMorning(1)).notices.map((n) => n.kind)).toContain('backups');
    // Undo the damage (the same change again): the next backup is taken, and the warning goes.
    await damageCaseFile();
    await service.createBackup('manual');
    expect(service.currentSession()?.notices.map((n) => n.kind)).not.toContain('backups');
  });
});

describe('daily backups', () => {
  it('are taken on the first unlock of each day', async () => {
    await nextMorning(1);
    await nextMorning(1);
    await nextMorning(2);
    expect((await backups()).filter((n) => n.includes('-daily'))).toHaveLength(2);
  });

  it('are not stopped by a backup dated in the future (a clock that was wrong)', async () => {
    await nextMorning(1);
    const [one] = (await backups()).filter((n) => n.includes('-daily'));
    await copyFile(join(t.dir, 'backups', one!), join(t.dir, 'backups', one!.replace(/^\d{8}/, '20991231')));
    await nextMorning(2);
    await nextMorning(3);
    expect((await backups()).filter((n) => n.includes('-daily') && !n.startsWith('2099'))).toHaveLength(3);
  });
});

describe('verify', () => {
  it('names a damaged backup', async () => {
    const b = await service.createBackup('manual');
    const [name] = (await backups()).filter((n) => n.startsWith(b.id));
    const file = join(t.dir, 'backups', name!);
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    await writeFile(file, bytes);
    const report = await service.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.file)).toContain(`backups/${name}`);
  });
});

describe('a case file put back from an older copy', () => {
  it('is refused when read, and named by verify', async () => {
    const file = join(t.dir, 'cases', `${caseId}.cbk`);
    const older = join(t.dir, '..', `${caseId}-older.cbk`);
    await copyFile(file, older);
    const c = await service.getCase(caseId);
    await service.saveCase({ ...c, referral: { ...c.referral, offenceDescription: 'A later account of what happened.' } });
    await service.lock('manual');
    await copyFile(older, file);
    await service.unlock(userId, PASS);
    const e = await rejection(service.getCase(caseId));
    expect(e?.code).toBe('CORRUPT');
    expect(e?.message).toMatch(/holds revision 1 of case RJ-2026-0001, but the casebook last saved revision 2/);
    expect((await service.verify()).problems.map((p) => p.file)).toContain(`cases/${caseId}.cbk`);
  });
});
