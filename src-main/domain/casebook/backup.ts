import { z } from 'zod';

/** One rotating backup as listed in settings: when, how big, and why it was taken. */
export const BackupInfoSchema = z.strictObject({
  id: z.string().regex(/^\d{8}T\d{6}Z-[a-z0-9]{1,12}$/, { error: 'Unknown backup' }),
  createdAt: z.iso.datetime(),
  bytes: z.number().int().min(0),
  reason: z.string().max(60),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;
