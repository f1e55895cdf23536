import { z } from 'zod';

/**
 * The stages of a case, how it can end early, and the case id: kept apart from case.ts so the
 * process modules, whose records case.ts embeds, can use them without an import cycle.
 */
export const STAGES = [
  'referral',
  'screening',
  'contact',
  'assessment',
  'preparation',
  'consent',
  'process',
  'outcome',
  'monitoring',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

export const EXITS = ['withdrawn', 'not-suitable', 'no-contact', 'declined'] as const;
export type Exit = (typeof EXITS)[number];

export const CaseIdSchema = z.string().regex(/^c_[a-z0-9]{10,40}$/, { error: 'Unknown case' });
