import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-main/domain/casebook/audit';
import { createCasebookService } from '../../src-main/services/casebook/service';
import type { FilePorts } from '../../src-main/services/shared/files';
import { caseworkWorld, FAC_PASS, PASS, referral } from '../support/casebook';
import { FakeWorld } from '../support/cli/fake-service';
import { runWith, tempDir } from '../support/cli/harness';

/** `casebook audit list`: the trail for administrators, filtered as the app's Audit trail page filters it. */
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casebook-cli-audit-'));
});
afterEach(() => cleanup());

async function casebook() {
  const w = await caseworkWorld();
  w.clock.set('2026-03-17T09:00:00Z');
  await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
  w.clock.set('2026-03-18T09:00:00Z');
  await w.call('updateSettings', { serviceName: 'Northshire Restorative Justice' });
  await w.service.lock('manual');
  const world = Object.assign(new FakeWorld(), { open: (storeDir: string, files: FilePorts) => createCasebookService({ storeDir, kdf: 'minimum', now: () => w.clock.now, ...files }) });
  const run = (argv: string[], u: { user?: string; passphrase?: string } = {}) =>
    runWith(world, argv, { cwd: dir, env: { CASEBOOK_STORE: w.dir, CASEBOOK_USER: u.user ?? 'Jo Whitfield', CASEBOOK_PASSPHRASE: u.passphrase ?? PASS } });
  return { w, run };
}

describe('casebook audit list', () => {
  it('lists the trail newest first, filtered by day and action, as text and JSON', async () => {
    const { run } = await casebook();
    const all = await run(['audit', 'list', '--json']);
    expect(all.code).toBe(0);
    const entries = (all.json().value as { entries: AuditEntry[] }).entries;
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
    const day = await run(['audit', 'list', '--from', '2026-03-17', '--to', '2026-03-17', '--json']);
    expect((day.json().value as { entries: AuditEntry[] }).entries.map((e) => e.action)).toEqual(['case.create']);
    const settings = await run(['audit', 'list', '--action', 'settings']);
    expect(settings.stdout).toMatch(/settings\.update\s+settings service\s+serviceName/);
    expect(settings.stdout).toMatch(/1 entry$/m);
    // Never a value: the new service name is not in the trail.
    expect(all.stdout).not.toContain('Northshire Restorative Justice');
  });

  it('is for administrators, and says what is wrong with a filter before asking for a passphrase', async () => {
    const { run } = await casebook();
    const r = await run(['audit', 'list'], { user: 'Fatima Hussain', passphrase: FAC_PASS });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Only administrators may read the audit trail; Fatima Hussain is a facilitator\./);
    const bad = await run(['audit', 'list', '--from', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from must be a real date/);
    const swapped = await run(['audit', 'list', '--from', '2026-03-18', '--to', '2026-03-17']);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toMatch(/swap them/);
  });
});
