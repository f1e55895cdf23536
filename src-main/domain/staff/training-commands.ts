import { z } from 'zod';
import { AttachmentRefSchema } from '../conferences/ids';
import { strictForm } from '../shared/strict-form';
import { StaffIdSchema } from './ids';
import { TrainingEntrySchema } from './register';

/**
 * A training course on someone's register, with its certificate when there is one. The
 * certificate itself comes from the file picker (the open dialog, or the CLI's --certificate
 * path), never from the caller's input, as attachments to a case do.
 */
export const CERTIFICATE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

export const RecordTrainingInputSchema = strictForm(
  {
    staffId: StaffIdSchema,
    ...TrainingEntrySchema.omit({ certificate: true }).shape,
    withCertificate: z.boolean({ error: 'withCertificate: true or false' }).optional(),
  },
  'the training entry',
);
export type RecordTrainingInput = ReturnType<typeof RecordTrainingInputSchema.parse>;

/** A certificate asked for by the staff record whose training names it (never by its reference alone). */
export const CertificateRequestSchema = strictForm({ staffId: StaffIdSchema, certificate: AttachmentRefSchema }, 'the certificate request');
export type CertificateRequest = ReturnType<typeof CertificateRequestSchema.parse>;

/**
 * What a certificate's first bytes say it is: a file renamed to .pdf is not a PDF, and a
 * certificate is opened later by whoever saves it out, so its content is checked, not its name.
 */
export function certificateTypeOf(bytes: Uint8Array): (typeof CERTIFICATE_TYPES)[number] | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return undefined;
}
