import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { createdService, PASS } from '../support/casebook';
import { rejection, sampleCase } from '../support/fault/fixtures';

/**
 * A sync tool or a careless copy puts back an older file, or deletes one. Each kind of file that
 * describes the whole casebook is checked against the sealed root at unlock: the casebook opens
 * read-only, says what does not match, refuses changes, and an administrator either restores a
 * backup or accepts it as it is (recorded). Nothing is changed until then.
 */
let t: Awaited<ReturnType<typeof createdService>>;
const others: CasebookService[] = [];
const FAC = 'facilitator passphrase 1';
let facId: string;

beforeEach(async () => {
  t = await createdService();
  facId = (await t.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC })).id;
  await t.service.saveCase(sampleCase({ reference: 'RJ-2026-0001' }));
});
afterEach(async () => {
  for (const s of others.splice(0)) await s.close();
});

/** Open the folder again, as the next day would; tampering happens after `t.service` has closed (closing writes the trail). */
async function reopen(): Promise<CasebookService> {
  const s = await createCasebookService({ storeDir: t.dir, kdf: 'minimum' });
  others.push(s);
  return s;
}

/**
 * Keep a copy of files now (one file, or every file in a folder), so a test can put the old
 * versions back after later changes, once the casebook is closed.
 */
async function keep(rel: string): Promise<() => Promise<void>> {
  const files = rel.endsWith('/') ? (await readdir(join(t.dir, rel))).map((n) => `${rel}${n}`) : [rel];
  const saved = await mkdtemp(join(tmpdir(), 'kept-'));
  for (const f of files) await copyFile(join(t.dir, f), join(saved, f.replace(/\//g, '_')));
  return async () => {
    await t.service.close();
    for (const f of files) await copyFile(join(saved, f.replace(/\//g, '_')), join(t.dir, f));
  };
}

const kinds: { what: string; rel: string }[] = [
  { what: 'the index (settings, people, staff)', rel: 'index.cbk' },
  { what: 'the case list', rel: 'summaries/' },
  { what: 'the audit trail', rel: 'audit/' },
];

describe('a file put back from an older copy', () => {
  for (const k of kinds) {
    it(`is detected for ${k.what}: read-only, named, nothing changed`, async () => {
      const putBack = await keep(k.rel);
      await t.service.updateSettings({ serviceName: 'Later name RJ' });
      await t.service.saveCase(sampleCase({ reference: 'RJ-2026-0002' }));
      await putBack();
      const s = await reopen();
      const session = await s.unlock(t.userId, PASS);
      expect(session.readOnly).toBe(true);
      const notice = session.notices.find((n) => n.kind === 'does-not-match');
      expect(notice?.problems.some((p) => p.file.startsWith(k.rel))).toBe(true);
      expect((await rejection(s.saveCase(sampleCase({ reference: 'RJ-2026-0003' }))))?.code).toBe('READ_ONLY');
      const report = await s.verify();
      expect(report.ok).toBe(false);
      expect(report.problems.some((p) => p.file.startsWith(k.rel))).toBe(true);
    });
  }

  it('is detected when the sealed root itself is deleted', async () => {
    await t.service.close();
    await rm(join(t.dir, 'root.cbk'));
    const s = await reopen();
    const session = await s.unlock(t.userId, PASS);
    expect(session.readOnly).toBe(true);
    expect(session.notices.find((n) => n.kind === 'does-not-match')?.problems.map((p) => p.file)).toEqual(['root.cbk']);
  });

  it('refuses a keyring older than the casebook outright (a removed passphrase may still work in it)', async () => {
    const putBack = await keep('keyring.json');
    await t.service.changePassphrase(PASS, 'a brand new passphrase 2026');
    await putBack();
    const s = await reopen();
    const e = await rejection(s.unlock(t.userId, PASS));
    expect(e?.code).toBe('CORRUPT');
    expect(e?.message).toMatch(/keyring\.json is older than the rest of the casebook/);
  });
});

describe('putting it right', () => {
  async function rolledBack(): Promise<CasebookService> {
    const putBack = await keep('index.cbk');
    await t.service.updateSettings({ serviceName: 'Later name RJ' });
    await putBack();
    return reopen();
  }

  it('only an administrator may accept the casebook as it is', async () => {
    const s = await rolledBack();
    const session = await s.unlock(facId, FAC);
    expect(session.readOnly).toBe(true);
    expect((await rejection(s.acceptAsItIs()))?.code).toBe('FORBIDDEN');
  });

  it('accepting seals it afresh, records the decision, and changes work again, also after reopening', async () => {
    const s = await rolledBack();
    await s.unlock(t.userId, PASS);
    const after = await s.acceptAsItIs();
    expect(after.readOnly).toBe(false);
    expect(after.notices).toEqual([]);
    await s.saveCase(sampleCase({ reference: 'RJ-2026-0004' }));
    const audit = await s.listAudit({ offset: 0, limit: 5 });
    expect(audit.entries.map((e) => e.action)).toContain('casebook.accept-as-it-is');
    expect((await s.verify()).problems).toEqual([]);
    await s.close();
    const again = await createCasebookService({ storeDir: t.dir, kdf: 'minimum' });
    others.push(again);
    expect((await again.unlock(t.userId, PASS)).readOnly).toBe(false);
  });

  it('there is nothing to accept in a casebook that matches', async () => {
    expect((await rejection(t.service.acceptAsItIs()))?.code).toBe('CONFLICT');
  });

  it('a backup can be restored, and the casebook after it matches and can be changed', async () => {
    const backup = await t.service.createBackup('manual');
    const s = await rolledBack();
    await s.unlock(t.userId, PASS);
    await s.restoreBackup(backup.id);
    const session = await s.unlock(t.userId, PASS);
    expect(session.readOnly).toBe(false);
    expect(session.notices).toEqual([]);
    expect((await s.settings()).serviceName).toBe('Northshire RJ');
  });
});

describe('the whole folder put back from an older copy', () => {
  async function withRecord(record: string) {
    const s = await createCasebookService({ storeDir: t.dir, kdf: 'minimum', seenRecord: record });
    others.push(s);
    return s;
  }

  it('is noticed on a computer that saw the casebook get further, and not otherwise', async () => {
    const record = join(await mkdtemp(join(tmpdir(), 'seen-')), 'known-casebooks.json');
    await t.service.close();
    const older = await mkdtemp(join(tmpdir(), 'older-copy-'));
    await cp(t.dir, older, { recursive: true });
    // The computer opens the casebook and moves it on; its record remembers how far.
    const s = await withRecord(record);
    await s.unlock(t.userId, PASS);
    await s.saveCase(sampleCase({ reference: 'RJ-2026-0005' }));
    await s.close();
    expect(await readFile(record, 'utf8')).not.toMatch(/RJ-2026|Siân/);
    // The whole folder, root and all, is put back as it was.
    await rm(t.dir, { recursive: true });
    await cp(older, t.dir, { recursive: true });
    const back = await withRecord(record);
    const session = await back.unlock(t.userId, PASS);
    const notice = session.notices.find((n) => n.kind === 'older-copy');
    expect(notice?.message).toMatch(/an older copy than the one this computer last had open/);
    expect(session.readOnly).toBe(false);
    await back.close();
    // A computer with no record of it (a new laptop) cannot tell: docs/store-format.md says so.
    const elsewhere = await withRecord(join(older, '..', 'another-computer.json'));
    expect((await elsewhere.unlock(t.userId, PASS)).notices).toEqual([]);
  });
});
