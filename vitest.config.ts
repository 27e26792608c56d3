import { defineConfig } from 'vitest/config';
import { tsconfigAliases } from './scripts/aliases.js';

export default defineConfig({
  resolve: { alias: tsconfigAliases() },
  test: {
    include: ['tests/**/*.test.ts'],
    // Real SQLite files, real Chromium and real PostgreSQL: give slow machines room, never assert timing.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
