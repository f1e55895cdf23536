import type { CommandGroup } from '../command-spec';
import type { z } from 'zod';
import type { CallContext } from '../../services/shared/call-context';

/** For each command of a group, a function from its parsed input to its output. */
export type HandlersOf<G extends CommandGroup> = {
  [N in keyof G]: (input: z.output<G[N]['input']>, context: CallContext) => Promise<z.output<G[N]['output']>>;
};
