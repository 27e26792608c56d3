// What is measured, on a real central (PGlite) behind a TCP proxy that freezes it as SIGSTOP would (connections
// taken, nothing answered) or cuts it off as a killed process would (connections reset):
// - how long a counter's "finish" waits before local mode takes over when central hangs, against the queue
//   deadline it is bound by, and how long the next press takes once central is known not to answer;
// - how long after central's return the desk's status is online again, after a freeze and after a cut
//   long enough for the retry wait to reach its cap, against that cap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Core } from '../main/core/core.js';
import { dispatch } from '../main/ipc/dispatch.js';
import { startSync } from '../main/sync/index.js';
import { installCentralQueue } from '../main/sync/queue-client.js';
import { DEFAULT_DEADLINES } from '../main/sync/transport.js';
import { BACKOFF_MAX_MS } from '../main/sync/backoff.js';
import type { CallInput, CallName, CallOutput } from '../common/contract/index.js';
import { createCentral } from '../server/app.js';
import { createEnrolmentCode } from '@server/admin/ops.js';
import { startFreezer } from '../tests/support/freezer.js';
import { median, type BenchResult } from './types.js';

const RUNS = 5;
const ADMIN = 'bench-admin-token-0123456789abcdef';
const PASSWORD = 'Bench-Loket-2026';
const rid = () => randomUUID().replace(/-/g, '');

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function run(): Promise<BenchResult[]> {
  const centralDir = mkdtempSync(join(tmpdir(), 'loket-bench-central-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-ws-'));
  const central = await createCentral({ dataDir: centralDir, adminToken: ADMIN });
  const url = await central.listen();
  const freezer = await startFreezer(url);
  const core = Core.open({ dataDir });
  const call = async <N extends CallName>(name: N, input: CallInput<N>, token?: string): Promise<CallOutput<N>> => {
    const r = await dispatch(core, name, input, token ? { sessionToken: token } : {});
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as CallOutput<N>;
  };
  await call('setup.initialize', {
    officeCode: 'banyumanik',
    workstationName: 'LOKET-03',
    counterNumber: 3,
    language: 'id',
    admin: { username: 'adminbench', fullName: 'Bench Admin', password: PASSWORD },
  });
  const token = (await call('auth.login', { username: 'adminbench', password: PASSWORD })).sessionToken;
  const client = await startSync(core, { centralUrl: freezer.url, longPollMs: 2_000 });
  await client.enrol(url, (await createEnrolmentCode(central.deps, 'banyumanik', 1)).code);
  const stopQueue = installCentralQueue(core, () => client.transport, { longPollMs: 2_000 });
  const online = async () => {
    const s = await call('sync.status', {});
    return s.state === 'idle' && s.online;
  };
  const fallback: number[] = [];
  const nextPress: number[] = [];
  const afterFreeze: number[] = [];
  const afterCut: number[] = [];
  try {
    await until(online);
    for (let i = 0; i < RUNS; i++) {
      const issued = await call('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, token);
      await call('queue.callNext', { requestId: rid() }, token);
      await call('queue.start', { ticketId: issued.ticket.id }, token);
      freezer.freeze();
      let t0 = performance.now();
      const done = await call('queue.finish', { ticketId: issued.ticket.id, outcome: 'served' }, token);
      fallback.push(performance.now() - t0);
      if (done.mode !== 'local') throw new Error('finish did not fall back to local mode');
      await until(async () => (await call('sync.status', {})).state === 'notAnswering');
      t0 = performance.now();
      const next = await call('queue.callNext', { requestId: rid() }, token);
      nextPress.push(performance.now() - t0);
      if (next.mode !== 'local') throw new Error('call next did not stay in local mode');
      freezer.thaw();
      t0 = performance.now();
      await until(online);
      afterFreeze.push(performance.now() - t0);
      await until(async () => (await call('queue.pendingActions', {}, token)).actions.length === 0);
    }
    for (let i = 0; i < 3; i++) {
      freezer.cut();
      // Long enough for the retry wait to reach its cap.
      await until(async () => {
        const s = await call('sync.status', {});
        return s.state === 'offline' && (s.nextAttemptAt ?? 0) - (s.lastAttemptAt ?? 0) >= BACKOFF_MAX_MS / 2;
      });
      freezer.restore();
      const t0 = performance.now();
      await until(online);
      afterCut.push(performance.now() - t0);
    }
  } finally {
    stopQueue();
    await client.stop();
    core.close();
    await freezer.close();
    await central.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(centralDir, { recursive: true, force: true });
  }
  const deadline = { name: 'queue deadline', value: DEFAULT_DEADLINES.queueMs };
  const cap = { name: 'retry wait cap', value: BACKOFF_MAX_MS };
  return [
    {
      name: `Finish falls back to local mode when central hangs, median of ${RUNS}`,
      value: median(fallback),
      unit: 'ms',
      baseline: deadline,
    },
    { name: 'Same, slowest', value: Math.max(...fallback), unit: 'ms', baseline: deadline },
    { name: `The next press while central is known not to answer, median of ${RUNS}`, value: median(nextPress), unit: 'ms' },
    {
      name: `Online again after central resumes from a freeze, median of ${RUNS}`,
      value: median(afterFreeze),
      unit: 'ms',
      baseline: cap,
      target: '< 10 s',
    },
    { name: 'Same, slowest', value: Math.max(...afterFreeze), unit: 'ms', baseline: cap, target: '< 10 s' },
    {
      name: 'Online again after central returns from a cut, backoff at its cap, median of 3',
      value: median(afterCut),
      unit: 'ms',
      baseline: cap,
      target: '< 10 s',
    },
    { name: 'Same, slowest', value: Math.max(...afterCut), unit: 'ms', baseline: cap, target: '< 10 s' },
  ];
}
