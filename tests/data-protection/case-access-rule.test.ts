import { describe, expect, it } from 'vitest';
import { caseAccess, caseRefusal, maySeeCase } from '../../src-main/domain/access/case-access';
import { ROLES } from '../../src-main/domain/access/roles';

/** Issue 13: who may see a case, for every role, sensitive or not, the setting on or off, on its team or not. */
const ME = 's_me00000001';
const OTHER = 's_other00001';

describe('who may see a case', () => {
  const cases: { role: (typeof ROLES)[number]; sensitive: boolean; ownOnly: boolean; team: 'lead' | 'co' | 'none'; expected: boolean | 'sensitive' | 'not-on-team' }[] = [];
  for (const role of ROLES) {
    for (const sensitive of [false, true]) {
      for (const ownOnly of [false, true]) {
        for (const team of ['lead', 'co', 'none'] as const) {
          const seesAll = role !== 'facilitator';
          const expected = seesAll || team !== 'none' ? true : sensitive ? 'sensitive' : ownOnly ? 'not-on-team' : true;
          cases.push({ role, sensitive, ownOnly, team, expected });
        }
      }
    }
  }
  it.each(cases)('$role, sensitive $sensitive, own cases only $ownOnly, on the team as $team → $expected', ({ role, sensitive, ownOnly, team, expected }) => {
    const row = { sensitive, leadFacilitatorId: team === 'lead' ? ME : OTHER, ...(team === 'co' ? { coFacilitatorId: ME } : {}) };
    const got = caseAccess({ role, staffId: ME }, row, { facilitatorsSeeOwnCasesOnly: ownOnly });
    expect(got.ok ? true : got.reason).toBe(expected);
  });

  it('treats a case with no team yet, or a login with no staff record, as not on the team', () => {
    expect(maySeeCase({ role: 'facilitator' }, { sensitive: false }, { facilitatorsSeeOwnCasesOnly: true })).toBe(false);
    expect(maySeeCase({ role: 'facilitator' }, { sensitive: false }, {})).toBe(true);
    expect(maySeeCase({ role: 'facilitator' }, { sensitive: true }, {})).toBe(false);
    // No staff record never matches a case with no team (undefined === undefined).
    expect(maySeeCase({ role: 'facilitator', staffId: undefined }, { sensitive: true, leadFacilitatorId: undefined }, {})).toBe(false);
  });

  it('says why, and who to ask', () => {
    expect(caseRefusal('not-on-team')).toMatch(/not one of yours: ask a coordinator/);
    expect(caseRefusal('sensitive')).toMatch(/sensitive.*Ask a coordinator/);
  });
});
