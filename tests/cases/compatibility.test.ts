import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleCase } from '../support/fault/fixtures';
import { unlockStore } from '../../src-main/store/open-store';
import { INDEX, ROOT } from '../../src-main/store/layout';
import type { IndexData } from '../../src-main/store/index-db';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { DEFAULT_RESOURCES_DIR, DEFAULT_TEMPLATES_DIR, loadCaseworkTemplates } from '../../src-main/services/templates/loader';
import { PASS, referral } from '../support/casebook';

describe('stores and data files from before casework', () => {
  it('opens a store whose index has no staff or casework settings, and takes referrals in it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'casebook-old-'));
    try {
      const first = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
      const { session } = await first.create({ serviceName: 'Oldshire RJ', userName: 'Old Admin', passphrase: PASS });
      const old = await first.saveCase(sampleCase({ reference: 'RJ-2026-0001' }));
      await first.close();
      // Write the index the way the foundation did: without the fields casework added, and
      // without the sealed root that came later still.
      const s = await unlockStore(dir, session.user.id, PASS, { kdf: 'minimum' });
      const { staff: _staff, casework: _casework, sealed: _sealed, ...legacy } = s.index;
      const bytes = s.indexFile().encode({ ...legacy, referenceCounters: { '2025': 7 } } as unknown as IndexData);
      await s.close();
      await writeFile(join(dir, INDEX), bytes);
      await rm(join(dir, ROOT));

      const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
      await service.unlock(session.user.id, PASS);
      const ref = service.cases.getCaseworkReference();
      expect(ref.staff).toEqual([]);
      expect(ref.settings).toEqual({ referencePrefix: 'RJ', riskApproverRole: 'manager' });
      expect(service.cases.queryCaseload({}).rows.map((r) => r.id)).toEqual([old.id]);
      expect((await service.cases.getCaseView(old.id)).case.reference).toBe('RJ-2026-0001');
      // The old case's reference is taken, so the first new one skips it.
      const v = await service.referrals.createReferral({ referral: referral(), duplicatesSeen: true });
      expect(v.case.reference).toBe('RJ-2026-0002');
      await service.staff.saveStaffMember({ name: 'Old Admin', role: 'coordinator', level: 'advanced', active: true });
      await service.lock('manual');
      await service.unlock(session.user.id, PASS);
      expect(service.cases.getCaseworkReference().staff.map((m) => m.name)).toEqual(['Old Admin']);
      expect((await service.verify()).ok).toBe(true);
      await service.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the casework data files', () => {
  it('finds the shipped files relative to the service module', async () => {
    expect(fileURLToPath(DEFAULT_TEMPLATES_DIR)).toBe(fileURLToPath(new URL('../../templates/', import.meta.url)));
    expect(fileURLToPath(DEFAULT_RESOURCES_DIR)).toBe(fileURLToPath(new URL('../../resources/', import.meta.url)));
    const t = await loadCaseworkTemplates();
    expect(t.consentElements.length).toBeGreaterThanOrEqual(10);
    expect(t.holidays.firstYear).toBe(2015);
  });

  async function brokenCopy(edit: (templates: string, resources: string) => Promise<void>) {
    const root = await mkdtemp(join(tmpdir(), 'casebook-templates-'));
    const templates = join(root, 'templates');
    const resources = join(root, 'resources');
    await cp(fileURLToPath(DEFAULT_TEMPLATES_DIR), templates, { recursive: true });
    await cp(fileURLToPath(DEFAULT_RESOURCES_DIR), resources, { recursive: true });
    await edit(templates, resources);
    const store = join(root, 'store');
    const result = await createCasebookService({ storeDir: store, kdf: 'minimum', templatesDir: templates, resourcesDir: resources }).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string; details: { file?: string } },
    );
    await rm(root, { recursive: true, force: true });
    return { result, root };
  }

  it('refuses to start with a mistake in a list, naming the file and the line but not where it is installed', async () => {
    const { result, root } = await brokenCopy(async (templates) => {
      const file = join(templates, 'casework', 'lists.yaml');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('  - { id: prison, label: Prison }', '  - { id: prison, lable: Prison }'));
    });
    expect(result?.code).toBe('CORRUPT');
    expect(result?.message).toMatch(/templates\/casework\/lists\.yaml line \d+, column \d+ \(referralSources\[2\]/);
    expect(result?.message).toMatch(/unknown field "lable"/);
    expect(result?.message).not.toContain(root);
    expect(result?.details.file).toBe('templates/casework/lists.yaml');
  });

  it('refuses to start with broken holiday data or a missing file', async () => {
    const json = await brokenCopy(async (_t, resources) => {
      const file = join(resources, 'bank-holidays', 'england-and-wales.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"2015-04-03"', '"2015-04-03",,'));
    });
    expect(json.result?.message).toMatch(/^resources\/bank-holidays\/england-and-wales\.json line \d+: the JSON is not valid/);
    const missing = await brokenCopy(async (templates) => rm(join(templates, 'casework', 'risk-factors.yaml')));
    expect(missing.result).toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/^templates\/casework\/risk-factors\.yaml could not be read/) });
    expect(missing.result?.message).not.toContain(missing.root);
    const holiday = await brokenCopy(async (_t, resources) => {
      const file = join(resources, 'bank-holidays', 'england-and-wales.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"2015-04-03"', '"2015-04-04"'));
    });
    expect(holiday.result?.message).toMatch(/england-and-wales\.json \(events\[1\]\.date\): 2015-04-04 is a Saturday/);
  });
});
