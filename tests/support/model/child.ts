// Spawns model-test workstations as real processes (bundled once with esbuild, so a restart after a
// SIGKILL costs a fraction of a second) and talks to them one JSON line at a time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Inside node_modules so the bundle's bare imports (better-sqlite3...) resolve; one folder per run. */
export async function bundleChild(): Promise<{ file: string; cleanup: () => void }> {
  const dir = join(ROOT, 'node_modules', '.cache', `loket-model-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ws-child.mjs');
  await build({
    entryPoints: [join(ROOT, 'tests', 'support', 'model', 'ws-child.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  // db/migrate.ts finds its SQL beside the module that runs it.
  cpSync(join(ROOT, 'db', 'migrations'), join(dir, 'migrations'), { recursive: true });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildArgs {
  dataDir: string;
  office: string;
  name: string;
  centralUrl: string;
  code?: string;
}

type Reply = Record<string, unknown> & { id?: number };

export class WorkstationProcess {
  private proc: ChildProcessWithoutNullStreams | undefined;
  private nextId = 1;
  private waiting = new Map<number, (r: Reply) => void>();
  private exited: Promise<void> = Promise.resolve();
  stderr = '';
  kills = 0;

  constructor(
    private readonly bundle: string,
    readonly args: ChildArgs,
  ) {}

  get alive(): boolean {
    return this.proc !== undefined;
  }

  async start(): Promise<Reply> {
    const proc = spawn(process.execPath, [this.bundle, JSON.stringify(this.args)], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc = proc;
    proc.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-20_000);
    });
    this.exited = new Promise((resolve) =>
      proc.once('exit', () => {
        if (this.proc === proc) this.proc = undefined;
        for (const [, reply] of this.waiting) reply({ ok: false, died: true });
        this.waiting.clear();
        resolve();
      }),
    );
    const ready = new Promise<Reply>((resolve) => {
      const rl = createInterface({ input: proc.stdout });
      let first = true;
      rl.on('line', (line) => {
        const msg = JSON.parse(line) as Reply;
        if (first) {
          first = false;
          return resolve(msg);
        }
        const waiter = msg.id !== undefined ? this.waiting.get(msg.id) : undefined;
        if (waiter && msg.id !== undefined) {
          this.waiting.delete(msg.id);
          waiter(msg);
        }
      });
    });
    const r = await Promise.race([ready, this.exited.then(() => ({ ready: false, error: this.stderr }) as Reply)]);
    if (!r.ready) throw new Error(`workstation ${this.args.name} failed to start: ${String(r.error)}`);
    // Enrolment happens once; a restart reuses the stored key.
    delete this.args.code;
    return r;
  }

  send(cmd: Record<string, unknown>): Promise<Reply> {
    const proc = this.proc;
    if (!proc) return Promise.resolve({ ok: false, died: true });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      proc.stdin.write(`${JSON.stringify({ ...cmd, id })}\n`);
    });
  }

  /** SIGKILL: no cleanup, no flush, exactly a power cut for the process. */
  async kill(): Promise<void> {
    if (!this.proc) return;
    this.kills += 1;
    this.proc.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.proc) return;
    await this.send({ cmd: 'exit' });
    await this.exited;
  }
}
