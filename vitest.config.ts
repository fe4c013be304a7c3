import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'tools/**/*.test.ts', 'evals/**/*.test.ts'],
    // Each integration file starts its own embedded Postgres (WASM): ~5 s and ~200 MB each.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    setupFiles: ['test/setup.ts'],
  },
});
