// Starts the simulator as its own process, as a real device service would run beside Loket.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SimConfig, SimControl } from './config.js';

export interface SimulatorProcess {
  port: number;
  pid: number;
  control(update: SimControl): Promise<SimConfig>;
  stop(): Promise<void>;
}

export interface SimulatorProcessOptions {
  /** Command-line flags (see cli.ts), e.g. ['--port', '0', '--delay', '100']. */
  args?: readonly string[];
  startTimeoutMs?: number;
}

/**
 * From TypeScript sources (tests, tsx) the entry is main.ts run through tsx; from the bundle it is
 * out/main/sbi-sim.mjs beside the running bundle (the build must emit that entry).
 */
function entry(): { file: string; execArgv: string[] } {
  const ts = fileURLToPath(new URL('./main.ts', import.meta.url));
  if (existsSync(ts)) return { file: ts, execArgv: ['--import', 'tsx'] };
  return { file: fileURLToPath(new URL('./sbi-sim.mjs', import.meta.url)), execArgv: [] };
}

export function controlSimulator(port: number, update: SimControl | undefined): Promise<SimConfig> {
  const body = Buffer.from(JSON.stringify(update ?? {}));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/control',
        method: update ? 'POST' : 'GET',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': update ? body.length : 0 },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`simulator control refused: ${text}`));
          else resolve(JSON.parse(text) as SimConfig);
        });
      },
    );
    req.on('error', reject);
    req.end(update ? body : undefined);
  });
}

export function startSimulatorProcess(opts: SimulatorProcessOptions = {}): Promise<SimulatorProcess> {
  const { file, execArgv } = entry();
  const child: ChildProcess = spawn(process.execPath, [...execArgv, file, ...(opts.args ?? [])], {
    // Under Electron process.execPath is Electron itself: run it as plain Node for the simulator.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`SBI simulator did not start in time. ${stderr}`));
    }, opts.startTimeoutMs ?? 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`SBI simulator exited (${code}) before listening. ${stderr}`));
    });
    child.on('message', (m: unknown) => {
      const msg = m as { type?: string; port?: number };
      if (msg.type !== 'listening' || typeof msg.port !== 'number') return;
      clearTimeout(timer);
      const port = msg.port;
      resolve({
        port,
        pid: child.pid!,
        control: (update) => controlSimulator(port, update),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
