import { z } from 'zod';
import { requiredText, text } from '../shared/text';
import { ServiceLogoSchema } from './service-logo';
import { UpdateInfoUrlSchema } from './updates';

export const IDLE_LOCK_MIN = 1;
export const IDLE_LOCK_MAX = 240;

export const SettingsSchema = z.strictObject({
  serviceName: requiredText('Service name', 120),
  roleLabels: z.strictObject({
    harmed: requiredText('Label for the person harmed', 40),
    responsible: requiredText('Label for the person responsible', 40),
  }),
  idleLockMinutes: z
    .number({ error: 'Idle lock must be a number of minutes' })
    .int({ error: 'Idle lock must be a whole number of minutes' })
    .min(IDLE_LOCK_MIN, { error: `Idle lock must be at least ${IDLE_LOCK_MIN} minute` })
    .max(IDLE_LOCK_MAX, { error: `Idle lock must be at most ${IDLE_LOCK_MAX} minutes` }),
  backupsToKeep: z.number().int().min(1, { error: 'Keep at least 1 backup' }).max(100, { error: 'Keep at most 100 backups' }),
  /**
   * The service's contact details, printed in the letterhead and on forms in place of
   * templates/documents/service.yaml's. Empty or absent: the template's. (Settings are
   * encrypted like the cases, so these never sit in clear on disk.)
   */
  serviceAddress: text('The service address', 300).optional(),
  servicePhone: text('The service phone number', 40)
    .refine((v) => v === '' || /^[+(]?[0-9][0-9 ()-]{5,}$/.test(v), { error: 'Enter the phone number in digits, like 01234 567890 or +44 1234 567890' })
    .optional(),
  serviceEmail: text('The service email address', 120)
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: 'Enter the email address in the correct format, like rj@example.org' })
    .optional(),
  /** Where "Check for updates" looks (docs/install.md); empty or absent: it never checks. */
  updateInfoUrl: UpdateInfoUrlSchema.optional(),
  /** The logo printed on letters and forms (service-logo.ts): set and removed by its own commands, never by a settings form. */
  logo: ServiceLogoSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(serviceName: string): Settings {
  return {
    serviceName,
    roleLabels: { harmed: 'Person harmed', responsible: 'Person responsible' },
    idleLockMinutes: 10,
    backupsToKeep: 10,
  };
}

/** What a settings form may change, as a subset of the fields, validated the same way (the logo has its own commands). */
export const SettingsPatchSchema = SettingsSchema.omit({ logo: true }).partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
