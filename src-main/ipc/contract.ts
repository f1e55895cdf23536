import type { z } from 'zod';
import type { CommandSpec } from './command-spec';
import { casebookCommands } from './commands/casebook';
import { casesCommands } from './commands/cases';
import { conferencesCommands } from './commands/conferences';
import { dataProtectionCommands } from './commands/data-protection';
import { documentsCommands } from './commands/documents';
import { figuresCommands } from './commands/figures';
import { referralsCommands } from './commands/referrals';
import { staffCommands } from './commands/staff';
import { qualityCommands } from './commands/quality';
import { dailyWorkCommands } from './commands/daily-work';
import { syncCommands } from './commands/sync';

/**
 * The whole surface between the renderer (or the CLI, or a test) and the main process, one
 * group per piece of RJ work. Each command names its input schema (strict: unknown keys are
 * refused), its output schema, and the capability its caller needs (domain/access). The preload
 * exposes exactly these names; the handler registry implements exactly these; the CLI calls
 * nothing else.
 */
export const commands = {
  ...casebookCommands,
  ...casesCommands,
  ...referralsCommands,
  ...staffCommands,
  ...qualityCommands,
  ...conferencesCommands,
  ...figuresCommands,
  ...documentsCommands,
  ...dataProtectionCommands,
  ...dailyWorkCommands,
  ...syncCommands,
} as const satisfies Record<string, CommandSpec>;

export type { Access, CommandSpec } from './command-spec';
export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type InputOf<N extends CommandName> = z.input<Commands[N]['input']>;
export type ParsedInputOf<N extends CommandName> = z.output<Commands[N]['input']>;
export type OutputOf<N extends CommandName> = z.output<Commands[N]['output']>;
// The wire shapes live in the domain; named here too for callers that think in commands.
export type { Session, Status, VerifyResult } from '../domain/casebook/session';
export type { BackupInfo } from '../domain/casebook/backup';
