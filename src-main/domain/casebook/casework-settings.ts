import { z } from 'zod';
import { STAFF_ROLES } from '../staff/staff';

/**
 * Service choices that casework rules depend on. Kept apart from the general Settings so the
 * foundation's settings file is unaffected; the service layer can merge them later.
 */
export const CaseworkSettingsSchema = z.strictObject({
  /** Case references look like RJ-2026-0042; the prefix is the service's choice. */
  referencePrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, { error: 'The reference prefix is 1–10 capital letters or digits starting with a letter, like RJ' }),
  /** Who must sign off a risk assessment with a high rating, or any in a sensitive case. */
  riskApproverRole: z.enum(STAFF_ROLES, { error: `Choose the role that signs off high risks: ${STAFF_ROLES.join(', ')}` }),
  /** Retention actions (anonymise, delete, keep) need a second person's approval; absent means on (retentionNeedsApproval). */
  retentionNeedsApproval: z.boolean({ error: 'Say whether retention actions need a second person (true or false)' }).optional(),
  /**
   * Issue 13: facilitators see only the cases they lead or co-facilitate (domain/access/case-access.ts).
   * Off by default (a small team covers for each other); absent in casebooks from before it means off.
   */
  facilitatorsSeeOwnCasesOnly: z.boolean({ error: 'Say whether facilitators see only their own cases' }).optional(),
});
export type CaseworkSettings = z.infer<typeof CaseworkSettingsSchema>;

export const DEFAULT_CASEWORK_SETTINGS: CaseworkSettings = {
  referencePrefix: 'RJ',
  riskApproverRole: 'manager',
};

/** On unless the service has turned it off: deleting or anonymising a case cannot be undone. */
export function retentionNeedsApproval(s: Pick<CaseworkSettings, 'retentionNeedsApproval'>): boolean {
  return s.retentionNeedsApproval !== false;
}
