import { defineConfig } from 'vitest/config';
import { tsconfigAliases } from './scripts/aliases.js';

// Four tiers, each a project (`vitest run --project unit`); `vitest run` runs them all.
//   unit         pure and fast: no databases, servers, browsers or app processes (npm run test:fast)
//   integration  real SQLite files, PostgreSQL or PGlite, child processes, sockets, bundles
//   e2e          Debian's Chromium against the web host; needs `npm run build` (out/renderer)
//   model        model-based sync tests with real workstation processes and a central
// Two files at a time in every tier (the machines have two cores): the e2e and model files each start
// browsers or processes of their own, but two at once kept them well inside their timeouts, and one at a
// time would only lengthen the run. The unit tier runs in worker threads (a quarter less CPU than forks
// for the same files); the others in forks, which native modules and process-wide state need.
export default defineConfig({
  resolve: { alias: tsconfigAliases() },
  test: {
    // Real SQLite files, real Chromium and real PostgreSQL: give slow machines room, never assert timing.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['tests/support/vitest-setup.ts'],
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], pool: 'threads' } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
      { extends: true, test: { name: 'model', include: ['tests/model/**/*.test.ts'] } },
    ],
  },
});
