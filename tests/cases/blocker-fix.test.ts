import { describe, expect, it } from 'vitest';
import { STAGES, type Case } from '../../src-main/domain/cases/case';
import { advanceProblems } from '../../src-main/domain/cases/workflow-gates';
import { fixFor } from '../../src-main/domain/cases/blocker-fix';
import { ctx, HARMED, newCase, RESPONSIBLE } from '../support/case-fixtures';

const CHOOSE_KIND = 'Choose a direct or an indirect process.';

describe('where each blocker is put right', () => {
  it('links every problem the gates give, at every stage, for a bare case and a sensitive one', () => {
    const bare = newCase({ leadFacilitatorId: undefined, coFacilitatorId: undefined });
    const cases: Case[] = [bare, { ...bare, referral: { ...bare.referral, sensitive: ['domestic-abuse'] } }, { ...bare, participants: [] }];
    const seen = new Set<string>();
    for (const c of cases) {
      for (const stage of STAGES.slice(0, -2)) {
        for (const kind of [undefined, 'direct', 'indirect'] as const) {
          for (const p of advanceProblems({ ...c, stage }, ctx(), kind)) {
            if (p !== CHOOSE_KIND) seen.add(p);
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    for (const p of seen) expect(fixFor(p), p).toBeDefined();
  });

  it('sends each to the place that clears it, in words', () => {
    expect(fixFor('Record a contact with the person harmed first.')).toEqual({ place: 'contacts', label: 'Record a contact' });
    expect(fixFor('This is a sensitive case: assign a co-facilitator.')).toEqual({ place: 'team', label: 'Assign the team' });
    expect(fixFor(`${HARMED.person.givenName} Evans's risk assessment is not signed off.`)).toEqual({ place: 'risk', label: 'Sign off the risk assessment' });
    expect(fixFor(`${RESPONSIBLE.person.givenName} Kowalski has not given consent to elements 1, 2.`)).toEqual({ place: 'consent', label: 'Record consent' });
    expect(fixFor('Actions 2 and 3 are still open: record whether each was done before closing.')).toEqual({ place: 'agreement', label: 'Record progress' });
    expect(fixFor('Cancel or record the conference on 3 June 2026 before closing.')).toEqual({ place: 'process', label: 'Go to meetings' });
    expect(fixFor(CHOOSE_KIND)).toBeUndefined();
  });
});
