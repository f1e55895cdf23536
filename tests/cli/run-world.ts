import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { generateDemoCases } from '../../src-main/demo/demo-cases';
import { FakeWorld, type FakeStore } from '../support/cli/fake-service';
import { runWith, tempDir } from '../support/cli/harness';

/**
 * What the run-*.test.ts files share: before each test a new temporary folder, a store path in
 * it, a fresh FakeWorld and an environment with the passphrase; the folder is removed after.
 * The bindings below are live: read them inside tests and hooks, not at import.
 */
export const PASS = 'correct horse battery staple';
export const NOW = new Date('2026-03-01T12:00:00Z');

export let dir: string;
export let store: string;
export let world: FakeWorld;
export let env: Record<string, string>;
let cleanup: () => Promise<void>;

/** Call once at the top of a test file. */
export function useCliWorld(): void {
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    store = join(dir, 'store');
    world = new FakeWorld();
    env = { CASEBOOK_PASSPHRASE: PASS, CASEBOOK_STORE: store };
  });
  afterEach(() => cleanup());
}

/** A casebook that exists, with an administrator and optionally more users and cases. */
export async function seeded(extra: { name: string; role: 'facilitator' | 'coordinator' }[] = [], cases = 0): Promise<FakeStore> {
  await mkdir(store, { recursive: true });
  const s = world.seed(store, [{ name: 'Siân Gruffudd', role: 'administrator', passphrase: PASS }, ...extra.map((u) => ({ ...u, passphrase: `${u.name} passphrase` }))]);
  for (const c of generateDemoCases({ count: cases, seed: 'fixture', now: NOW })) s.cases.set(c.id, c);
  return s;
}

export const run = (argv: string[], o: Parameters<typeof runWith>[2] = {}) => runWith(world, argv, { env, ...o });
