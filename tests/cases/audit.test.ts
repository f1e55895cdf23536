import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-main/domain/casebook/audit';
import { applyAll, caseworkWorld, HARMED, people, referral, RESPONSIBLE } from '../support/casebook';
import { steps } from '../support/steps';

describe('the audit trail of casework', () => {
  it('records every change with the names of the fields changed, never their values or anyone taking part', async () => {
    const w = await caseworkWorld();
    const start = (await w.service.listAudit({ offset: 0, limit: 500 })).total;
    const v0 = await w.call('createReferral', { referral: referral({ sensitive: ['hate-crime'] }), duplicatesSeen: false });
    const s = steps(await w.call('getCaseworkReference', {}));
    const p = people(v0);
    const commands = [
      { type: 'advance' },
      { type: 'assign-team', leadId: w.staff.alex, coFacilitatorId: w.staff.sian },
      { type: 'update-person', participantId: p.harmed, person: { ...HARMED, phone: '07700 900999', pronouns: 'she/her' } },
      s.contact(p.harmed),
      s.assess(p.harmed, 'harmed'),
      s.consentAll(p.harmed)[0]!,
      { type: 'withdraw-consent', participantId: p.harmed, on: '2026-03-13', reason: 'Siân Evans is frightened of Łukasz Kowalski' },
      { type: 'update-referral', changes: { offenceDescription: 'Racist graffiti on the front door of Siân Evans' } },
      { type: 'set-notes', notes: 'Kowalski lives two streets away.' },
    ] as const;
    const v = await applyAll(w, v0, [...commands]);
    expect(v.case.revision).toBe(1 + commands.length);

    const { entries } = await w.service.listAudit({ offset: 0, limit: 500 });
    const mine = entries.slice(0, entries.length - start).reverse();
    const forCase = mine.filter((e) => e.entity.id === v.case.id);
    expect(forCase.map((e) => e.action)).toEqual(['case.create', ...commands.map((c) => `case.${c.type}`)]);
    const fields = Object.fromEntries(forCase.map((e: AuditEntry) => [e.action, e.fields]));
    expect(fields['case.create']).toEqual(expect.arrayContaining(['participants', 'referral.source', 'referral.offenceDate', 'referral.sensitive']));
    expect(fields['case.advance']).toEqual(['stage']);
    expect(fields['case.assign-team']).toEqual(['coFacilitatorId', 'leadFacilitator', 'leadFacilitatorId']);
    expect(fields['case.update-person']).toEqual(['participants.person.phone', 'participants.person.pronouns']);
    expect(fields['case.record-contact']).toEqual(['participants.contacts']);
    expect(fields['case.assess-risk']).toEqual(['participants.risk']);
    expect(fields['case.record-consent']).toEqual(['participants.consent']);
    expect(fields['case.withdraw-consent']).toEqual(['participants.consent']);
    expect(fields['case.update-referral']).toEqual(['referral.offenceDescription']);
    expect(fields['case.set-notes']).toEqual(['notes']);
    for (const e of forCase) expect(e).toMatchObject({ userName: 'Jo Whitfield', entity: { type: 'case', id: v.case.id } });

    // No value from the case reaches the trail: names, phone numbers, descriptions, notes.
    const trail = JSON.stringify(entries);
    for (const secret of [HARMED.givenName, HARMED.familyName, RESPONSIBLE.givenName, RESPONSIBLE.familyName, 'Siân', 'Evans', 'Kowalski', '07700', 'graffiti', 'streets', 'PC Amrit Gill', 'bicycles', HARMED.dateOfBirth]) {
      expect(trail, secret).not.toContain(secret);
    }
  });

  it('records staff and settings changes, and nothing for a refused change', async () => {
    const w = await caseworkWorld();
    const list = await w.call('saveStaffMember', { name: 'Ama Owusu', role: 'facilitator', level: 'foundation', active: true });
    const ama = list.find((m) => m.name === 'Ama Owusu')!;
    await w.call('saveStaffMember', { ...ama, level: 'advanced', active: false });
    await w.call('updateCaseworkSettings', { riskApproverRole: 'coordinator', referencePrefix: 'RJ' });
    const before = (await w.service.listAudit({ offset: 0, limit: 500 })).total;
    await w.fails('applyCaseCommand', { caseId: 'c_doesnotexist00', revision: 1, command: { type: 'advance' } });
    await w.fails('createReferral', { referral: referral({ offenceDate: '2030-01-01' }), duplicatesSeen: false });
    const { entries, total } = await w.service.listAudit({ offset: 0, limit: 500 });
    expect(total).toBe(before);
    const [settings, update, add] = entries;
    expect(settings).toMatchObject({ action: 'casework-settings.update', fields: ['riskApproverRole'] });
    expect(update).toMatchObject({ action: 'staff.update', entity: { type: 'staff', id: ama.id }, fields: ['level', 'active'] });
    expect(add).toMatchObject({ action: 'staff.add', entity: { type: 'staff', id: ama.id }, fields: ['name', 'role', 'level', 'active'] });
    expect(JSON.stringify(entries.slice(0, 3))).not.toContain('Owusu');
  });
});
