import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../src-main/ipc/contract';
import { caseworkWorld, type World } from '../support/casebook';
import { pdfText } from '../support/pdf-text';

/** The health check through the registry, as the app calls it. Today is 16 March 2026. */
const YEAR = { from: '2025-03-17', to: '2026-03-16' };

async function answers(w: World, framework = 'rsqm') {
  return (await w.call('getHealthCheck', { framework })).answers;
}

async function aPolicy(w: World, over: Partial<InputOf<'savePolicy'>> = {}) {
  return w.call('savePolicy', { title: 'Case supervision', version: '1', ownerId: w.staff.jo, approvedOn: '2025-03-01', nextReview: '2026-03-01', indicators: ['4.1'], ...over });
}

describe('the health check', () => {
  it('keeps one indicator’s answer signed by whoever is signed in, counts it in progress, and audits field names only', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const before = await w.call('getHealthCheck', { framework: 'rsqm' });
    expect(before.answers).toEqual([]);
    expect(before.progress.overall).toMatchObject({ met: 0, unanswered: before.progress.overall.total });
    const policy = await aPolicy(w);

    const saved = await w.call('saveIndicatorAnswer', { framework: 'rsqm', indicator: '4.1', rating: 'partly', narrative: 'Monthly case supervision with an Advanced practitioner.', policyIds: [policy.id] });
    expect(saved).toMatchObject({ indicator: '4.1', rating: 'partly', policyIds: [policy.id], updatedOn: '2026-03-16', updatedByName: 'Quinn Lead' });

    const after = await w.call('getHealthCheck', { framework: 'rsqm' });
    expect(after.progress.overall).toMatchObject({ partly: 1, unanswered: before.progress.overall.total - 1 });
    expect(after.progress.standards.find((s) => s.number === '4')).toMatchObject({ partly: 1, unanswered: 1, total: 2 });
    // The overdue review is a gap the app sees for 2.3; another framework's answers are its own.
    expect(after.gaps).toContainEqual({ indicator: '2.3', text: '1 policy past the review date' });
    expect(await answers(w, 'organisation')).toEqual([]);

    // Saving again replaces the answer: what is left out is cleared.
    await w.call('saveIndicatorAnswer', { framework: 'rsqm', indicator: '4.1', rating: 'met' });
    expect(await answers(w)).toMatchObject([{ indicator: '4.1', rating: 'met', policyIds: [] }]);
    expect((await answers(w))[0]?.narrative).toBeUndefined();

    await w.as('admin');
    const audit = (await w.service.listAudit({ offset: 0, limit: 100 })).entries.filter((e) => e.action === 'health-check.answer');
    expect(audit.map((e) => e.fields.join(','))).toEqual(['rating,narrative,policyIds', 'rating,narrative,policyIds']);
    expect(JSON.stringify(audit)).not.toContain('Monthly');
    // The register file is named by the index, so verify finds nothing amiss.
    expect((await w.service.verify()).problems).toEqual([]);
  });

  it('is read by coordinators, and answered only by quality leads and administrators', async () => {
    const w = await caseworkWorld();
    await w.as('manager');
    expect((await w.call('getHealthCheck', { framework: 'organisation' })).framework).toBe('organisation');
    // Without a framework, the first the templates list, with every framework to choose from.
    const first = await w.call('getHealthCheck', {});
    expect(first.frameworks.map((f) => f.id).sort()).toEqual(['organisation', 'rsp-renewal', 'rsqm']);
    expect(first.framework).toBe(first.frameworks[0]?.id);
    expect((await w.fails('saveIndicatorAnswer', { framework: 'rsqm', indicator: '4.1', rating: 'met' })).message).toMatch(/Only administrators and quality leads may answer the health check/);
    await w.as('facilitator');
    expect((await w.fails('getHealthCheck', { framework: 'rsqm' })).code).toBe('FORBIDDEN');
    await w.as('admin');
    await w.call('saveIndicatorAnswer', { framework: 'rsqm', indicator: '1.1', rating: 'met' });
    expect(await answers(w)).toMatchObject([{ indicator: '1.1', updatedByName: 'Jo Whitfield' }]);
  });

  const proto = JSON.parse('{"__proto__":{"admin":true}}') as object;
  it.each([
    ['an unknown framework', { framework: 'iso9001' }, 'framework'],
    ['an indicator the framework does not list', { indicator: '4.9' }, 'indicator'],
    ['an empty narrative', { narrative: '' }, 'narrative'],
    ['a huge narrative', { narrative: 'x'.repeat(100_000) }, 'narrative'],
    ['a wrong rating', { rating: 'exceeded' }, 'rating'],
    ['a rating given as a number', { rating: 1 }, 'rating'],
    ['a policy not in the register', { policyIds: ['pol_nothere0000'] }, 'policyIds.0'],
    ['who updated it, sent by the caller', { updatedBy: 's_abcdefgh' }, ''],
    ['an unknown field', { extra: 1 }, ''],
    ['__proto__', proto, ''],
  ])('refuses %s, naming the field, and stores nothing', async (_, over, field) => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const e = await w.fails('saveIndicatorAnswer', { framework: 'rsqm', indicator: '4.1', rating: 'met', ...over } as never);
    expect(e.code).toBe('INVALID_INPUT');
    if (field) expect(e.details?.issues?.map((i) => i.path)).toContain(field);
    else expect(e.message).toMatch(/Unknown field/);
    expect(await answers(w)).toEqual([]);
    expect((await w.fails('getHealthCheck', { framework: 'iso9001' })).details?.issues?.[0]?.path).toBe('framework');
  });

  it('prints the saved narrative in the evidence pack, and refuses the pack when a narrative names a participant', async () => {
    const w = await caseworkWorld();
    await w.service.addDemoCases({ count: 12, seed: 'health-check' });
    await w.as('quality-lead');
    await w.call('saveIndicatorAnswer', { framework: 'rsqm', indicator: '4.1', rating: 'met', narrative: 'Every practitioner has monthly case supervision with our Advanced supervisor.' });
    // 5.3 cites only what the app computes; what the quality lead wrote for it is printed too.
    await w.call('saveIndicatorAnswer', { framework: 'rsqm', indicator: '5.3', narrative: 'Preparation meetings are held with each participant before any contact.' });
    await w.call('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf' });
    const text = pdfText(w.files.last().bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Every practitioner has monthly case supervision');
    expect(text).toContain('Preparation meetings are held with each participant');

    const c = (await w.call('listCases', {}))[0]!;
    const named = (await w.call('getCase', { id: c.id })).participants[0]!.person;
    await w.call('saveIndicatorAnswer', { framework: 'rsqm', indicator: '4.1', narrative: `We prepared ${named.givenName} ${named.familyName} over three meetings.` });
    const saved = w.files.saved.length;
    const e = await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf' });
    expect(e.code).toBe('PERSONAL_DATA');
    expect(e.message).not.toContain(named.familyName);
    expect(w.files.saved.length).toBe(saved);
  });
});
