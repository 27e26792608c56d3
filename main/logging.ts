// The workstation's log: JSON lines in <data>/logs/loket.N.log, a new file each day or every 10 MB, the
// newest few kept. Written from the main thread (no transport worker): the shell's CommonJS bundle and
// an installed Electron app need no worker script beside them, and synchronous writes lose nothing when
// Loket stops or crashes. What may not be logged: common/domain/shared/log-privacy.ts.
import { join } from 'node:path';
import { pino } from 'pino';
import pinoRoll from 'pino-roll';
import { privateLogOptions } from '@common/domain/shared/log-privacy.js';
import type { Log } from './core/log.js';

export const LOG_FOLDER = 'logs';
/** Files kept besides the current one: a week of ordinary days. */
const KEPT_FILES = 6;

export async function openWorkstationLog(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Log> {
  // No hostname: workstation names are often people's names.
  const options = { ...privateLogOptions(env.LOKET_LOG_LEVEL || 'info'), base: { pid: process.pid } };
  try {
    const stream = await pinoRoll({
      file: join(dataDir, LOG_FOLDER, 'loket'),
      extension: '.log',
      size: '10m',
      frequency: 'daily',
      limit: { count: KEPT_FILES },
      mkdir: true,
      sync: true,
    });
    return pino(options, stream);
  } catch (err) {
    const log = pino(options, pino.destination({ fd: 2, sync: true }));
    log.error({ err }, 'the log folder cannot be written; logging to stderr instead');
    return log;
  }
}
