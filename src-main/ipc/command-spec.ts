import type { z } from 'zod';
import type { Capability } from '../domain/access/capabilities';

/**
 * One command of the contract: its input schema (strict: unknown keys are refused), its output
 * schema, and who may call it — 'anyone' (no session: status, set-up, unlock) or the
 * capability from domain/access that the signed-in person's role must have.
 */
export type Access = 'anyone' | Capability;

export interface CommandSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** One line for the docs and for error messages. */
  summary: string;
}

export type CommandGroup = Record<string, CommandSpec>;
