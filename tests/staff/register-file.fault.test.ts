import { describe, expect, it } from 'vitest';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX, registerFile } from '../../src-main/store/layout';
import { unlockStore } from '../../src-main/store/open-store';
import type { IndexData } from '../../src-main/store/index-db';
import { caseworkWorld, PASS, type World } from '../support/casebook';

/**
 * The staff register lives in its own file (registers/staff.cbk), read the first time a command
 * needs it. Unlocking never reads it; the index (pinned by the sealed root) records its revision,
 * so an older copy put back or the file deleted is refused when read and named by verify.
 */
const REL = registerFile('staff');
const CPD = { date: '2026-03-01', activity: 'Reading on shame and repair', hours: 2, rjcApproved: false };

async function withCpd(): Promise<World> {
  const w = await caseworkWorld();
  await w.call('recordCpd', { staffId: w.staff.sian, ...CPD });
  return w;
}

async function reopenAsAdmin(w: World) {
  await w.service.lock('manual');
  await w.service.unlock(w.adminId, PASS);
}

describe('the register file', () => {
  it('is written encrypted, outside the index, and the index no longer holds the register', async () => {
    const w = await withCpd();
    const bytes = await readFile(join(w.dir, REL));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RJCB');
    expect(bytes.includes(Buffer.from('Reading on shame'))).toBe(false);
    await w.service.close();
    const s = await unlockStore(w.dir, w.adminId, PASS, { kdf: 'minimum' });
    expect(s.index.registers).toEqual({ staff: 1 });
    expect(JSON.stringify(s.index)).not.toContain('Reading on shame');
    await s.close();
  });

  it('is not read at unlock: a damaged one lets the casebook open, and is refused by name when the register is needed', async () => {
    const w = await withCpd();
    await w.service.close();
    const bytes = await readFile(join(w.dir, REL));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0xff, bytes.length - 5);
    await writeFile(join(w.dir, REL), bytes);
    const session = await w.service.unlock(w.adminId, PASS);
    expect(session.readOnly).toBe(false);
    const e = await w.fails('getCompliance', {});
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toContain(REL);
    expect((await w.service.verify()).problems.map((p) => p.file)).toContain(REL);
    // The background check after unlock reads it too, and says so on every screen.
    await w.service.casesChecked();
    const notice = w.service.currentSession()?.notices.find((n) => n.kind === 'damaged-cases');
    expect(notice?.message).toMatch(/^The staff register does not open/);
  });

  it.each([
    ['put back from an older copy', 'older'],
    ['deleted', 'deleted'],
  ])('is refused when %s, and verify names it', async (_, how) => {
    const w = await withCpd();
    await w.service.close();
    const kept = join(w.dir, 'kept.cbk');
    await copyFile(join(w.dir, REL), kept);
    await w.service.unlock(w.adminId, PASS);
    await w.call('recordCpd', { staffId: w.staff.sian, ...CPD, date: '2026-03-02' });
    await w.service.close();
    if (how === 'older') await copyFile(kept, join(w.dir, REL));
    else await rm(join(w.dir, REL));
    await rm(kept);
    await w.service.unlock(w.adminId, PASS);
    const e = await w.fails('getStaffRecords', { everyone: true });
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toMatch(how === 'older' ? /holds revision 1, but the casebook last saved revision 2/ : /is missing/);
    const report = await w.service.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.file)).toContain(REL);
    // Nothing was written over it: recording more is refused while it cannot be read.
    expect((await w.fails('recordCpd', { staffId: w.staff.sian, ...CPD })).code).toBe('CORRUPT');
  });

  it('goes into backups, comes back with a restore, and survives a change of data key', async () => {
    const w = await withCpd();
    const backup = await w.service.createBackup('manual');
    await w.call('recordCpd', { staffId: w.staff.sian, ...CPD, date: '2026-03-05' });
    await w.service.restoreBackup(backup.id);
    await reopenAsAdmin(w);
    expect((await w.call('getStaffRecords', { staffId: w.staff.sian }))[0]?.cpd).toHaveLength(1);
    expect((await w.service.verify()).ok).toBe(true);
    await w.service.rotateDataKey({ passphrase: PASS, others: [] });
    expect((await w.call('getStaffRecords', { staffId: w.staff.sian }))[0]?.cpd).toHaveLength(1);
    expect((await w.service.verify()).ok).toBe(true);
  });

  it('moves a register kept in an older index (data version 2) into its own file, keeping every entry', async () => {
    const w = await caseworkWorld();
    await w.service.close();
    const s = await unlockStore(w.dir, w.adminId, PASS, { kdf: 'minimum' });
    const staff = s.index.staff.map((m) => (m.id === w.staff.sian ? { ...m, employment: 'paid', started: '2021-05-04', cpd: [CPD] } : m));
    const { registers: _r, ...rest } = s.index;
    await writeFile(join(w.dir, INDEX), s.indexFile().encode({ ...rest, schemaVersion: 2, staff } as unknown as IndexData));
    await s.close();
    // The index was changed behind the root's back, as an older version would have written it.
    await w.service.unlock(w.adminId, PASS);
    await w.service.acceptAsItIs();
    await reopenAsAdmin(w);
    const [sian] = await w.call('getStaffRecords', { staffId: w.staff.sian });
    expect(sian).toMatchObject({ employment: 'paid', started: '2021-05-04', cpd: [CPD] });
    const audit = await w.service.listAudit({ offset: 0, limit: 20 });
    expect(audit.entries.some((e) => e.fields.includes('registers.staff'))).toBe(true);
  });
});
