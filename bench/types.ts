import { join } from 'node:path';
import type { Db } from '@db/connection.js';
import { openEncryptedDatabase } from '@main/core/kernel/crypto/db-key.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Measured in the same run, on the same machine: the ratio is the figure that travels. */
  baseline?: { name: string; value: number };
  target?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Times fn `runs` times after `warmup` untimed runs; returns milliseconds per run. */
export async function timeRuns(runs: number, fn: () => unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** A workstation database as core opens it (encrypted under its sealed key), for fills and bare baselines. */
export function coreDatabase(dataDir: string, file: string, options: { readonly?: boolean } = {}): Db {
  return openEncryptedDatabase(join(dataDir, file), new KeyFileWrapper(dataDir), options).db;
}
