import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createdService, PASS } from '../support/casebook';
import { rejection } from '../support/fault/fixtures';

/** A person taken off the casebook stays off: on the unlock screen, with their passphrase, after a restore. */
const FAC = 'facilitator passphrase 1';
let t: Awaited<ReturnType<typeof createdService>>;
let facId: string;

beforeEach(async () => {
  t = await createdService();
  facId = (await t.service.addUser({ name: 'Fatima Hussain', role: 'facilitator', passphrase: FAC })).id;
});
afterEach(async () => {
  await t.service.close();
  await t.cleanup();
});

describe('removing a person', () => {
  it('takes them off the unlock screen, their passphrase opens nothing, their staff record stays, and it is recorded', async () => {
    const staffId = (await t.service.users()).find((u) => u.id === facId)?.staffId;
    const left = await t.service.removeUser(facId);
    expect(left.map((u) => u.name)).toEqual(['Siân Williams']);
    const audit = await t.service.listAudit({ offset: 0, limit: 3 });
    expect(audit.entries[0]).toMatchObject({ action: 'user.remove', entity: { type: 'user', id: facId } });
    await t.service.lock('manual');
    const status = await t.service.status();
    expect(status.users.map((u) => u.name)).toEqual(['Siân Williams']);
    expect((await rejection(t.service.unlock(facId, FAC)))?.code).toMatch(/AUTH_FAILED|NOT_FOUND/);
    await t.service.unlock(t.userId, PASS);
    const reference = await t.service.cases.getCaseworkReference();
    expect(reference.staff.some((m) => m.id === staffId && m.name === 'Fatima Hussain')).toBe(true);
    expect((await t.service.verify()).ok).toBe(true);
  });

  it('stays removed after a backup from before the removal is restored', async () => {
    const before = await t.service.createBackup('manual');
    await t.service.removeUser(facId);
    await t.service.restoreBackup(before.id);
    await t.service.unlock(t.userId, PASS);
    expect((await t.service.users()).map((u) => u.name)).toEqual(['Siân Williams']);
    await t.service.lock('manual');
    expect((await rejection(t.service.unlock(facId, FAC)))?.code).toMatch(/AUTH_FAILED|NOT_FOUND/);
  });

  it('is for administrators, never yourself, and names an unknown person as such', async () => {
    expect((await rejection(t.service.removeUser(t.userId)))?.message).toMatch(/cannot remove yourself/);
    expect((await rejection(t.service.removeUser('u_doesnotexist00')))?.code).toBe('NOT_FOUND');
    await t.service.lock('manual');
    await t.service.unlock(facId, FAC);
    expect((await rejection(t.service.removeUser(t.userId)))?.code).toBe('FORBIDDEN');
  });
});
