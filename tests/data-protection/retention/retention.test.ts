import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apply, applyAll, caseworkWorld, PASS, people, referral, type World } from '../../support/casebook';
import { toConsentStage } from '../../support/journeys';
import { steps } from '../../support/steps';
import { caseUntil } from '../../support/process';
import { dataKey, everyCopy, found } from './scan';

/**
 * Retention through the real service: the review from the case list, a second person's
 * approval, and after anonymising or deleting, no copy the app keeps (store files, backups,
 * the audit trail, the export) still holds the person.
 */
const PERSON = ['Evans', 'Kowalski', '07700 900123', '1980-05-01', '1999-11-30', 'Siân Evans', 'Łukasz', 'Shed broken into', 'PC Amrit Gill'];

/** A case received in 2018 and closed on 3 March 2019: due under the adult rule on 3 March 2026 (today is 16 March 2026). */
async function closedCase(w: World, over: Parameters<typeof referral>[0] = {}, closedOn = '2019-03-03') {
  const v = await caseUntil(w, 'process', { referral: { receivedOn: '2018-01-10', offenceDate: '2018-01-01', ...over } });
  return apply(w, v, { type: 'close', closure: { outcome: 'completed-without-agreement', closedOn, summary: 'Siân Evans met Łukasz Kowalski; all went well.' } });
}

const FIGURES = [
  { from: '2018-01-01', to: '2018-12-31' },
  { from: '2019-01-01', to: '2019-12-31' },
  { from: '2018-01-01', to: '2026-03-16' },
];

async function figures(w: World) {
  return Promise.all(FIGURES.map((p) => w.call('getFigures', p)));
}

describe('retention review', () => {
  it('lists a closed case once its period has passed, with the rule and why, and not an open one', async () => {
    const w = await caseworkWorld();
    const c = await closedCase(w);
    await w.call('createReferral', { referral: referral(), duplicatesSeen: true });
    const r = await w.call('reviewRetention', {});
    expect(r.at).toBe('2026-03-16');
    expect(r.approvalNeeded).toBe(true);
    expect(r.items).toEqual([
      expect.objectContaining({ record: { kind: 'case', id: c.case.id }, label: c.case.reference, kind: 'adult-case', due: '2026-03-03', daysOverdue: 13, why: 'Adult case closed 3 March 2019: kept 7 years, due 3 March 2026', actions: ['anonymise', 'delete', 'keep'] }),
    ]);
    expect((await w.call('reviewRetention', { at: '2026-03-02' })).items).toEqual([]);
    // Facilitators do not see it.
    await w.as('facilitator');
    expect((await w.fails('reviewRetention', {})).code).toBe('FORBIDDEN');
  });
});

describe('anonymising a case with a second person', () => {
  it('needs someone else to approve; afterwards no copy holds the person, figures are unchanged and verify passes', async () => {
    const w = await caseworkWorld();
    const c = await closedCase(w);
    const other = await w.call('createReferral', { referral: referral({ referrerName: 'PC Dana Lowe', offenceDescription: 'Window smashed.', participants: [{ role: 'harmed', person: { givenName: 'Ama', familyName: 'Owusu' } }] }), duplicatesSeen: true });
    await w.call('createBackup', {});
    const before = await figures(w);

    const proposed = await w.call('proposeRetention', { record: { kind: 'case', id: c.case.id }, action: 'anonymise', reason: 'Past the 7-year period; no reason to keep.' });
    expect(proposed.outcome).toBe('proposed');
    expect(proposed.message).toContain('A second person must approve it');
    const pending = (await w.call('reviewRetention', {})).pending;
    expect(pending).toEqual([expect.objectContaining({ label: c.case.reference, action: 'anonymise', proposedByName: 'Jo Whitfield', canDecide: false })]);
    // The same person cannot approve their own proposal, and it cannot be proposed twice.
    expect(await w.fails('decideRetention', { proposalId: pending[0]!.id, decision: 'approve' })).toMatchObject({ code: 'FORBIDDEN', message: 'You proposed this, so someone else must approve or refuse it.' });
    expect((await w.fails('proposeRetention', { record: { kind: 'case', id: c.case.id }, action: 'delete', reason: 'x' })).code).toBe('CONFLICT');
    // Nothing has changed yet.
    expect((await w.call('getCaseView', { id: c.case.id })).case.participants[0]!.person.familyName).toBe('Evans');

    await w.as('quality-lead');
    const review = await w.call('reviewRetention', {});
    expect(review.pending[0]!.canDecide).toBe(true);
    const done = await w.call('decideRetention', { proposalId: review.pending[0]!.id, decision: 'approve' });
    expect(done.outcome).toBe('applied');
    expect(done.message).toContain(`Case ${c.case.reference} was anonymised`);
    expect(done.message).toContain('older backups, which still held the case as it was, were removed');
    expect(done.backups?.removed).toBeGreaterThanOrEqual(2);

    const v = await w.call('getCaseView', { id: c.case.id });
    expect(v.case.participants.map((p) => `${p.person.givenName} ${p.person.familyName}`)).toEqual(['Person harmed Anonymised', 'Person responsible Anonymised']);
    expect(v.case.referral).toMatchObject({ offenceCategory: c.case.referral.offenceCategory, source: c.case.referral.source, receivedOn: '2018-01-10', offenceDescription: '' });
    expect(v.case.closure).toMatchObject({ outcome: 'completed-without-agreement', closedOn: '2019-03-03' });
    expect(await figures(w)).toEqual(before);
    // It is not listed again, and cannot be changed.
    expect((await w.call('reviewRetention', {})).items).toEqual([]);
    expect((await w.call('reviewRetention', {})).recent).toEqual([expect.objectContaining({ reference: c.case.reference, action: 'anonymise', rule: 'adult-case', proposedBy: 'Jo Whitfield', approvedBy: 'Quinn Lead' })]);
    await w.as('admin');
    expect((await w.fails('applyCaseCommand', { caseId: c.case.id, revision: v.case.revision, command: { type: 'set-notes', notes: 'x' } })).code).toBe('CONFLICT');

    await w.call('exportCases', {});
    const exported = Buffer.from(w.files.last().bytes).toString('utf8');
    expect(exported).toContain('Ama');
    expect(PERSON.filter((n) => exported.includes(n))).toEqual([]);
    const copies = await everyCopy(w.dir, await dataKey(w.dir, w.adminId, PASS));
    expect(found(copies, PERSON)).toEqual([]);
    // The other case is untouched.
    expect(found(copies, ['Owusu']).length).toBeGreaterThan(0);
    expect((await w.call('getCaseView', { id: other.case.id })).case.participants[0]!.person.familyName).toBe('Owusu');
    expect(await w.call('verifyStore', {})).toMatchObject({ ok: true, problems: [] });
    const trail = [...copies].filter(([k]) => k.startsWith('audit/')).map(([, t]) => t).join('\n');
    expect(trail).toContain('retention.propose');
    expect(trail).toContain('retention.approve');
    expect(trail).toContain('retention.apply');
    expect(trail).toContain('rule:adult-case');
  });
});

describe('deleting a case', () => {
  it('removes its file and row, keeps a tombstone, and says the figures may change', async () => {
    const w = await caseworkWorld();
    const c = await closedCase(w);
    await w.call('createBackup', {});
    await w.call('proposeRetention', { record: { kind: 'case', id: c.case.id }, action: 'delete', reason: 'Past its period.' });
    await w.as('manager');
    const pending = (await w.call('reviewRetention', {})).pending;
    const done = await w.call('decideRetention', { proposalId: pending[0]!.id, decision: 'approve' });
    expect(done.message).toContain('The figures no longer count it, so figures for the periods it was in may change.');
    expect((await w.fails('getCaseView', { id: c.case.id })).code).toBe('NOT_FOUND');
    expect((await w.call('queryCaseload', {})).total).toBe(0);
    const r = await w.call('reviewRetention', {});
    expect(r.recent).toEqual([expect.objectContaining({ caseId: c.case.id, reference: c.case.reference, action: 'delete', receivedOn: '2018-01-10', endedOn: '2019-03-03', rule: 'adult-case', approvedBy: 'Şükrü Yılmaz' })]);
    const copies = await everyCopy(w.dir, await dataKey(w.dir, w.adminId, PASS));
    expect(found(copies, PERSON)).toEqual([]);
    await w.as('admin');
    expect(await w.call('verifyStore', {})).toMatchObject({ ok: true, problems: [] });
  });

  it('a refusal changes nothing and leaves it on the list', async () => {
    const w = await caseworkWorld();
    const c = await closedCase(w);
    await w.call('proposeRetention', { record: { kind: 'case', id: c.case.id }, action: 'delete', reason: 'Past its period.' });
    await w.as('quality-lead');
    const pending = (await w.call('reviewRetention', {})).pending;
    expect((await w.fails('decideRetention', { proposalId: pending[0]!.id, decision: 'refuse' })).code).toBe('INVALID_INPUT');
    const r = await w.call('decideRetention', { proposalId: pending[0]!.id, decision: 'refuse', refusal: 'A complaint about this case is still open.' });
    expect(r.outcome).toBe('refused');
    const after = await w.call('reviewRetention', {});
    expect(after.pending).toEqual([]);
    expect(after.items.map((i) => i.label)).toEqual([c.case.reference]);
  });
});

describe('keeping a record', () => {
  it('with the setting off, is done at once and listed again from the new review date', async () => {
    const w = await caseworkWorld();
    const c = await closedCase(w);
    await w.call('updateCaseworkSettings', { retentionNeedsApproval: false });
    expect((await w.fails('proposeRetention', { record: { kind: 'case', id: c.case.id }, action: 'keep', reason: 'Civil claim pending.' })).code).toBe('INVALID_INPUT');
    expect((await w.fails('proposeRetention', { record: { kind: 'case', id: c.case.id }, action: 'keep', reason: 'Civil claim pending.', until: '2026-03-16' })).code).toBe('INVALID_INPUT');
    const r = await w.call('proposeRetention', { record: { kind: 'case', id: c.case.id }, action: 'keep', reason: 'Civil claim pending.', until: '2027-01-31' });
    expect(r).toMatchObject({ outcome: 'applied', message: `${c.case.reference} is kept until 31 January 2027, when it will be listed for review again.` });
    expect((await w.call('reviewRetention', {})).items).toEqual([]);
    const later = await w.call('reviewRetention', { at: '2027-01-31' });
    expect(later.items[0]).toMatchObject({ due: '2027-01-31', why: 'Adult case closed 3 March 2019: kept 7 years, due 3 March 2026; kept on 16 March 2026 until 31 January 2027' });
  });

  it('refuses a record that is not due yet', async () => {
    const w = await caseworkWorld();
    const c = await closedCase(w, {}, '2020-01-01');
    const e = await w.fails('proposeRetention', { record: { kind: 'case', id: c.case.id }, action: 'anonymise', reason: 'Tidy up.' });
    expect(e.message).toContain('is not due for review until 1 January 2027');
  });
});

describe('attachments', () => {
  it('anonymising removes the letters attached to the case, from the store and every backup', async () => {
    const letter = Buffer.from('%PDF-1.7 Annwyl Siân, mae’n ddrwg gennyf.');
    const toPick = [{ name: 'llythyr-sian.pdf', bytes: letter }];
    const w = await caseworkWorld({ filePicker: { pick: async () => toPick.shift() } });
    let v = await w.call('createReferral', { referral: referral({ receivedOn: '2018-01-10', offenceDate: '2018-01-01' }), duplicatesSeen: true });
    v = await toConsentStage(w, v, { lead: w.staff.jo });
    const s = steps(await w.call('getCaseworkReference', {}));
    const p = people(v);
    v = await applyAll(w, v, [s.signOff(p.harmed), s.signOff(p.responsible), { type: 'advance', processKind: 'indirect', processForm: 'letter-exchange' }]);
    const logged = await w.call('logWithAttachment', { caseId: v.case.id, revision: v.case.revision, entry: { on: '2026-03-16', medium: 'letter', fromParticipantId: p.responsible, toParticipantId: p.harmed, viaStaffId: v.case.leadFacilitatorId!, summary: 'Letter of apology.' } });
    v = await apply(w, logged.view!, { type: 'close', closure: { outcome: 'completed-without-agreement', closedOn: '2019-03-03', summary: 'Letters exchanged.' } });
    await w.call('createBackup', {});
    expect(await readdir(join(w.dir, 'attachments'))).toHaveLength(1);
    await w.call('updateCaseworkSettings', { retentionNeedsApproval: false });

    const r = await w.call('proposeRetention', { record: { kind: 'case', id: v.case.id }, action: 'anonymise', reason: 'Past its period.' });
    expect(r.message).toContain('free text and its attachment were removed');
    expect(await readdir(join(w.dir, 'attachments'))).toEqual([]);
    const copies = await everyCopy(w.dir, await dataKey(w.dir, w.adminId, PASS));
    expect(found(copies, ['Annwyl', 'llythyr', ...PERSON])).toEqual([]);
    expect(await w.call('verifyStore', {})).toMatchObject({ ok: true, problems: [] });
  });
});
