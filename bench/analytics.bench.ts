// What is measured: each analytics call over a year of ticket history (about 1.5 million tickets),
// through core (validation, query, the pure rules), against the bare SQL aggregate it rests on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName } from '../common/contract/index.js';
import { Core, TRAINING_DB_FILE } from '../main/core/core.js';
import { TRAINING_PASSWORD } from '@main/core/office/training-seed.js';
import { dispatch } from '../main/ipc/dispatch.js';
import { coreDatabase, median, timeRuns, type BenchResult } from './types.js';

/** Monday 30 November 2026, 08:00 WIB. */
const NOW = Date.UTC(2026, 10, 30, 1, 0, 0);
/** Mean tickets on an ordinary Wednesday that makes about 1.5 million tickets in 52 weeks. */
const DAILY_VOLUME = 5_800;
const RUNS = 5;

export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-analytics-'));
  const core = Core.open({ dataDir, now: () => NOW });
  try {
    const must = async <N extends CallName>(name: N, input: CallInput<N>, token?: string) => {
      const r = await dispatch(core, name, input, { sessionToken: token });
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    };
    await must('setup.enterTraining', {});
    const { sessionToken } = (await must('auth.login', { username: 'supervisor', password: TRAINING_PASSWORD })) as {
      sessionToken: string;
    };
    const t0 = performance.now();
    const made = (await must('analytics.generateHistory', { weeks: 52, dailyVolume: DAILY_VOLUME, seed: 7 }, sessionToken)) as {
      tickets: number;
      from: string;
      to: string;
    };
    const generateMs = performance.now() - t0;
    const tickets = made.tickets.toLocaleString('en');

    const bare = coreDatabase(dataDir, TRAINING_DB_FILE, { readonly: true });
    const sql = (text: string) => {
      const stmt = bare.prepare(text);
      return () => stmt.all(made.from, made.to);
    };
    const cases: Array<{ name: string; call: () => Promise<unknown>; baseline: string; bareRun: () => unknown }> = [
      {
        name: 'analytics.heatmap (52 weeks)',
        call: () => must('analytics.heatmap', { weeks: 52 }, sessionToken),
        baseline: 'bare GROUP BY day, hour',
        bareRun: sql('SELECT day, hour, count(*) FROM analytics_history WHERE day BETWEEN ? AND ? GROUP BY day, hour'),
      },
      {
        name: 'analytics.serviceTimes (52 weeks)',
        call: () => must('analytics.serviceTimes', { weeks: 52 }, sessionToken),
        baseline: 'bare GROUP BY service, second',
        bareRun: sql(
          "SELECT service_code, service_seconds, count(*) FROM analytics_history INDEXED BY analytics_history_service_times WHERE outcome = 'served' AND day BETWEEN ? AND ? GROUP BY service_code, service_seconds",
        ),
      },
      {
        name: 'analytics.forecast (a year of history, 6-fold backtest)',
        call: () => must('analytics.forecast', {}, sessionToken),
        baseline: 'bare GROUP BY day, hour',
        bareRun: sql('SELECT day, hour, count(*) FROM analytics_history WHERE day BETWEEN ? AND ? GROUP BY day, hour'),
      },
      {
        name: 'analytics.staffing (forecast + Erlang C per hour)',
        call: () => must('analytics.staffing', {}, sessionToken),
        baseline: 'bare GROUP BY day, hour',
        bareRun: sql('SELECT day, hour, count(*) FROM analytics_history WHERE day BETWEEN ? AND ? GROUP BY day, hour'),
      },
    ];
    const results: BenchResult[] = [
      { name: `generate ${tickets} tickets of training history (52 weeks) into SQLite`, value: generateMs / 1000, unit: 's' },
    ];
    for (const c of cases) {
      const ours = await timeRuns(RUNS, c.call);
      const base = await timeRuns(RUNS, c.bareRun);
      results.push({
        name: `${c.name} over ${tickets} tickets, median`,
        value: median(ours),
        unit: 'ms',
        baseline: { name: c.baseline, value: median(base) },
        target: '< 1000 ms',
      });
    }
    bare.close();
    return results;
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
