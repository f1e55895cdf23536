import { describe, expect, it } from 'vitest';
import { linkUsersToStaff, staffOf, staffToLink } from '../../src-main/domain/staff/people';
import type { StaffMember } from '../../src-main/domain/staff/staff';

/** One list of people: every login is linked to a staff record, found by name or made for it. */
const staff: StaffMember[] = [
  { id: 's_jo00000001', name: 'Jo Whitfield', role: 'coordinator', level: 'advanced', active: true },
  { id: 's_sian000001', name: 'Siân Prydderch', role: 'facilitator', level: 'intermediate', active: false },
  { id: 's_sian000002', name: 'Sian Prydderch', role: 'facilitator', level: 'intermediate', active: true },
];
let n = 0;
const newId = () => `s_new${String(++n).padStart(6, '0')}`;

describe('linking logins to the staff list', () => {
  it('finds a record by name ignoring case and accents, an active one first, never one another login has', () => {
    expect(staffToLink('JO WHITFIELD', staff, new Set())?.id).toBe('s_jo00000001');
    expect(staffToLink('siân prydderch', staff, new Set())?.id).toBe('s_sian000002');
    expect(staffToLink('Sian Prydderch', staff, new Set(['s_sian000002']))?.id).toBe('s_sian000001');
    expect(staffToLink('Jo Whitfield', staff, new Set(['s_jo00000001']))).toBeUndefined();
    expect(staffToLink('Nobody Here', staff, new Set())).toBeUndefined();
  });

  it('links every login without a record, adding records for those not on the list, and keeps links already made', () => {
    const users = [
      { id: 'u_a', name: 'Jo Whitfield', role: 'administrator' as const },
      { id: 'u_b', name: 'Fatima Hussain', role: 'facilitator' as const },
      { id: 'u_c', name: 'Quinn Lead', role: 'quality-lead' as const, staffId: 's_sian000001' },
      { id: 'u_d', name: 'Jo Whitfield', role: 'coordinator' as const },
    ];
    const out = linkUsersToStaff(users, staff, newId);
    expect(out.users.map((u) => u.staffId)).toEqual(['s_jo00000001', 's_new000001', 's_sian000001', 's_new000002']);
    expect(out.added).toEqual([
      { id: 's_new000001', name: 'Fatima Hussain', role: 'facilitator', active: true },
      { id: 's_new000002', name: 'Jo Whitfield', role: 'coordinator', active: true },
    ]);
    expect(out.staff).toHaveLength(5);
    // Nothing given was changed.
    expect(users[0]).not.toHaveProperty('staffId');
    expect(staff).toHaveLength(3);
  });

  it('relinks a login whose staff record is missing', () => {
    const out = linkUsersToStaff([{ name: 'Jo Whitfield', role: 'administrator' as const, staffId: 's_gone000001' }], staff, newId);
    expect(out.users[0]?.staffId).toBe('s_jo00000001');
    expect(out.added).toEqual([]);
  });

  it('says which record a login is', () => {
    expect(staffOf({ staffId: 's_jo00000001' }, staff)?.name).toBe('Jo Whitfield');
    expect(staffOf({}, staff)).toBeUndefined();
  });
});
