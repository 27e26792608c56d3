import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { EVENT_NAMES } from '@common/contract/index.js';
import type { Core } from '../core/core.js';
import { dispatch } from '../ipc/dispatch.js';
import { SECURITY_HEADERS, hostHeaderAllowed, isLoopback, originAllowed } from './web-security.js';
import { readStatic } from './web-static.js';

export interface WebHostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  /** For tests; a fresh random token per run otherwise. */
  token?: string;
}

export interface WebHost {
  /** The plain address: it opens the page, which holds no data; calls need the token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /**
   * The address to open Loket with: it carries a fresh single-use code (never the token) that the page
   * trades once, by POST /api/session, for this run's token. The token then lives in the tab's
   * sessionStorage, which is bound to this origin (host and port), unlike cookies, which Chromium also
   * sends to every other port on 127.0.0.1.
   */
  openUrl(): string;
  close(): Promise<void>;
}

/** Unused open codes are kept this long, so a code read off a command line soon stops being worth anything. */
export const OPEN_CODE_TTL_MS = 5 * 60_000;
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
  // Past the limit the rest is read and dropped, so the caller gets its 413 instead of a reset socket
  // (leaving the loop early destroys the request mid-upload); only a flood far past it is cut off.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY * 4) break;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY) throw new HttpError(413, 'VALIDATION', 'The request body is too large');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'VALIDATION', 'The request body is not valid JSON');
  }
}

/**
 * The same contract as the Electron IPC host, over HTTP on 127.0.0.1 for end-to-end tests and for
 * machines without Electron. Every call and the event stream need this run's token in a header, and an
 * Origin of this very host (another site, or another server on 127.0.0.1 the browser talks to, can
 * neither send the header nor fake the Origin through the browser). No cookie carries anything: cookies
 * are not port-scoped. The page and its scripts are served to anyone on this computer; they hold no data.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = resolve(opts.rendererDir);
  const { core } = opts;
  let port = 0;
  const streams = new Set<ServerResponse>();
  /** Single-use open codes and when each was minted. */
  const codes = new Map<string, number>();

  const unsubscribers = EVENT_NAMES.map((name) =>
    core.events.on(name, (payload) => {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const s of streams) s.write(frame);
    }),
  );

  const takeCode = (given: unknown): boolean => {
    const now = Date.now();
    for (const [code, at] of codes) if (now - at > OPEN_CODE_TTL_MS) codes.delete(code);
    if (typeof given !== 'string') return false;
    for (const code of codes.keys()) {
      if (sameToken(given, code)) {
        codes.delete(code);
        return true;
      }
    }
    return false;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) throw new HttpError(403, 'FORBIDDEN', 'Only this computer may connect');
    if (!hostHeaderAllowed(req, port)) throw new HttpError(403, 'FORBIDDEN', 'Unexpected Host header');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      // Browsers send Origin on every POST, same-origin included; a missing one is not a browser on our page.
      if (!originAllowed(req, port)) throw new HttpError(403, 'FORBIDDEN', "Calls come only from this host's own page");
      if (req.method !== 'POST') throw new HttpError(405, 'VALIDATION', 'Use POST');
      if (url.pathname === '/api/session') {
        const body = await readJson(req);
        const code = body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
        if (!takeCode(code))
          throw new HttpError(401, 'UNAUTHENTICATED', 'This address was used already; open Loket again from where it was started');
        sendJson(res, 200, { token });
        return;
      }
      const headerToken = req.headers['x-loket-token'];
      if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) {
        throw new HttpError(401, 'UNAUTHENTICATED', 'Missing or wrong token');
      }
      if (url.pathname === '/api/events') {
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
      if (!url.pathname.startsWith('/api/call/')) throw new HttpError(404, 'NOT_FOUND', 'No such endpoint');
      const body = await readJson(req);
      const input = body && typeof body === 'object' && 'input' in body ? (body as { input: unknown }).input : undefined;
      const session = req.headers['x-loket-session'];
      const result = await dispatch(core, url.pathname.slice('/api/call/'.length), input, {
        sessionToken: typeof session === 'string' ? session : undefined,
      });
      sendJson(res, 200, result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'VALIDATION', 'Method not allowed');
    const file = (await readStatic(root, url.pathname === '/' ? 'index.html' : url.pathname)) ?? (await readStatic(root, 'index.html'));
    if (!file) throw new HttpError(404, 'NOT_FOUND', 'The renderer is not built; run npm run build');
    send(res, 200, file.body, file.type);
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
    url: `${origin}/`,
    origin,
    port,
    token,
    openUrl() {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, Date.now());
      return `${origin}/?code=${code}`;
    },
    close: async () => {
      unsubscribers.forEach((u) => u());
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
