import { z } from 'zod';
import { AttachmentRefSchema } from '../conferences/ids';
import { ChosenEvidenceFileSchema, ChosenTokenSchema } from '../quality/health-check-evidence';
import { strictForm } from '../shared/strict-form';

/**
 * The service's logo (issue 14's first run: "service details and logo"), printed at the top of
 * letters and forms. Kept encrypted as an attachment, named by its keyed digest from the
 * settings, so the same picture is stored once and retention never deletes it while the
 * settings name it.
 */

/** A letterhead logo, not a photograph: small enough for every document that prints it. */
export const MAX_LOGO_BYTES = 1024 * 1024;
/** Pictures wider or taller than this are not logos (and would make every document heavy). */
export const MAX_LOGO_PIXELS = 10_000;

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, sig: readonly number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/** The picture's type from its first bytes, whatever its name says: a GIF renamed .png is not a PNG. */
export function logoTypeOf(bytes: Uint8Array): LogoType | undefined {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  return undefined;
}

/** What is wrong with a chosen file as a logo, in words that say what to do; undefined when its bytes may be one. */
export function logoFileProblem(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return 'The file is empty: choose the picture of your logo itself.';
  if (bytes.byteLength > MAX_LOGO_BYTES) return `The logo is ${(Math.ceil((bytes.byteLength / MAX_LOGO_BYTES) * 10) / 10).toFixed(1)} MB; the largest that can be used is 1 MB. Save it smaller (a logo needs no more than 600 pixels across) and choose it again.`;
  if (!logoTypeOf(bytes)) return 'The logo must be a PNG or JPEG picture: save it as one and choose it again.';
  return undefined;
}

/** Said when the bytes start like a PNG or JPEG but the picture cannot be read. */
export const UNREADABLE_LOGO = 'The picture could not be read: it may be damaged. Open it in a picture editor, save it again as PNG or JPEG, and choose it again.';

export const ServiceLogoSchema = z.strictObject({
  ref: AttachmentRefSchema,
  type: z.enum(LOGO_TYPES),
  size: z.number().int().min(1).max(MAX_LOGO_BYTES),
  width: z.number().int().min(1).max(MAX_LOGO_PIXELS),
  height: z.number().int().min(1).max(MAX_LOGO_PIXELS),
});
export type ServiceLogo = z.infer<typeof ServiceLogoSchema>;

/** The logo as Settings shows it: the picture as a data: URL (the page's CSP allows data: images), never its reference. */
export const ServiceLogoViewSchema = z.strictObject({
  logo: z
    .strictObject({
      type: z.enum(LOGO_TYPES),
      size: z.number().int(),
      width: z.number().int(),
      height: z.number().int(),
      dataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/),
    })
    .optional(),
});
export type ServiceLogoView = z.infer<typeof ServiceLogoViewSchema>;

/** A token for the picture chosen in the form (chooseServiceLogo), as for evidence; the bytes stay in the main process. */
export const ChosenLogoFileSchema = ChosenEvidenceFileSchema;
export type ChosenLogoFile = z.infer<typeof ChosenLogoFileSchema>;

export const SetServiceLogoInputSchema = strictForm({ chosen: ChosenTokenSchema }, 'the logo to use');
export type SetServiceLogoInput = z.infer<typeof SetServiceLogoInputSchema>;
