import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { EVENT_NAMES } from '@common/contract/index.js';
import type { Core } from '../core/core.js';
import { dispatch } from '../ipc/dispatch.js';
import { SECURITY_HEADERS, cookieValue, hostHeaderAllowed, isLoopback } from './web-security.js';
import { injectToken, readStatic } from './web-static.js';

export interface WebHostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  /** For tests; a fresh random token per run otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'loket_token';
/** A capture still (base64 PNG, up to 4 MiB in the biometrics contract) must fit, with room for its JSON. */
const MAX_BODY = 6 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown): void =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new HttpError(415, 'VALIDATION', 'Send application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'VALIDATION', 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'VALIDATION', 'The request body is not valid JSON');
  }
}

/**
 * The same contract as the Electron IPC host, over HTTP on 127.0.0.1 for end-to-end tests and for
 * machines without Electron. Every request needs this run's token (cookie for page loads and the event
 * stream, header as well for calls, so another site cannot forge a call through the cookie alone).
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = resolve(opts.rendererDir);
  const { core } = opts;
  let port = 0;
  const streams = new Set<ServerResponse>();

  const unsubscribers = EVENT_NAMES.map((name) =>
    core.events.on(name, (payload) => {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const s of streams) s.write(frame);
    }),
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) throw new HttpError(403, 'FORBIDDEN', 'Only this computer may connect');
    if (!hostHeaderAllowed(req, port)) throw new HttpError(403, 'FORBIDDEN', 'Unexpected Host header');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (req.method === 'GET' && url.searchParams.has('token')) {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) throw new HttpError(401, 'UNAUTHENTICATED', 'Wrong token');
      url.searchParams.delete('token');
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        location: url.pathname + url.search + url.hash,
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
      return;
    }
    const headerToken = req.headers['x-loket-token'];
    const cookieOk = sameToken(cookieValue(req, COOKIE), token);

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') throw new HttpError(405, 'VALIDATION', 'Use POST');
      if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) {
        throw new HttpError(401, 'UNAUTHENTICATED', 'Missing or wrong token');
      }
      const body = await readJson(req);
      const input = body && typeof body === 'object' && 'input' in body ? (body as { input: unknown }).input : undefined;
      const session = req.headers['x-loket-session'];
      const result = await dispatch(core, url.pathname.slice('/api/call/'.length), input, {
        sessionToken: typeof session === 'string' ? session : undefined,
      });
      sendJson(res, 200, result);
      return;
    }
    if (!cookieOk && !sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'Open Loket through the address it printed at start');
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'VALIDATION', 'Method not allowed');
    const file = (await readStatic(root, url.pathname === '/' ? 'index.html' : url.pathname)) ?? (await readStatic(root, 'index.html'));
    if (!file) throw new HttpError(404, 'NOT_FOUND', 'The renderer is not built; run npm run build');
    const isIndex = file.type.startsWith('text/html');
    send(res, 200, isIndex ? injectToken(file.body, token) : file.body, file.type);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.end();
      if (err instanceof HttpError) return sendJson(res, err.status, { ok: false, error: { code: err.code, message: err.message } });
      core.log.error({ err, method: req.method }, 'web host error');
      sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    });
  });
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(opts.port ?? 0, '127.0.0.1', () => done());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      unsubscribers.forEach((u) => u());
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
