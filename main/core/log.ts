// Core logs through the logger its host gives it (Core's `log`): the workstation's rotating log file in
// the hosts, nothing at all in tests and tools that open a Core without one.
import { pino, type Logger } from 'pino';

export type Log = Logger;

export const SILENT_LOG: Log = pino({ level: 'silent' });
