import { z } from 'zod';
import { requiredText, text } from '../../shared/text';
import { dateField } from '../../time/dates';

/**
 * A subject access request (UK GDPR Article 15) as the register keeps it, in
 * registers/subject-access.cbk. The person it is about is named here because the service must
 * find everything it holds about them; the register is read only by those who may find a
 * person in every case ('manage-subject-access'), and lists elsewhere (Home) show the
 * request's number and dates, never the name.
 *
 * The deadline is worked out from the dates (due-date.ts), never stored, so a corrected date
 * moves it.
 */
export const SUBJECT_ACCESS_REGISTER = 'subject-access';

export const SubjectAccessIdSchema = z
  .string({ error: 'Choose a request' })
  .regex(/^sar_[a-z0-9]{10,40}$/, { error: 'Choose a request from the register' });

/** An extension (Article 12(3)): up to two further months, with the reason the requester is told. */
export const SubjectAccessExtensionSchema = z.strictObject({
  months: z.union([z.literal(1), z.literal(2)], { error: 'An extension is one or two months' }),
  reason: requiredText('Reason for the extension', 2000),
  decidedOn: dateField('Extension decided on'),
});
export type SubjectAccessExtension = z.infer<typeof SubjectAccessExtensionSchema>;

export const subjectAccessFields = {
  receivedOn: dateField('Received on'),
  /** The person the data is about (the data subject), as the request names them. */
  name: requiredText('Name of the person the request is about', 200),
  dateOfBirth: dateField('Date of birth').optional(),
  /** Who made the request when it is not the person themselves (a solicitor, a parent). */
  requester: text('Made by (when not the person themselves)', 200).optional(),
  identityAskedOn: dateField('Proof of identity asked for on').optional(),
  identityCheckedOn: dateField('Identity checked on').optional(),
  clarificationAskedOn: dateField('Clarification asked for on').optional(),
  clarificationReceivedOn: dateField('Clarification received on').optional(),
  /**
   * Clarifications asked for and answered before the current one: the clock stopped for each
   * (due-date.ts), so a second question does not lose the days the first one paused.
   */
  earlierClarifications: z
    .array(z.strictObject({ askedOn: dateField('Clarification asked for on'), receivedOn: dateField('Clarification received on') }))
    .max(20)
    .optional(),
  extension: SubjectAccessExtensionSchema.optional(),
  completedOn: dateField('Completed on').optional(),
  /** Withdrawn by the requester, or refused as manifestly unfounded or excessive (with the reason in notes). */
  closedWithoutBundleOn: dateField('Closed without a bundle on').optional(),
  notes: text('Notes', 4000).optional(),
};

export const SubjectAccessRequestSchema = z.strictObject({
  id: SubjectAccessIdSchema,
  /** The number people use for it (SAR-2026-0003): Home and the audit trail show this, never the name. */
  number: z.string().regex(/^SAR-\d{4}-\d{4,6}$/).optional(),
  ...subjectAccessFields,
  /** The cases the bundle covers, as confirmed by the person answering the request (case ids). */
  caseIds: z.array(z.string().regex(/^c_[a-z0-9]{10,40}$/)).max(500).optional(),
  /** Each bundle saved: when, in which format, by whom (user id); the file itself is not kept. */
  bundles: z
    .array(z.strictObject({ savedOn: dateField('Saved on'), format: z.enum(['pdf', 'json']), by: z.string().max(100) }))
    .max(200)
    .optional(),
});
export type SubjectAccessRequest = z.infer<typeof SubjectAccessRequestSchema>;

export const SubjectAccessRegisterSchema = z.strictObject({ requests: z.array(SubjectAccessRequestSchema).max(10000) });
export type SubjectAccessRegister = z.infer<typeof SubjectAccessRegisterSchema>;
export const EMPTY_SUBJECT_ACCESS: SubjectAccessRegister = { requests: [] };
