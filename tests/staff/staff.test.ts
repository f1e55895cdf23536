import { describe, expect, it } from 'vitest';
import { atLeastLevel, describeStaff, findStaff, isPractitioner, StaffListSchema, StaffMemberSchema } from '../../src-main/domain/staff/staff';
import { STAFF } from '../support/case-fixtures';

describe('staff', () => {
  it('accepts the fixture staff, names in many scripts included', () => {
    expect(StaffListSchema.safeParse(STAFF).success).toBe(true);
  });

  it.each([
    ['a bad id', { id: 'u_abcdef' }, /staff list/],
    ['an unknown role', { role: 'wizard' }, /Choose a role/],
    ['an unknown level', { level: 'expert' }, /Foundation, Intermediate or Advanced/],
    ['a missing active flag', { active: undefined }, /active/],
    ['a name with digits', { name: 'Agent 007' }, /only letters/],
    ['an unknown field', { email: 'x@example.org' }, /email/],
  ])('refuses %s', (_, over, pattern) => {
    const r = StaffMemberSchema.safeParse({ ...STAFF[0], ...over });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(pattern);
  });

  it('refuses the same id twice', () => {
    expect(StaffListSchema.safeParse([STAFF[0], STAFF[0]]).error?.issues[0]?.message).toMatch(/used twice/);
  });

  it('knows levels and practitioners', () => {
    const advanced = findStaff(STAFF, 's_advan1')!;
    const manager = findStaff(STAFF, 's_manag1')!;
    expect(atLeastLevel(advanced, 'advanced')).toBe(true);
    expect(atLeastLevel(findStaff(STAFF, 's_facil1')!, 'advanced')).toBe(false);
    expect(atLeastLevel(findStaff(STAFF, 's_facil1')!, 'foundation')).toBe(true);
    expect(isPractitioner(manager)).toBe(false);
    expect(describeStaff(advanced)).toBe('Αλέξανδρος Παπαδόπουλος (Facilitator, Advanced)');
    expect(describeStaff(manager)).toBe('Şükrü Yılmaz (Manager)');
    expect(findStaff(STAFF, undefined)).toBeUndefined();
  });
});
