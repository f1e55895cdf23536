import { z } from 'zod';

/**
 * A strict object for form and command input whose messages say what to fix: an unknown
 * field is named ("Unknown field “nmae”: remove it") rather than reported as zod's
 * "Unrecognized key", and a wrong type says what was expected.
 */
export function strictForm<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `Unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `“${k}”`).join(', ')} in ${what}: remove ${iss.keys.length > 1 ? 'them' : 'it'} or check the spelling`
        : `${what[0]?.toUpperCase()}${what.slice(1)} must be a set of fields (an object)`,
  });
}
