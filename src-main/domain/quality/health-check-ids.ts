import { z } from 'zod';

/** A framework's id as frameworks.ts names them; whether it exists is the service's to say (the templates). */
export const FrameworkIdSchema = z.string({ error: 'Choose a framework' }).regex(/^[a-z][a-z0-9-]{1,30}$/, { error: 'Choose one of the frameworks, like rsqm' });
