// Command line of the simulator process: `npm run sbi-sim -- --port 4501 --delay 800 --quality 72`.
import { SBI_PORT_FIRST, SBI_PORT_LAST } from '@common/domain/biometrics/modalities.js';
import { SIM_DEVICES, SimControlSchema, type SimConfig } from './config.js';
import { startSimulatorServer, type SimulatorOptions } from './server.js';

const USAGE = `SBI 0.9.5 device simulator (fingerprint slaps, double iris, face) on 127.0.0.1
  --port N           listen on N (0 = any free port); default: the first free port from 4600 down
  --delay MS         capture time before RCAPTURE answers (default 800)
  --quality Q        quality score 0-100 of every capture (default 72)
  --devices LIST     finger,iris,face (default all three)
  --status S         Ready | Busy | "Not Ready"
  --fault F          malformedJson | brokenHash | timeout | disconnect | badSignature | disconnectStream | noBiometric
  --fps N            preview frames per second (default 10)
Change any of these while it runs: curl -X POST -d '{"quality":30}' http://127.0.0.1:PORT/control`;

export function parseSimArgs(argv: readonly string[]): SimulatorOptions {
  const opts: SimulatorOptions = { portRange: [SBI_PORT_FIRST, SBI_PORT_LAST] };
  const config: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value\n\n${USAGE}`);
      i++;
      return value;
    };
    switch (flag) {
      case '--port': {
        const p = Number(need());
        opts.port = p;
        delete opts.portRange;
        break;
      }
      case '--delay':
        config.delayMs = Number(need());
        break;
      case '--quality':
        config.quality = Number(need());
        break;
      case '--fps':
        config.fps = Number(need());
        break;
      case '--status':
        config.status = need();
        break;
      case '--fault':
        config.fault = need();
        config.faultTimes = 0;
        break;
      case '--devices': {
        const list = need()
          .split(',')
          .map((s) => s.trim());
        if (list.some((d) => !(SIM_DEVICES as readonly string[]).includes(d))) throw new Error(`--devices takes ${SIM_DEVICES.join(',')}`);
        opts.devices = list as SimulatorOptions['devices'];
        break;
      }
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`Unknown option ${flag}\n\n${USAGE}`);
    }
  }
  const parsed = SimControlSchema.safeParse(config);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n\n${USAGE}`);
  opts.config = parsed.data as Partial<SimConfig>;
  return opts;
}

/** Starts the simulator; tells a parent process (fork/spawn with IPC) its port, then serves until stopped. */
export async function runSimulatorCli(argv: readonly string[]): Promise<void> {
  let opts: SimulatorOptions;
  try {
    opts = parseSimArgs(argv);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  const sim = await startSimulatorServer(opts);
  console.log(`SBI simulator listening on 127.0.0.1:${sim.port} (control: POST http://127.0.0.1:${sim.port}/control)`);
  process.send?.({ type: 'listening', port: sim.port });
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A simulator started by Loket or a test dies with its parent.
  process.on('disconnect', stop);
}
