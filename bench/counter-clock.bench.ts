// The counter clock: three standard cases played in Chromium from F1 to a finished applicant
// (tests/e2e/counter-clock.test.ts), counting the officer's actions and the screens' time. Beside each
// figure, the same case played on the screens as they were before the guided counter flow (commit
// 0988bd9, bench/counter-clock-before.json: a count of actions, which does not drift with the machine;
// its screen time was taken on this machine too, so compare it loosely).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BenchResult } from './types.js';

interface Reading {
  actions: number;
  screenMs: number;
  steps: string[];
}
type Readings = Record<'renewal' | 'walkIn' | 'lost', Reading>;

const CASES = [
  { key: 'renewal', name: 'renewal from a booking', aim: 25 },
  { key: 'walkIn', name: 'new walk-in passport', aim: 35 },
  { key: 'lost', name: 'lost passport, fee waived', aim: 35 },
] as const;

export async function run(): Promise<BenchResult[]> {
  execFileSync('npx', ['vitest', 'run', 'tests/e2e/counter-clock.test.ts'], { stdio: 'inherit', env: process.env });
  const after = JSON.parse(readFileSync('test-results/e2e/counter-clock.json', 'utf8')) as Readings;
  const before = JSON.parse(readFileSync(new URL('./counter-clock-before.json', import.meta.url), 'utf8')) as Readings;
  return CASES.flatMap(({ key, name, aim }) => [
    {
      name: `${name}: officer actions, F1 to finish`,
      value: after[key].actions,
      unit: 'actions',
      baseline: { name: 'before the guided flow', value: before[key].actions },
      target: `<= ${aim}`,
    },
    {
      name: `${name}: screen time`,
      value: after[key].screenMs,
      unit: 'ms',
      baseline: { name: 'before the guided flow', value: before[key].screenMs },
      target: '< 3000 ms',
    },
  ]);
}
