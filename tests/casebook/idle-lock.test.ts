import { describe, expect, it } from 'vitest';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { caseworkWorld, PASS } from '../support/casebook';

/**
 * The idle lock lives in the main process (security review, finding 12): the window only
 * reports activity. A window that stops reporting — hung, crashed, or tampered with — does not
 * keep the key in memory; time away from the whole computer counts as well.
 */
describe('the idle lock in the main process', () => {
  it('locks after the set minutes without a report, and a report starts them again', async () => {
    const w = await caseworkWorld();
    const locked: string[] = [];
    w.service.onLocked((r) => locked.push(r));
    await w.call('updateSettings', { idleLockMinutes: 2 });
    w.clock.set('2026-03-16T10:01:30.000Z');
    await w.call('reportActivity', {});
    w.clock.set('2026-03-16T10:03:29.000Z');
    expect(await w.service.checkIdle()).toBe(false);
    expect(w.service.currentSession()).toBeDefined();
    w.clock.set('2026-03-16T10:03:31.000Z');
    expect(await w.service.checkIdle()).toBe(true);
    expect(w.service.currentSession()).toBeUndefined();
    expect(locked).toEqual(['idle']);
    // The lock is in the trail, with its reason.
    await w.service.unlock(w.adminId, PASS);
    const entries = (await w.service.listAudit({ offset: 0, limit: 5 })).entries;
    expect(entries.find((e) => e.action === 'session.lock')?.fields).toEqual(['idle']);
    // A locked casebook takes no reports.
    await w.service.lock('manual');
    expect(await w.fails('reportActivity', {})).toMatchObject({ code: 'LOCKED' });
  });

  it('counts time away from the whole computer, whatever the window reports', async () => {
    const w = await caseworkWorld();
    await w.service.close();
    let systemIdle = 0;
    const s = await createCasebookService({ storeDir: w.dir, kdf: 'minimum', now: () => w.clock.now, systemIdleSeconds: () => systemIdle });
    try {
      await s.unlock(w.adminId, PASS);
      await s.reportActivity();
      systemIdle = 9 * 60;
      expect(await s.checkIdle()).toBe(false);
      systemIdle = 10 * 60;
      expect(await s.checkIdle()).toBe(true);
      expect(s.currentSession()).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});
