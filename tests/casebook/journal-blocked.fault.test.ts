import { afterEach, describe, expect, it, vi } from 'vitest';
import { promises as fsp } from 'node:fs';
import { basename } from 'node:path';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { createdService, PASS } from '../support/casebook';
import { rejection, sampleCase } from '../support/fault/fixtures';

/**
 * A change is decided (its journal is safely written) but the files cannot be replaced because
 * permission is refused (an antivirus, a changed ACL). The person is told what is pending and
 * why, not that the disk is full; later changes wait; the next unlock, once it is put right,
 * finishes the change.
 */
const realOpen = fsp.open.bind(fsp);
let blocked = false;
vi.spyOn(fsp, 'open').mockImplementation((async (path: Parameters<typeof fsp.open>[0], flags?: Parameters<typeof fsp.open>[1], mode?: Parameters<typeof fsp.open>[2]) => {
  if (blocked && typeof path === 'string' && path.endsWith('.tmp') && !basename(path).startsWith('.journal.cbk')) {
    throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
  }
  return realOpen(path, flags, mode);
}) as typeof fsp.open);
afterEach(() => {
  blocked = false;
});

describe('a journal that cannot be finished because permission is refused', () => {
  it('says what is pending and why, holds later changes, and is finished at the next unlock', async () => {
    const t = await createdService();
    try {
      blocked = true;
      const first = await rejection(t.service.saveCase(sampleCase({ reference: 'RJ-2026-0001' })));
      expect(first?.code).toBe('WRITE_FAILED');
      expect(first?.message).toMatch(/permission was refused/);
      expect(first?.message).toMatch(/recorded safely and will be finished once your account may write to the casebook folder again/);
      expect(first?.message).not.toMatch(/disk/);
      const later = await rejection(t.service.saveCase(sampleCase({ reference: 'RJ-2026-0002' })));
      expect(later?.message).toMatch(/An earlier change is waiting in journal\.cbk to be finished\. Once your account may write to the casebook folder again, lock and unlock/);
      blocked = false;
      await t.service.close();
      const again = await createCasebookService({ storeDir: t.dir, kdf: 'minimum' });
      try {
        await again.unlock(t.userId, PASS);
        expect(again.listCases({}).map((c) => c.reference)).toEqual(['RJ-2026-0001']);
        expect((await again.verify()).ok).toBe(true);
      } finally {
        await again.close();
      }
    } finally {
      await t.cleanup();
    }
  });
});
