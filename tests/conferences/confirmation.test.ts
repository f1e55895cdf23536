import { describe, expect, it } from 'vitest';
import { canConfirmConference } from '../../src-main/domain/conferences/confirmation';
import { CO, HARMED, meeting, RESPONSIBLE, SUPPORTER } from '../support/process-fixtures';

const ready = { name: 'x', consentComplete: true, riskSignedOff: true };

describe('canConfirmConference', () => {
  it('confirms when everyone has consented and is signed off', () => {
    const m = meeting({ supporterIds: [SUPPORTER] });
    const r = canConfirmConference(m, { [HARMED]: ready, [RESPONSIBLE]: ready, [SUPPORTER]: ready });
    expect(r).toEqual({ ok: true, value: { ...m, status: 'confirmed' } });
  });

  it('says what is missing, by name, in plain English', () => {
    const m = meeting({ supporterIds: [SUPPORTER] });
    const r = canConfirmConference(m, {
      [HARMED]: { name: 'Siân Williams', consentComplete: false, riskSignedOff: true },
      [RESPONSIBLE]: { name: 'Nguyễn Văn An', consentComplete: true, riskSignedOff: false },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        'Siân Williams has not yet given consent to take part in the conference.',
        "Nguyễn Văn An's risk assessment has not been signed off.",
        'One person invited has no consent or risk assessment recorded in this case.',
      ]);
  });

  it('never finds readiness on the object prototype', () => {
    const m = meeting({ participantIds: ['p_proto001'] });
    const readiness = JSON.parse('{"__proto__": {"p_proto001": {"name": "x", "consentComplete": true, "riskSignedOff": true}}}');
    expect(canConfirmConference(m, readiness).ok).toBe(false);
    expect(canConfirmConference(meeting({ participantIds: ['p_constructor'] as string[] }), {}).ok).toBe(false);
  });

  it('does not apply to preparation or follow-up meetings', () => {
    expect(canConfirmConference(meeting({ kind: 'preparation' }), {}).ok).toBe(true);
    expect(canConfirmConference(meeting({ kind: 'follow-up' }), {}).ok).toBe(true);
  });

  it('refuses held and cancelled meetings', () => {
    const all = { [HARMED]: ready, [RESPONSIBLE]: ready };
    expect(canConfirmConference(meeting({ status: 'held' }), all)).toMatchObject({ ok: false, problems: ['This meeting has already been held.'] });
    expect(canConfirmConference(meeting({ status: 'cancelled', statusReason: 'x' }), all)).toMatchObject({ ok: false });
  });

  it('needs a co-facilitator in a sensitive case', () => {
    const all = { [HARMED]: ready, [RESPONSIBLE]: ready };
    expect(canConfirmConference(meeting(), all, { coFacilitatorRequired: true })).toMatchObject({
      ok: false,
      problems: ['This is a sensitive case: assign a co-facilitator before confirming the conference.'],
    });
    expect(canConfirmConference(meeting({ coFacilitatorId: CO }), all, { coFacilitatorRequired: true }).ok).toBe(true);
  });
});
