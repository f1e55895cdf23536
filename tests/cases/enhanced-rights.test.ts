import { describe, expect, it } from 'vitest';
import type { Participant } from '../../src-main/domain/cases/case';
import { enhancedRightsReasons, hasEnhancedRights } from '../../src-main/domain/cases/enhanced-rights';
import { HARMED, RESPONSIBLE } from '../support/case-fixtures';

const as = (p: Participant, person: Partial<Participant['person']>, role = p.role): Participant => ({ ...p, role, person: { ...p.person, ...person } });

describe('enhanced rights under the Victims\' Code', () => {
  it('belong to a person harmed, with every reason in words', () => {
    const child = as(HARMED, { dateOfBirth: '2010-06-01', vulnerabilities: ['Under 18', 'Intimidated victim'] });
    expect(enhancedRightsReasons(child, '2026-04-02')).toEqual(['under 18', 'intimidated victim']);
    expect(enhancedRightsReasons(as(HARMED, { enhancedRights: true }), '2026-04-02')).toEqual(['marked as entitled']);
    expect(enhancedRightsReasons(as(HARMED, { enhancedRights: true, vulnerabilities: ['Persistently targeted'] }), '2026-04-02')).toEqual(['persistently targeted']);
    expect(hasEnhancedRights(HARMED, '2026-04-02')).toBe(false);
  });

  it('turn 18 with the person: the day before the birthday they apply, on it they do not', () => {
    const child = as(HARMED, { dateOfBirth: '2008-04-02' });
    expect(enhancedRightsReasons(child, '2026-04-01')).toEqual(['under 18']);
    expect(enhancedRightsReasons(child, '2026-04-02')).toEqual([]);
  });

  it('never apply to the person responsible or a supporter, even under 18, vulnerable or marked', () => {
    const young = { dateOfBirth: '2011-01-01', vulnerabilities: ['Under 18', 'Learning disability or difficulty'], enhancedRights: true };
    for (const role of ['responsible', 'supporter', 'parent-guardian'] as const) {
      expect(enhancedRightsReasons(as(RESPONSIBLE, young, role), '2026-04-02')).toEqual([]);
      expect(hasEnhancedRights(as(RESPONSIBLE, young, role), '2026-04-02')).toBe(false);
    }
  });
});
