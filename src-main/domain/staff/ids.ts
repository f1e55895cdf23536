import { z } from 'zod';

/**
 * The staff id and the RJC levels on their own, so the staff record (staff.ts) and the register
 * it holds (register.ts) can both use them without importing each other.
 */
export const StaffIdSchema = z.string({ error: 'Choose a member of staff' }).regex(/^s_[a-z0-9]{6,40}$/, { error: 'Choose a member of staff from the staff list' });
export type StaffId = z.infer<typeof StaffIdSchema>;

/** RJC practitioner registration levels, lowest first, so the order can be compared. */
export const PRACTITIONER_LEVELS = ['foundation', 'intermediate', 'advanced'] as const;
export type PractitionerLevel = (typeof PRACTITIONER_LEVELS)[number];
export const PRACTITIONER_LEVEL_LABELS: Record<PractitionerLevel, string> = {
  foundation: 'Foundation',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export const practitionerLevel = (label: string) => z.enum(PRACTITIONER_LEVELS, { error: `${label}: choose Foundation, Intermediate or Advanced` });

/** True when `level` is `at` or higher. */
export function levelAtLeast(level: PractitionerLevel | undefined, at: PractitionerLevel): boolean {
  return level !== undefined && PRACTITIONER_LEVELS.indexOf(level) >= PRACTITIONER_LEVELS.indexOf(at);
}
