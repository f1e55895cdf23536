import { z } from 'zod';
import { PassphraseSchema } from '../../../../src-main/domain/casebook/passphrase';

/**
 * Form schemas built from the shared domain rules, plus what only a form needs: a plain
 * "Enter …" message for an empty box, and the confirmation box matching.
 */
export const NewPassphrase = z.string().min(1, { error: 'Enter a passphrase' }).pipe(PassphraseSchema);

/** Add "the two passphrases match" to a form, checked once the passphrase itself is valid. */
export function withConfirmation<S extends z.ZodObject<{ passphrase: z.ZodType<string>; confirm: z.ZodType<string> }>>(schema: S) {
  return schema.refine((v: { passphrase: string; confirm: string }) => v.passphrase === v.confirm, {
    path: ['confirm'],
    error: 'The passphrases do not match. Type the same passphrase in both boxes',
    // Compare only when both boxes hold text; a missing passphrase has its own message.
    when: (p) => {
      const v = p.value as { passphrase?: unknown; confirm?: unknown };
      return typeof v.passphrase === 'string' && typeof v.confirm === 'string' && v.passphrase.length > 0;
    },
  });
}
