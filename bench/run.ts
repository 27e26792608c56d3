// npm run bench [-- name-filter]: runs every bench/*.bench.ts and prints each figure beside the baseline
// measured in the same run. These machines are shared and noisy: read the ratios, not the absolute times.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4));

for (const file of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<BenchResult[]> };
  const results = await mod.run();
  for (const r of results) {
    const base = r.baseline
      ? `  | baseline ${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}  ratio ${fmt(r.value / r.baseline.value)}`
      : '';
    const target = r.target ? `  | target ${r.target}` : '';
    console.log(`${r.name}: ${fmt(r.value)} ${r.unit}${base}${target}`);
  }
}
