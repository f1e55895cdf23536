import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indicatorsOf, parseFramework } from '../../src-main/domain/quality/frameworks';
import { DEFAULT_TEMPLATES_DIR, loadCaseworkTemplates } from '../../src-main/services/templates/loader';
import { read } from '../support/case-fixtures';
import { caseworkWorld } from '../support/casebook';

/** The RJC frameworks as data: the shipped three load, and a mistake names the file and line. */
const FILE = 'templates/quality/frameworks/rsqm.yaml';

describe('the framework files', () => {
  it('ship the quality mark, the organisation framework and the RSP renewal', async () => {
    const t = await loadCaseworkTemplates();
    const byId = Object.fromEntries(t.frameworks.map((f) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual(['organisation', 'rsp-renewal', 'rsqm']);
    const rsqm = indicatorsOf(byId.rsqm!);
    expect(new Set(rsqm.map((i) => i.standard.number))).toEqual(new Set(['1', '2', '3', '4', '5', '6']));
    expect(rsqm.filter((i) => i.indicator.safeguarding).map((i) => i.indicator.number)).toEqual(['1.2', '2.5', '5.1', '6.5']);
    // The organisation framework's indicator titles are the RJC's published ones.
    const org = indicatorsOf(byId.organisation!).map((i) => `${i.indicator.number} ${i.indicator.title}`);
    expect(org).toContain('1.1 Building a restorative community');
    expect(org).toContain('5.5 Facilitating and monitoring agreed outcomes');
    expect(org).toContain('6.1 Adhering to the Code of Practice');
    expect(org).toHaveLength(17);
    expect(byId['rsp-renewal']!.periodMonths).toBe(12);
    expect(indicatorsOf(byId['rsp-renewal']!).map((i) => i.indicator.title)).toContain('CPD provided to staff');
  });

  it.each([
    ['an indicator under the wrong standard', (s: string) => s.replace('number: "1.3"', 'number: "2.9"'), /line \d+.*Indicator 2\.9 is under standard 1/],
    ['an indicator listed twice', (s: string) => s.replace('number: "1.3"', 'number: "1.2"'), /line \d+.*Indicator 1\.2 is listed twice/],
    ['an unknown kind of evidence', (s: string) => s.replace('{ kind: narrative }', '{ kind: hearsay }'), /line \d+.*kind is one of/],
    ['an unknown figure', (s: string) => s.replace('items: [referrals, referrals-by-source]', 'items: [referals]'), /line \d+.*"referals" is not one of/],
    ['an unknown field', (s: string) => s.replace('purpose:', 'porpose: x\npurpose:'), /line \d+.*unknown field "porpose"/],
  ])('names the line of %s', (_, change, message) => {
    const r = parseFramework(change(read(FILE)), FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('stops start-up when a shipped framework is missing or named apart from its id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frameworks-'));
    try {
      await cp(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
      const rsp = join(dir, 'quality', 'frameworks', 'rsp-renewal.yaml');
      await writeFile(rsp, (await readFile(rsp, 'utf8')).replace('id: rsp-renewal', 'id: rsp'));
      await expect(loadCaseworkTemplates({ templatesDir: dir })).rejects.toThrow(/rsp-renewal\.yaml: its id is "rsp"/);
      await rm(rsp);
      await expect(loadCaseworkTemplates({ templatesDir: dir })).rejects.toThrow(/frameworks\/rsp-renewal\.yaml is missing/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('are offered to the pack form by title and purpose from the files, to quality leads and administrators only', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const offered = await w.call('listFrameworks', {});
    expect(offered.map((f) => f.id).sort()).toEqual(['organisation', 'rsp-renewal', 'rsqm']);
    const byId = Object.fromEntries(offered.map((f) => [f.id, f]));
    expect(byId.rsqm).toMatchObject({ title: 'Restorative Service Quality Mark', purpose: expect.stringContaining('six Restorative Service Standards') });
    expect(byId.rsqm!.periodMonths).toBeUndefined();
    expect(byId['rsp-renewal']!.periodMonths).toBe(12);
    await w.as('admin');
    expect(await w.call('listFrameworks', {})).toHaveLength(3);
    await w.as('facilitator');
    expect((await w.fails('listFrameworks', {})).code).toBe('FORBIDDEN');
  });
});
