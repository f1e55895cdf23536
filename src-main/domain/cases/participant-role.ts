import { z } from 'zod';

/**
 * Participant roles and ids live in this small module (re-exported by case.ts) so that the
 * consent, risk and contact records can use them without importing case.ts, which in turn
 * builds its schema from those records.
 */
export const PARTICIPANT_ROLES = ['harmed', 'responsible', 'supporter', 'parent-guardian', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  harmed: 'Person harmed',
  responsible: 'Person responsible',
  supporter: 'Supporter',
  'parent-guardian': 'Parent or guardian',
  other: 'Other',
};

export const ParticipantIdSchema = z.string({ error: 'Choose a participant' }).regex(/^p_[a-z0-9]{6,40}$/, { error: 'Choose a participant in this case' });

/** Ids of list entries in templates: lower case words joined by hyphens, like `domestic-abuse`. */
export const ListIdSchema = z
  .string({ error: 'An id must be text' })
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'An id is lower-case letters, digits and hyphens, starting with a letter, like domestic-abuse' })
  .max(60, { error: 'An id must be at most 60 characters' });
