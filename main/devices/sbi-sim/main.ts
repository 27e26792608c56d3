// Entry point of the simulator process (spawned by training mode and the tests; `npm run sbi-sim`).
import { runSimulatorCli } from './cli.js';

void runSimulatorCli(process.argv.slice(2));
