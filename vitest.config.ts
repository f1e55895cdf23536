import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers on a two-CPU machine: much of the suite waits on Argon2, disk or a child
    // process, so a second worker roughly halves the wall time (vitest's default would be one).
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.e2e.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/**/*.e2e.test.ts'], exclude: [], fileParallelism: false, testTimeout: 120_000 } },
    ],
  },
});
