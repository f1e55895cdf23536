import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src-main/domain/conferences/attachments';
import type { InputOf } from '../../src-main/ipc/contract';
import { caseworkWorld, type World } from '../support/casebook';

/** The policies register through the registry, as the app and the CLI call it. Today is 16 March 2026. */
const PDF = { name: 'Safeguarding policy v3.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n% safeguarding v3\n') };
const DOCX = { name: 'Safeguarding policy v4.docx', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]) };

function policy(w: World, over: Partial<InputOf<'savePolicy'>> = {}): InputOf<'savePolicy'> {
  return { title: 'Safeguarding adults and children', version: '3', ownerId: w.staff.jo, approvedOn: '2025-03-01', nextReview: '2026-04-01', indicators: ['1.2', '2.5'], ...over };
}

async function auditActions(w: World) {
  await w.as('admin');
  return (await w.service.listAudit({ offset: 0, limit: 500 })).entries;
}

async function policies(w: World) {
  return (await w.call('listPolicies', {})).policies;
}

describe('the policies register', () => {
  it('keeps a policy with its document, lists its review as due soon, and keeps the earlier version when a new one is added', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const saved = await w.call('savePolicy', policy(w));
    expect(saved).toMatchObject({ title: 'Safeguarding adults and children', ownerName: 'Jo Whitfield', status: 'due-soon', daysToReview: 16, history: [] });

    w.files.toPick.push(PDF);
    const attached = await w.call('attachPolicyDocument', { policyId: saved.id });
    expect(attached.policy?.current.document).toMatchObject({ name: PDF.name, type: 'application/pdf', size: PDF.bytes.byteLength });

    const v4 = await w.call('addPolicyVersion', { policyId: saved.id, version: '4', approvedOn: '2026-03-10', nextReview: '2027-03-10' });
    expect(v4.status).toBe('current');
    expect(v4.current).toEqual({ version: '4', approvedOn: '2026-03-10' });
    expect(v4.history).toEqual([{ version: '3', approvedOn: '2025-03-01', document: attached.policy!.current.document }]);
    w.files.toPick.push(DOCX);
    await w.call('attachPolicyDocument', { policyId: saved.id });

    // Everyone may read the register and save a copy of either version's document.
    await w.as('facilitator');
    expect((await policies(w)).map((p) => p.current.document?.name)).toEqual([DOCX.name]);
    await w.call('savePolicyDocument', { policyId: saved.id, version: '3' });
    expect(w.files.last()).toMatchObject({ name: PDF.name, format: 'original' });
    expect(new Uint8Array(w.files.last().bytes)).toEqual(PDF.bytes);

    // Every change is in the audit trail by field name only.
    const audit = await auditActions(w);
    expect(audit.map((e) => `${e.action} ${e.fields.join(',')}`)).toEqual(
      expect.arrayContaining(['policy.add title,version,ownerId,approvedOn,nextReview,indicators', 'policy.document document', 'policy.version version,approvedOn,nextReview', 'policy.document.export document']),
    );
    expect(JSON.stringify(audit)).not.toContain('Safeguarding');
    // The documents are named by the register, so verify finds nothing amiss.
    expect((await w.service.verify()).problems).toEqual([]);
  });

  it('lists overdue reviews first, then by review date', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    await w.call('savePolicy', policy(w, { title: 'Later', nextReview: '2027-01-01' }));
    await w.call('savePolicy', policy(w, { title: 'Overdue', nextReview: '2026-03-15' }));
    await w.call('savePolicy', policy(w, { title: 'Today', nextReview: '2026-03-16' }));
    expect((await policies(w)).map((p) => `${p.title} ${p.status}`)).toEqual(['Overdue overdue', 'Today due-soon', 'Later current']);
  });

  it('is kept by quality leads and administrators only', async () => {
    const w = await caseworkWorld();
    await w.as('facilitator');
    expect((await w.fails('savePolicy', policy(w))).code).toBe('FORBIDDEN');
    await w.as('manager');
    expect((await w.fails('savePolicy', policy(w))).message).toMatch(/Only administrators and quality leads may keep the policies register/);
  });

  const proto = JSON.parse('{"__proto__":{"admin":true}}') as object;
  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a huge title', { title: 'x'.repeat(100_000) }, 'title'],
    ['an owner given as a number', { ownerId: 5 }, 'ownerId'],
    ['an owner not on the staff list', { ownerId: 's_nobody000000' }, 'ownerId'],
    ['approval in the future', { approvedOn: '2026-03-17' }, 'approvedOn'],
    ['a review before approval', { nextReview: '2025-02-28' }, 'nextReview'],
    ['29 February in a common year', { nextReview: '2027-02-29' }, 'nextReview'],
    ['an indicator that is not a number', { indicators: ['2.1', 'two'] }, 'indicators.1'],
    ['a script tag as an indicator', { indicators: ['<script>alert(1)</script>'] }, 'indicators.0'],
    ['indicators as text', { indicators: '2.1' }, 'indicators'],
    ['an unknown field', { extra: 1 }, ''],
    ['__proto__', proto, ''],
  ])('refuses %s, naming the field, and stores nothing', async (_, over, field) => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const e = await w.fails('savePolicy', { ...policy(w), ...over } as never);
    expect(e.code).toBe('INVALID_INPUT');
    if (field) expect(e.details?.issues?.map((i) => i.path)).toContain(field);
    else expect(e.message).toMatch(/Unknown field/);
    expect(await policies(w)).toEqual([]);
  });

  it('keeps a title with a script tag as plain text, never as markup', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    await w.call('savePolicy', policy(w, { title: '<script>alert(1)</script>' }));
    expect((await policies(w))[0]?.title).toBe('<script>alert(1)</script>');
  });

  it('refuses a second policy with the same title, and a version number used before', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const p = await w.call('savePolicy', policy(w));
    expect((await w.fails('savePolicy', policy(w, { title: 'SAFEGUARDING adults and children' }))).details?.issues?.[0]?.path).toBe('title');
    const e = await w.fails('addPolicyVersion', { policyId: p.id, version: '3', approvedOn: '2026-03-01', nextReview: '2027-03-01' });
    expect(e.details?.issues?.[0]?.path).toBe('version');
    const before = await w.fails('addPolicyVersion', { policyId: p.id, version: '4', approvedOn: '2025-01-01', nextReview: '2027-03-01' });
    expect(before.details?.issues?.[0]?.path).toBe('approvedOn');
    expect((await policies(w))[0]?.history).toEqual([]);
  });

  it.each([
    ['a text file', { name: 'policy.txt', bytes: new TextEncoder().encode('hello') }],
    ['an image renamed .pdf', { name: 'policy.pdf', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]) }],
    ['an empty file', { name: 'policy.pdf', bytes: new Uint8Array(0) }],
    ['a file over the limit', { name: 'policy.pdf', bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x25) }],
  ])('refuses %s as the document, naming the field, and stores nothing', async (_, file) => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const p = await w.call('savePolicy', policy(w));
    w.files.toPick.push(file);
    const e = await w.fails('attachPolicyDocument', { policyId: p.id });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details?.issues?.[0]?.path).toBe('document');
    expect((await policies(w))[0]?.current.document).toBeUndefined();
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const w = await caseworkWorld();
    await w.as('quality-lead');
    const p = await w.call('savePolicy', policy(w));
    w.files.toPick.push(undefined);
    expect(await w.call('attachPolicyDocument', { policyId: p.id })).toEqual({ picked: false });
  });

  it('is named by verify when a document it names has gone missing', async () => {
    const w = await caseworkWorld();
    const p = await w.call('savePolicy', policy(w));
    w.files.toPick.push(PDF);
    const ref = (await w.call('attachPolicyDocument', { policyId: p.id })).policy!.current.document!.ref;
    await rm(join(w.dir, 'attachments', `${ref}.cbk`));
    const problems = (await w.service.verify()).problems;
    expect(problems).toContainEqual({ file: 'registers/policies.cbk', message: `it names an attachment that is missing (attachments/${ref}.cbk)` });
  });

  it('keeps its documents readable after the casebook’s key is changed', async () => {
    const w = await caseworkWorld();
    const p = await w.call('savePolicy', policy(w));
    w.files.toPick.push(PDF);
    await w.call('attachPolicyDocument', { policyId: p.id });
    const oldRef = (await policies(w))[0]!.current.document!.ref;
    await w.service.rotateDataKey({ passphrase: 'correct horse battery staple', others: [] });
    const after = (await policies(w))[0]!.current.document!;
    expect(after.ref).not.toBe(oldRef);
    await w.call('savePolicyDocument', { policyId: p.id });
    expect(new Uint8Array(w.files.last().bytes)).toEqual(PDF.bytes);
    expect((await w.service.verify()).problems).toEqual([]);
  });
});
