import { z } from 'zod';
import { ROLES } from '../access/roles';
import { personName } from '../shared/text';
import { StaffIdSchema } from '../staff/staff';

export const UserIdSchema = z.string().regex(/^u_[a-z0-9]{10,40}$/, { error: 'Unknown user' });

export const UserSchema = z.strictObject({
  id: UserIdSchema,
  name: personName('Name'),
  role: z.enum(ROLES, { error: 'Choose a role' }),
  createdAt: z.iso.datetime(),
  /**
   * Their record on the staff list: what they record names it. Set for every login since data
   * version 2 (an older casebook is linked when it is first opened; see store/migrations.ts).
   */
  staffId: StaffIdSchema.optional(),
  /**
   * Issue 13: set when an administrator deactivated the login. Its wrap of the key is gone, so
   * it opens nothing; the person stays listed (their name is on records and in the trail) until
   * an administrator reactivates them with a new passphrase.
   */
  deactivatedAt: z.iso.datetime().optional(),
  /** Issue 13: at the next unlock they must choose a new passphrase before anything else. */
  mustChangePassphrase: z.literal(true).optional(),
});
export type User = z.infer<typeof UserSchema>;

export function isActive(u: Pick<User, 'deactivatedAt'>): boolean {
  return u.deactivatedAt === undefined;
}

/** What the unlock screen may see before anyone has unlocked: names only. */
export const UserChoiceSchema = UserSchema.pick({ id: true, name: true });
export type UserChoice = z.infer<typeof UserChoiceSchema>;
