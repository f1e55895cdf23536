import { z } from 'zod';
import { DocumentCheckSchema } from '../../domain/data-protection/leak-report';
import type { CommandGroup } from '../command-spec';

const empty = z.strictObject({});

/** Data protection in daily use: the leak check on any document, against everyone the casebook names. */
export const dataProtectionCommands = {
  checkFileForPersonalData: {
    input: empty,
    output: DocumentCheckSchema,
    access: 'check-for-personal-data',
    summary: 'Choose a PDF or Word document and look in it for personal data from the casebook',
  },
} as const satisfies CommandGroup;
