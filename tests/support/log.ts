// Reads the workstation's log as main/logging.ts writes it: JSON lines in <data>/logs/loket.N.log.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function workstationLog(dataDir: string): Array<Record<string, unknown>> {
  const dir = join(dataDir, 'logs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^loket\.\d+\.log$/.test(f))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
