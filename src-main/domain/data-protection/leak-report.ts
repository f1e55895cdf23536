import { z } from 'zod';

/**
 * What the leak check answers across the contract: where personal data was found and of what
 * kind, never the data itself (anonymiser/leak-check.ts), and how many cases it looked through.
 */
const Finding = z.strictObject({ where: z.string().max(200), kind: z.string().max(40), count: z.number().int().min(1) });

export const DocumentCheckSchema = z.strictObject({
  picked: z.boolean(),
  /** The kind of file checked ("PDF", "Word document"); not its name, which may itself name someone. */
  format: z.enum(['PDF', 'Word document']).optional(),
  clean: z.boolean(),
  known: z.array(Finding),
  patterns: z.array(Finding),
  /** How many cases' people were looked for. */
  casesSearched: z.number().int().min(0),
  /** Plain words for the person: what was found and what to do. */
  message: z.string(),
});
export type DocumentCheck = z.infer<typeof DocumentCheckSchema>;
