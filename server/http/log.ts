// Central's log is Fastify's pino logger. Request and response bodies are never logged: an error is
// logged by its code, the route and the workstation, and the redaction paths in
// common/domain/shared/log-privacy.ts catch what a careless log line might still pass.
import type { FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';
import { privateLogOptions } from '@common/domain/shared/log-privacy.js';
import { SYNC_HEADERS } from '@common/central/protocol.js';

export type CentralLog = Logger;

/** `npm run server`'s log: JSON lines on stdout (or the given stream), level from LOKET_LOG_LEVEL. */
export function centralLog(level = process.env.LOKET_LOG_LEVEL || 'info', destination?: DestinationStream): CentralLog {
  return destination ? pino(privateLogOptions(level), destination) : pino(privateLogOptions(level));
}

export const SILENT_CENTRAL_LOG: CentralLog = pino({ level: 'silent' });

/** What identifies a request in the log: the route's pattern (not the URL with its query) and the caller. */
export function requestFacts(req: FastifyRequest): Record<string, unknown> {
  const workstation = req.headers[SYNC_HEADERS.workstation];
  return {
    method: req.method,
    route: req.routeOptions.url ?? 'unknown',
    ...(typeof workstation === 'string' ? { workstation } : {}),
  };
}
