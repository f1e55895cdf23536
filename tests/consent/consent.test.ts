import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-main/domain/cases/case';
import { consentHistory, consentState, consentSummary, currentConsent, recordConsent, requiredElements, withdrawConsent, type ConsentContext, type RecordConsentInput } from '../../src-main/domain/consent/consent';
import { applyCommand } from '../../src-main/domain/cases/workflow';
import { ctx as signedIn, elements, HARMED, newCase, NOW, RESPONSIBLE, signedBy, TODAY } from '../support/case-fixtures';

const ctx: ConsentContext = { today: TODAY, now: NOW, elements };
/** Consent is taken by Siân Prydderch (s_facil1), signed in, unless a test says otherwise. */
const FACIL = signedBy('s_facil1');
const CHILD = { id: 'p_child001', role: 'responsible' as const, person: { givenName: 'Şükrü', familyName: 'Demir', dateOfBirth: '2010-02-28' } };
const PARENT = { id: 'p_parent1', role: 'parent-guardian' as const, person: { givenName: 'Ayşe', familyName: 'Demir' } };

function give(c: Case, participantId: string, over: Partial<RecordConsentInput> = {}): Case {
  let cur = c;
  for (const e of elements) {
    const r = recordConsent(cur, { participantId, elementId: e.id, status: 'given', on: '2026-03-10', method: 'signed-form', ...over }, ctx, FACIL);
    if (!r.ok) throw new Error(r.reason);
    cur = { ...cur, participants: cur.participants.map((p) => (p.id === participantId ? r.value : p)) };
  }
  return cur;
}

describe('the ten elements', () => {
  it('are loaded from the template in order', () => {
    expect(elements.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(elements[9]).toMatchObject({ id: 'signatures', parentGuardianForUnder18: true });
  });

  it('are required per role; feedback contact is a preference that never blocks', () => {
    expect(requiredElements(elements, 'harmed').map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(requiredElements(elements, 'supporter').map((e) => e.number)).toEqual([1, 2, 3, 5, 6, 8, 10]);
    expect(requiredElements(elements, 'other').map((e) => e.number)).toEqual([1, 2, 3, 6, 8, 10]);
  });
});

describe('recording consent', () => {
  it('goes from none to partial to complete', () => {
    let c = newCase();
    expect(consentState(c.participants[0]!, elements, TODAY)).toBe('none');
    const r = recordConsent(c, { participantId: HARMED.id, elementId: 'voluntary', status: 'given', on: TODAY, method: 'recorded-verbal' }, ctx, FACIL);
    expect(r.ok && consentState(r.value, elements, TODAY)).toBe('partial');
    c = give(c, HARMED.id);
    expect(consentState(c.participants[0]!, elements, TODAY)).toBe('complete');
  });

  it('keeps every change as a new version', () => {
    let c = give(newCase(), HARMED.id);
    const r = recordConsent(c, { participantId: HARMED.id, elementId: 'voluntary', status: 'declined', on: TODAY, method: 'recorded-verbal', reason: 'Wants to think again.' }, ctx, signedBy('s_facil2'));
    expect(r.ok).toBe(true);
    if (r.ok) c = { ...c, participants: [r.value, RESPONSIBLE] };
    const h = consentHistory(c.participants[0]!, 'voluntary');
    expect(h.map((e) => [e.version, e.status, e.takenBy])).toEqual([
      [1, 'given', 's_facil1'],
      [2, 'declined', 's_facil2'],
    ]);
    expect(currentConsent(c.participants[0]!).get('voluntary')?.status).toBe('declined');
    expect(consentSummary(c.participants[0]!, elements, TODAY)).toMatchObject({ state: 'partial', declined: ['voluntary'], missing: ['voluntary'] });
  });

  it('records a withdrawal with its date and optional reason, and shows it above all else', () => {
    const c = give(newCase(), HARMED.id);
    const r = withdrawConsent(c, { participantId: HARMED.id, on: TODAY }, ctx, FACIL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(consentState(r.value, elements, TODAY)).toBe('withdrawn');
    const last = r.value.consent!.at(-1)!;
    expect(last).toMatchObject({ status: 'withdrawn', on: TODAY, version: 2, recordedAt: NOW });
    expect(last.reason).toBeUndefined();
    // Everything given was withdrawn, including the feedback preference.
    expect(r.value.consent!.filter((e) => e.status === 'withdrawn')).toHaveLength(10);
    const partly = withdrawConsent(c, { participantId: HARMED.id, on: TODAY, elementIds: ['feedback-contact', 'feedback-contact'], reason: 'No more calls, please.' }, ctx, FACIL);
    expect(partly.ok && partly.value.consent!.filter((e) => e.status === 'withdrawn').map((e) => e.elementId)).toEqual(['feedback-contact']);
  });

  it('needs a parent or guardian to co-sign for an under-18', () => {
    let c = newCase({ participants: [HARMED, CHILD, PARENT] });
    const sign: RecordConsentInput = { participantId: CHILD.id, elementId: 'signatures', status: 'given', on: TODAY, method: 'signed-form' };
    const r = recordConsent(c, sign, ctx, FACIL);
    expect(!r.ok && r.reason).toMatch(/Şükrü is under 18, so element 10 \(Signature and date\) also needs a parent's or guardian's signature/);
    expect(recordConsent(c, { ...sign, parentGuardianId: HARMED.id }, ctx, FACIL).ok).toBe(false);
    c = give(c, CHILD.id, { parentGuardianId: PARENT.id });
    expect(consentState(c.participants[1]!, elements, TODAY)).toBe('complete');
    // Signed while the date of birth was unknown; once it shows an under-18, the summary says
    // the parent's signature is missing.
    const { dateOfBirth: _dob, ...noDob } = CHILD.person;
    const early = give(newCase({ participants: [HARMED, { ...CHILD, person: noDob }, PARENT] }), CHILD.id);
    const child = { ...early.participants[1]!, person: CHILD.person };
    expect(consentSummary(child, elements, TODAY)).toMatchObject({ state: 'partial', needsParentGuardian: ['signatures'], missing: ['signatures'] });
  });

  it('turns 18 on a leap-day birthday: 1 March in a common year', () => {
    const leap = { ...CHILD, person: { ...CHILD.person, dateOfBirth: '2008-02-29' } };
    const c = newCase({ participants: [HARMED, leap, PARENT] });
    const sign: RecordConsentInput = { participantId: leap.id, elementId: 'signatures', status: 'given', on: '2026-02-28', method: 'signed-form' };
    expect(recordConsent({ ...c, referral: { ...c.referral, receivedOn: '2026-02-01' } }, sign, { ...ctx, today: '2026-03-16' }, FACIL).ok).toBe(false);
    expect(recordConsent(c, { ...sign, on: '2026-03-02' }, ctx, FACIL).ok).toBe(true);
  });

  it.each([
    ['a future date', { on: '2026-03-17' }, /in the future/],
    ['a date before the referral', { on: '2026-03-01' }, /before the referral/],
    ['an unknown element', { elementId: 'telepathy' }, /not one of the consent elements/],
    ['an unknown participant', { participantId: 'p_nobody1' }, /not in this case/],
    ['staff who have left', {}, /no longer active/, 's_gone01'],
  ])('refuses %s', (_, over, pattern, taker = 's_facil1') => {
    const r = recordConsent(newCase(), { participantId: HARMED.id, elementId: 'voluntary', status: 'given', on: TODAY, method: 'signed-form', ...over }, ctx, signedBy(taker));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(pattern);
  });

  it('refuses a signed-in person who is not on the staff list', () => {
    const command = { type: 'record-consent', participantId: HARMED.id, elementId: 'voluntary', status: 'given', on: TODAY, method: 'signed-form' };
    const r = applyCommand(newCase(), command, signedIn({ actor: { name: 'Nobody Listed', role: 'facilitator' } }));
    expect(!r.ok && r.reason).toMatch(/You are not on the staff list/);
  });

  it('refuses to withdraw what was never given', () => {
    const r = withdrawConsent(newCase(), { participantId: HARMED.id, on: TODAY }, ctx, FACIL);
    expect(!r.ok && r.reason).toMatch(/nothing to withdraw; record a decline instead/);
    const one = withdrawConsent(newCase(), { participantId: HARMED.id, on: TODAY, elementIds: ['voluntary'] }, ctx, FACIL);
    expect(!one.ok && one.reason).toMatch(/not currently given/);
  });
});
