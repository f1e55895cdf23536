import { z } from 'zod';
import { personName } from '../shared/text';
import { levelAtLeast, PRACTITIONER_LEVEL_LABELS, PRACTITIONER_LEVELS, StaffIdSchema, type PractitionerLevel } from './ids';

export { PRACTITIONER_LEVEL_LABELS, PRACTITIONER_LEVELS, StaffIdSchema, type PractitionerLevel, type StaffId } from './ids';

/**
 * One record per person: who can lead or co-facilitate a case and who may sign off a risk
 * assessment. Kept in the index (read at unlock: every screen names staff). The quality lead's
 * register for the same person (register.ts) is kept apart and joined when needed (StaffRecord).
 */

export const STAFF_ROLES = ['coordinator', 'facilitator', 'manager', 'quality-lead', 'administrator', 'volunteer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  coordinator: 'RJ coordinator',
  facilitator: 'Facilitator',
  manager: 'Manager',
  'quality-lead': 'Quality lead',
  administrator: 'Administrator',
  volunteer: 'Volunteer facilitator',
};


export const StaffMemberSchema = z.strictObject({
  id: StaffIdSchema,
  name: personName('Name'),
  role: z.enum(STAFF_ROLES, { error: `Choose a role: ${STAFF_ROLES.join(', ')}` }),
  /** Absent for staff who do not facilitate (an administrator, a manager who is not a practitioner). */
  level: z.enum(PRACTITIONER_LEVELS, { error: 'Choose a practitioner level: Foundation, Intermediate or Advanced' }).optional(),
  /** Staff who leave stay on the list (old cases name them) but cannot be given new work. */
  active: z.boolean({ error: 'Say whether this member of staff is active (true or false)' }),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;


export const StaffListSchema = z.array(StaffMemberSchema).max(2_000).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Staff id ${s.id} is used twice` });
    seen.add(s.id);
  });
});

export function findStaff(staff: readonly StaffMember[], id: string | undefined): StaffMember | undefined {
  return id === undefined ? undefined : staff.find((s) => s.id === id);
}

/** Practitioners are the staff who may facilitate: they hold a registration level. */
export function isPractitioner(s: StaffMember): boolean {
  return s.level !== undefined;
}

export function atLeastLevel(s: StaffMember, level: PractitionerLevel): boolean {
  return levelAtLeast(s.level, level);
}

export function describeStaff(s: StaffMember): string {
  return s.level ? `${s.name} (${STAFF_ROLE_LABELS[s.role]}, ${PRACTITIONER_LEVEL_LABELS[s.level]})` : `${s.name} (${STAFF_ROLE_LABELS[s.role]})`;
}

/**
 * A member of staff as the staff form sends it: without an id when they are new, and without
 * the register, which changes only through its own commands (recordCpd…), so a form that
 * never saw the logs cannot wipe them.
 */
export const StaffMemberInputSchema = StaffMemberSchema.pick({ id: true, name: true, role: true, level: true, active: true }).partial({ id: true });
export type StaffMemberInput = z.infer<typeof StaffMemberInputSchema>;
