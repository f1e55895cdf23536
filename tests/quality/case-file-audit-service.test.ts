import { describe, expect, it } from 'vitest';
import { packWorld } from '../support/pack-world';
import { pdfText } from '../support/pdf-text';

/**
 * The case-file audit as the auditor works through it: the page's sample is the pack's, the
 * auditor judges only what the record cannot prove, the notes reach the pack by file number,
 * and notes that name someone keep the pack from being saved.
 */
const YEAR = { from: '2025-03-17', to: '2026-03-16' };
const SAMPLE = { framework: 'rsqm', ...YEAR, size: 12 };


describe('the case-file audit', () => {
  it('draws the sample the pack draws, takes the auditor’s judgement and notes, and prints them by file number', async () => {
    const w = await packWorld();
    const audit = await w.call('getCaseFileAudit', SAMPLE);
    expect(audit.files.length).toBeGreaterThan(0);
    expect(audit.files.map((f) => f.label)).toEqual(audit.files.map((_, i) => `File ${i + 1}`));
    const first = audit.files[0]!;
    expect(first.checks.find((c) => c.check === 'facts-acknowledged')?.result).toBe('for-the-auditor');
    const note = 'Assessment notes show the responsible person accepted the facts at the first visit.';
    const checks = await w.call('saveAuditorReview', { caseId: first.caseId, judgements: { 'facts-acknowledged': 'met' }, notes: note });
    expect(checks.find((c) => c.check === 'facts-acknowledged')).toMatchObject({ result: 'met', byAuditor: true });
    const again = await w.call('getCaseFileAudit', SAMPLE);
    expect(again.files.map((f) => f.caseId)).toEqual(audit.files.map((f) => f.caseId));
    expect(again.files[0]).toMatchObject({ notes: note, reviewedOn: expect.any(String) });
    expect(again.totals.find((t) => t.check === 'facts-acknowledged')).toMatchObject({ met: 1, applicable: 1, percent: 100 });

    await w.call('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', auditSize: SAMPLE.size });
    const text = pdfText(w.files.last().bytes);
    expect(text).toContain('Auditor’s notes');
    expect(text).toContain(`File 1: ${note}`);
    expect(text).not.toContain(first.reference);
    await w.as('admin');
    const entries = (await w.service.listAudit({ offset: 0, limit: 10 })).entries;
    expect(entries.find((e) => e.action === 'case-file-audit.review')).toMatchObject({ entity: { type: 'case', id: first.caseId }, fields: ['facts-acknowledged', 'notes'] });
    expect(entries.find((e) => e.action === 'case-file-audit.read')?.fields).toEqual([`files:${audit.files.length}`]);
  });

  it('refuses a judgement on what the record proves, a case not in the casebook, notes that name someone in the pack, and a facilitator', async () => {
    const w = await packWorld();
    const first = (await w.call('getCaseFileAudit', SAMPLE)).files[0]!;
    const e = await w.fails('saveAuditorReview', { caseId: first.caseId, judgements: { 'written-consent': 'met' } });
    expect(e.details?.issues?.[0]).toMatchObject({ path: 'judgements.written-consent', message: expect.stringMatching(/is proved by the record, not judged/) });
    expect((await w.fails('saveAuditorReview', { caseId: 'c_doesnotexist000', judgements: {} })).code).toBe('NOT_FOUND');
    expect((await w.fails('getCaseFileAudit', { ...SAMPLE, framework: 'iso9001' })).details?.issues?.[0]?.path).toBe('framework');
    const person = (await w.call('getCase', { id: first.caseId })).participants[0]!.person;
    await w.as('quality-lead');
    await w.call('saveAuditorReview', { caseId: first.caseId, judgements: {}, notes: `Spoke to ${person.givenName} ${person.familyName} about it.` });
    const refused = await w.fails('saveEvidencePack', { framework: 'rsqm', ...YEAR, format: 'pdf', auditSize: SAMPLE.size });
    expect(refused.code).toBe('PERSONAL_DATA');
    expect(refused.message).not.toContain(person.familyName);
    await w.as('facilitator');
    expect((await w.fails('getCaseFileAudit', SAMPLE)).code).toBe('FORBIDDEN');
    expect((await w.fails('saveAuditorReview', { caseId: first.caseId, judgements: {} })).code).toBe('FORBIDDEN');
  });
});
