import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Chart rendering and the Bolt app are CPU-heavy; two cores on CI.
    pool: 'forks',
    maxWorkers: 2,
  },
});
