/**
 * A casebook made before the case list kept the facts the commissioner's figures read: its rows
 * have no facts version and lack those facts, so rights 3 and 4, RJ offered and feedback by
 * role would show "No data". The first figures request rebuilds those rows from the case files,
 * once, with one audit entry giving the count, and leaves the cases as they were.
 */
import { describe, expect, it } from 'vitest';
import { unlockStore } from '../../src-main/store/open-store';
import { PASS } from '../support/casebook';
import { caseUntil, caseworkWorld } from '../support/process';

describe('rows written before the facts version', () => {
  it('are rebuilt from their case files at the first figures request, once, and the cases are not changed', async () => {
    const w = await caseworkWorld();
    await caseUntil(w, 'process');
    await caseUntil(w, 'team', { referral: { receivedOn: '2026-03-11' } });
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const before = await w.call('getFigures', period);
    const rowsBefore = (await w.call('listCases', {})) as unknown;

    // As a casebook from before: rows without the facts version, and without the facts.
    await w.service.lock('manual');
    const store = await unlockStore(w.dir, w.adminId, PASS, { kdf: 'minimum' });
    const old = store.summaries.all().map(({ facts: _f, factsVersion: _v, ...row }) => row);
    const change = store.summaries.prepare(old);
    await store.commit([...change.fresh, ...change.rewritten], [store.draft('test.make-old', { type: 'casebook', id: store.index.storeId }, [])]);
    change.accept();
    const revisions = store.summaries.all().map((r) => `${r.id}:${r.revision}`);
    expect(store.summaries.all().every((r) => r.facts === undefined && r.factsVersion === undefined)).toBe(true);
    await store.close();

    await w.service.unlock(w.adminId, PASS);
    const after = await w.call('getFigures', period);
    expect(after.commissioner.timeliness).toEqual(before.commissioner.timeliness);
    expect(after.commissioner.funnel).toEqual(before.commissioner.funnel);
    expect(after.commissioner.timeliness.some((t) => t.due > 0)).toBe(true);
    expect((await w.call('listCases', {})) as unknown).toEqual(rowsBefore);

    const rebuilt = (await w.service.listAudit({ offset: 0, limit: 50 })).entries.filter((e) => e.action === 'case-list.facts-rebuilt');
    expect(rebuilt).toHaveLength(1);
    expect(JSON.stringify(rebuilt[0])).toContain('rows:2');
    // Once: a second request finds nothing to rebuild.
    await w.call('getFigures', period);
    expect((await w.service.listAudit({ offset: 0, limit: 50 })).entries.filter((e) => e.action === 'case-list.facts-rebuilt')).toHaveLength(1);

    // The case files are as they were: same revisions.
    await w.service.lock('manual');
    const again = await unlockStore(w.dir, w.adminId, PASS, { kdf: 'minimum' });
    expect(again.summaries.all().map((r) => `${r.id}:${r.revision}`)).toEqual(revisions);
    expect(again.summaries.all().every((r) => r.factsVersion === 2)).toBe(true);
    await again.close();
  });
});
