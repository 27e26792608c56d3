// npm run sbi-sim [-- --port 4501 --delay 800 --quality 72 ...]: a simulated SBI biometric device.
import { runSimulatorCli } from '../main/devices/sbi-sim/cli.js';

void runSimulatorCli(process.argv.slice(2));
