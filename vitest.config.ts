import { defineConfig } from 'vitest/config';
import { tsconfigAliases } from './scripts/aliases.js';

// Four tiers, each a project (`vitest run --project unit`); `vitest run` runs them all.
//   unit         pure and fast, no files beyond a temp folder, no processes, no databases: npm run test:fast
//   integration  real SQLite files, PostgreSQL or PGlite, child processes, sockets, bundles
//   e2e          Debian's Chromium against the web host; needs `npm run build` (out/renderer)
//   model        model-based sync tests with real workstation processes and a central
// Every tier runs in forks, two at a time (the machines have two cores): the e2e and model files each
// start browsers or processes of their own, but running two of them at once kept them well inside their
// timeouts, and one at a time would only lengthen the run.
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
    projects: ['unit', 'integration', 'e2e', 'model'].map((name) => ({
      extends: true,
      test: { name, include: [`tests/${name}/**/*.test.ts`] },
    })),
  },
});
