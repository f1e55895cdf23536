import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-main/domain/cases/case';
import { SubjectAccessBundleSchema, type SubjectAccessBundle } from '../../src-main/domain/data-protection/subject-access/bundle-schema';
import { fold } from '../../src-main/domain/shared/fold';
import { caseworkWorld, referral, type World } from '../support/casebook';
import { textOfPdf } from '../../src-main/documents/text/pdf-text';
import { pdfText } from '../support/pdf-text';
import { putRequest, readRequest } from '../support/subject-access';

const seeder = (w: World) => ({ service: w.service });
const seedRequest = (w: World, r: Parameters<typeof putRequest>[1]) => putRequest(seeder(w), r);

/**
 * The subject access bundle through the contract over a real casebook: a person from a demo
 * case with a full history, put into a second case of their own with other people; the bundle
 * holds every record of theirs (compared with the case records) and no other participant's
 * name in any form, in the PDF and in the JSON; saving it is logged without a name.
 */
async function world(): Promise<{ w: World; mine: Case[]; requestId: string; name: string }> {
  const w = await caseworkWorld();
  await w.service.addDemoCases({ count: 12, seed: 'sar' });
  const rows = await w.call('listCases', {});
  const full = await Promise.all(rows.map((r) => w.call('getCase', { id: r.id })));
  // The demo case with the most on its harmed person: consent, risk, contacts, feedback.
  const rich = full.filter((c) => c.participants.some((p) => p.role === 'harmed')).sort((a, b) => score(b) - score(a))[0]!;
  const me = rich.participants.find((p) => p.role === 'harmed')!;
  const second = await w.call('createReferral', {
    duplicatesSeen: true,
    referral: {
      source: 'police',
      referrerName: 'PC Dorota Wiśniewska',
      receivedOn: '2026-03-10',
      offenceCategory: 'criminal-damage',
      offenceDescription: `Garden wall pushed over. ${me.person.givenName} says Ifeoma Okonkwo-Blake was seen nearby; Ifeoma's phone is 07700 900456.`,
      cjsStage: 'out-of-court',
      priority: 'routine',
      participants: [
        { role: 'harmed', person: { givenName: me.person.givenName, familyName: me.person.familyName, ...(me.person.dateOfBirth ? { dateOfBirth: me.person.dateOfBirth } : {}) } },
        { role: 'responsible', person: { givenName: 'Ifeoma', familyName: 'Okonkwo-Blake', preferredName: 'Ify', dateOfBirth: '2001-02-03', phone: '07700 900456', email: 'ify@example.org' } },
        { role: 'supporter', person: { givenName: 'Zoë', familyName: 'Ó Briain', address: '12 Hawthorn Close, Leeds LS6 2AB' } },
      ],
    },
  });
  const mine = [rich, second.case];
  const name = `${me.person.givenName} ${me.person.familyName}`;
  const requestId = await seedRequest(w, { receivedOn: '2026-03-12', name, ...(me.person.dateOfBirth ? { dateOfBirth: me.person.dateOfBirth } : {}), caseIds: mine.map((c) => c.id) });
  return { w, mine, requestId, name };
}

function score(c: Case): number {
  const p = c.participants.find((x) => x.role === 'harmed');
  return (p?.consent?.length ?? 0) + (p?.risk?.length ?? 0) + (p?.contacts?.length ?? 0) + (c.feedback?.some((f) => f.participantId === p?.id) ? 5 : 0) + (c.agreement ? 3 : 0);
}

/** Every way another participant's name may be written: each part, whole, folded, in capitals. */
function variants(c: Case, requesterName: string): string[] {
  const own = new Set(fold(requesterName).split(/\s+/));
  const out: string[] = [];
  for (const p of c.participants) {
    const q = p.person;
    const parts = [q.givenName, q.familyName, q.preferredName].filter((x): x is string => !!x && !own.has(fold(x)));
    for (const n of [...parts, `${q.givenName} ${q.familyName}`]) out.push(n, fold(n), n.toUpperCase());
  }
  return out.filter((n) => n.length > 2 && !own.has(fold(n)));
}

function others(mine: Case[], name: string): string[] {
  return mine.flatMap((c) => variants({ ...c, participants: c.participants.filter((p) => `${p.person.givenName} ${p.person.familyName}` !== name) }, name)).concat(['Dorota', 'Wiśniewska', 'WISNIEWSKA', '07700 900456', 'ify@example.org', 'LS6 2AB', '2001']);
}

describe('the subject access bundle', () => {
  it('previews every case with the records about the person and lists each redaction', async () => {
    const { w, mine, requestId, name } = await world();
    const p = await w.call('previewSubjectAccessBundle', { requestId });
    expect(p.name).toBe(name);
    expect(p.cases.map((c) => c.reference).sort()).toEqual(mine.map((c) => c.reference).sort());
    const second = p.cases.find((c) => c.reference === mine[1]!.reference)!;
    expect(second.sections.find((s) => s.id === 'people')?.count).toBe(2);
    expect(p.redactions).toEqual(expect.arrayContaining([
      { case: mine[1]!.reference, where: 'Other people in the case: name, date of birth and contact details', kind: 'person', label: '[the other party]' },
      { case: mine[1]!.reference, where: 'Other people in the case: name, date of birth and contact details', kind: 'person', label: '[a supporter]' },
      expect.objectContaining({ case: mine[1]!.reference, kind: 'name', label: '[the other party]', where: 'About the case, what happened' }),
      expect.objectContaining({ kind: 'phone', label: '[phone number]' }),
    ]));
    expect(JSON.stringify(p)).not.toMatch(/Ifeoma|Okonkwo|07700 900456/);
  });

  it('holds everything the case records hold about the person, and nobody else, in the JSON', async () => {
    const { w, mine, requestId, name } = await world();
    const r = await w.call('saveSubjectAccessBundle', { requestId, format: 'json' });
    expect(r).toMatchObject({ saved: true, fileName: `subject-access-${requestId}.json`, cases: 2 });
    const text = new TextDecoder().decode(w.files.last().bytes);
    const b: SubjectAccessBundle = SubjectAccessBundleSchema.parse(JSON.parse(text));
    expect(b).toMatchObject({ format: 'rj-casebook.subject-access-bundle', version: 1, request: { number: requestId, name } });
    for (const c of mine) {
      const me = c.participants.find((p) => `${p.person.givenName} ${p.person.familyName}` === name)!;
      const got = b.cases.find((x) => x.reference === c.reference)!;
      const count = (id: string) => got.sections.find((s) => s.id === id)?.entries.length ?? 0;
      expect(count('consent')).toBe(me.consent?.length ?? 0);
      expect(count('risk')).toBe(me.risk?.length ?? 0);
      expect(count('contacts')).toBe(me.contacts?.length ?? 0);
      expect(count('feedback')).toBe(c.feedback?.filter((f) => f.participantId === me.id).length ?? 0);
      expect(count('agreement')).toBe(c.agreement?.actions.filter((a) => a.byParticipantId === me.id).length ?? 0);
      expect(count('conferences')).toBe(c.conferenceRecords?.filter((x) => x.attendedIds.includes(me.id)).length ?? 0);
      expect(count('people')).toBe(c.participants.length - 1);
      expect(count('audit')).toBeGreaterThan(0);
      // Their own record in full.
      const you = got.sections.find((s) => s.id === 'you')!.entries[0]!;
      expect(you.facts).toEqual(expect.arrayContaining([{ name: 'Given name', value: me.person.givenName }, { name: 'Family name', value: me.person.familyName }]));
      if (me.person.phone) expect(you.facts).toContainEqual({ name: 'Phone', value: me.person.phone });
    }
    for (const n of others(mine, name)) expect(fold(text), n).not.toContain(fold(n));
  });

  it('saves a readable PDF naming nobody else, logged on the request and in the audit trail without a name', async () => {
    const { w, mine, requestId, name } = await world();
    const r = await w.call('saveSubjectAccessBundle', { requestId, format: 'pdf' });
    expect(r.saved).toBe(true);
    expect(r.pages).toBeGreaterThan(2);
    const text = pdfText(w.files.last().bytes);
    for (const heading of ['Your information: subject access request', 'What is included', 'How other people’s information is shown', `Case ${mine[0]!.reference}`, 'Your details', 'Your consent', 'Contacts with you']) expect(text).toContain(heading);
    expect(text).toContain(name);
    expect(text).toContain('[the other party]');
    const flat = fold(text.replace(/\s+/g, ' '));
    for (const n of others(mine, name)) expect(flat, n).not.toContain(fold(n));
    const audit = (await w.service.listAudit({ offset: 0, limit: 5 })).entries.find((e) => e.action === 'sar.bundle');
    expect(audit).toMatchObject({ entity: { type: 'subject-access', id: requestId }, fields: ['format:pdf', 'cases:2', `redactions:${r.redactions}`] });
    expect(JSON.stringify(audit)).not.toContain(mine[0]!.participants[0]!.person.familyName);
    expect((await readRequest(seeder(w), requestId))?.bundles).toEqual([{ savedOn: '2026-03-16', format: 'pdf', by: w.adminId }]);
  });

  it('protects the PDF with a password when asked', async () => {
    const { w, requestId } = await world();
    const r = await w.call('saveSubjectAccessBundle', { requestId, format: 'pdf', password: 'a long password' });
    expect(r.saved).toBe(true);
    const bytes = w.files.last().bytes;
    await expect(textOfPdf(bytes)).rejects.toThrow(/protected with a password/);
    expect((await textOfPdf(bytes, 'a long password')).map((p) => p.text).join('\n')).toContain('Your information: subject access request');
    expect((await w.fails('saveSubjectAccessBundle', { requestId, format: 'json', password: 'a long password' })).code).toBe('INVALID_INPUT');
  });

  it('refuses to save a bundle that would still name someone else, saying where and never who', async () => {
    const w = await caseworkWorld();
    const v = await w.call('createReferral', { referral: referral({ referrerOrganisation: 'Kowalski Family Support' }), duplicatesSeen: true });
    const requestId = await seedRequest(w, { receivedOn: '2026-03-12', name: 'Siân Evans', caseIds: [v.case.id] });
    const saved = w.files.saved.length;
    const e = await w.fails('saveSubjectAccessBundle', { requestId, format: 'pdf' });
    expect(e).toMatchObject({ code: 'PERSONAL_DATA', message: expect.stringMatching(/^The bundle was not saved: something about another person is still in it \(page 2: a name\)/) });
    expect(e.message).not.toContain('Kowalski');
    expect((await w.fails('saveSubjectAccessBundle', { requestId, format: 'json' })).message).toMatch(/\(the JSON file: a name\)/);
    expect(w.files.saved.length).toBe(saved);
  });

  it('asks for the cases to be ticked first, and is for administrators and coordinators only', async () => {
    const { w } = await world();
    const none = await seedRequest(w, { receivedOn: '2026-03-12', name: 'Nobody Yet' });
    const e = await w.fails('previewSubjectAccessBundle', { requestId: none });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Tick the cases that are this person’s first/) });
    expect((await w.fails('previewSubjectAccessBundle', { requestId: 'sar_doesnotexist' })).code).toBe('NOT_FOUND');
    await w.as('facilitator');
    expect((await w.fails('previewSubjectAccessBundle', { requestId: none })).code).toBe('FORBIDDEN');
  });
});
