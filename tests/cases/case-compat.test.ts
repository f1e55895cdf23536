import { describe, expect, it } from 'vitest';
import { CaseSchema, CaseSummarySchema, summarise, summariseWith, type Case } from '../../src-main/domain/cases/case';
import { isCaseSummary } from '../../src-main/domain/cases/case-summary-check';
import { newCase, readyCase } from '../support/case-fixtures';

/** A case exactly as the foundation stored it, before casework added any field. */
const legacy: Case = {
  id: 'c_k3j9x0p2m4q8r1t5',
  reference: 'RJ-2024-0042',
  createdAt: '2024-03-14T09:30:00.000Z',
  updatedAt: '2024-05-01T16:00:00Z',
  revision: 7,
  stage: 'contact',
  exit: { kind: 'no-contact', reason: 'Three letters and two calls went unanswered.', on: '2024-05-01' },
  referral: { source: 'Police', referrerName: 'PC Lowe', receivedOn: '2024-03-14', offenceCategory: 'Burglary', offenceDescription: '', offenceDate: '2024-02-29', cjsStage: 'none', sensitive: ['Hate crime'], priority: 'high' },
  leadFacilitator: 'Siân Prydderch',
  participants: [{ id: 'p_abc123', role: 'harmed', person: { givenName: 'Zoë', familyName: 'Brontë', dateOfBirth: '1970-01-01', interpreter: false } }],
  notes: 'Prefers letters.',
  timeline: [{ at: '2024-03-14T09:30:00.000Z', by: 'Jo', kind: 'referral.received', text: 'Referral received.' }],
};

describe('CaseSchema after casework', () => {
  it('still accepts a case stored before casework, unchanged', () => {
    expect(CaseSchema.parse(legacy)).toEqual(legacy);
  });

  it('summarises it as before, with its people for finding a person and its criminal-justice stage for retention (issue 13)', () => {
    const s = summarise(legacy);
    expect(s).toEqual({ id: legacy.id, reference: legacy.reference, stage: 'contact', exit: 'no-contact', receivedOn: '2024-03-14', source: 'Police', offenceCategory: 'Burglary', names: ['Zoë Brontë'], leadFacilitator: 'Siân Prydderch', sensitive: true, updatedAt: legacy.updatedAt, revision: 7, cjsStage: legacy.referral.cjsStage, people: [{ role: 'harmed', dateOfBirth: '1970-01-01' }] });
    expect(CaseSummarySchema.safeParse(s).success).toBe(true);
    expect(isCaseSummary(s)).toBe(true);
    expect([legacy].map(summarise)).toEqual([s]);
  });

  it('carries the new optional summary fields', () => {
    const s = summariseWith(readyCase(), { nextDue: '2026-03-20' });
    expect(s).toMatchObject({ leadFacilitatorId: 's_advan1', coFacilitatorId: 's_facil1', nextDue: '2026-03-20' });
    expect(CaseSummarySchema.safeParse(s).success).toBe(true);
    expect(isCaseSummary(s)).toBe(true);
  });

  it('refuses references inside the case that point nowhere', () => {
    const c = newCase();
    const bad = (over: Partial<Case>) => CaseSchema.safeParse({ ...c, ...over }).error?.issues.map((i) => i.message);
    expect(bad({ exit: { kind: 'withdrawn', reason: 'x', on: '2026-03-10', withdrawnBy: 'p_nobody1' } })).toEqual(['The participant who withdrew is not in this case']);
    expect(bad({ leadFacilitatorId: 's_facil1', coFacilitatorId: 's_facil1' })).toEqual(['The co-facilitator must be someone other than the lead']);
    expect(bad({ meetings: [{ on: '2026-03-10', format: 'phone', participantIds: ['p_nobody1'], staffIds: ['s_facil1'], recordedAt: '2026-03-10T10:00:00.000Z' }] })).toEqual(['A participant in this meeting is not in this case']);
  });

  it('validates a full casework case', () => {
    expect(CaseSchema.safeParse(readyCase()).success).toBe(true);
  });
});
