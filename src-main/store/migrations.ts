import { CasebookError } from '../domain/shared/errors';
import { CURRENT_SCHEMA } from './index-db';
import { INDEX } from './layout';

/**
 * Versioned migrations of the index (and, through it, the rest of the store). Each step takes
 * the raw data of version N and returns version N+1. The store takes a backup before running
 * any step, and validates the result with the current schema before writing it.
 */
export type Migration = { from: number; describe: string; up: (raw: Record<string, unknown>) => Record<string, unknown> };

/** Version 1 is the first format: nothing to migrate yet. New steps are appended here. */
export const MIGRATIONS: Migration[] = [];

export function schemaVersionOf(raw: unknown): number {
  const v = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new CasebookError('CORRUPT', `${INDEX} has no valid schema version; it was not opened`, { file: INDEX });
  }
  return v;
}

export function needsMigration(raw: unknown, current = CURRENT_SCHEMA): boolean {
  const v = schemaVersionOf(raw);
  if (v > current) {
    throw new CasebookError('NEWER_VERSION', `This casebook was written by a newer version of RJ Casebook (data version ${v}; this version reads up to ${current}). Install the latest version to open it.`);
  }
  return v < current;
}

export function migrate(raw: Record<string, unknown>, steps = MIGRATIONS, current = CURRENT_SCHEMA): Record<string, unknown> {
  let data = raw;
  for (let v = schemaVersionOf(raw); v < current; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) throw new CasebookError('NEWER_VERSION', `No migration from data version ${v}`);
    data = { ...step.up(data), schemaVersion: v + 1 };
  }
  return data;
}
