// HTTP/1.1 parsed straight off a TCP socket: Node's http server refuses SBI's custom verbs (MOSIPDISC,
// RCAPTURE...), so the simulator reads request line, headers and body itself. One request per
// connection, answered with `Connection: close`, which is all SBI clients need.
import { createServer, type Server, type Socket } from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export const MAX_HEAD = 16 * 1024;
export const MAX_BODY = 1024 * 1024;

export class RawHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
};

export class RawResponse {
  private headSent = false;
  constructor(readonly socket: Socket) {}

  get closed(): boolean {
    return this.socket.destroyed;
  }

  head(status: number, headers: Record<string, string | number>): void {
    if (this.headSent) return;
    this.headSent = true;
    const lines = [
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Status'}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      'Connection: close',
      '',
      '',
    ];
    this.socket.write(lines.join('\r\n'));
  }

  write(chunk: Buffer | string): boolean {
    return this.socket.destroyed ? false : this.socket.write(chunk);
  }

  send(status: number, type: string, body: Buffer | string): void {
    const b = typeof body === 'string' ? Buffer.from(body) : body;
    this.head(status, { 'Content-Type': type, 'Content-Length': b.length, 'Access-Control-Allow-Origin': '*' });
    this.socket.end(b);
  }

  json(status: number, value: unknown): void {
    this.send(status, 'application/json', JSON.stringify(value));
  }
}

function decodeChunked(buf: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let o = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', o);
    if (eol < 0) return undefined;
    const size = parseInt(buf.subarray(o, eol).toString('latin1').split(';')[0]!, 16);
    if (Number.isNaN(size)) throw new RawHttpError(400, 'bad chunk size');
    if (size === 0) return buf.length >= eol + 4 ? Buffer.concat(parts) : undefined;
    if (buf.length < eol + 2 + size + 2) return undefined;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    o = eol + 2 + size + 2;
    if (o > MAX_BODY * 2) throw new RawHttpError(413, 'body too large');
  }
}

/** Parses one request from the bytes so far: undefined while incomplete, RawHttpError when broken. */
export function parseRequest(buf: Buffer): RawRequest | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) {
    if (buf.length > MAX_HEAD) throw new RawHttpError(400, 'request head too large');
    return undefined;
  }
  const [line, ...headerLines] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^([A-Za-z]+) (\S+) HTTP\/1\.[01]$/.exec(line ?? '');
  if (!m) throw new RawHttpError(400, 'bad request line');
  const headers: Record<string, string> = {};
  for (const h of headerLines) {
    const i = h.indexOf(':');
    if (i <= 0) throw new RawHttpError(400, 'bad header');
    headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
  }
  const rest = buf.subarray(end + 4);
  let body: Buffer | undefined;
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = decodeChunked(rest);
  else {
    const length = Number(headers['content-length'] ?? '0');
    if (!Number.isInteger(length) || length < 0) throw new RawHttpError(400, 'bad content-length');
    if (length > MAX_BODY) throw new RawHttpError(413, 'body too large');
    body = rest.length >= length ? rest.subarray(0, length) : undefined;
  }
  if (!body) return undefined;
  return { method: m[1]!.toUpperCase(), path: m[2]!, headers, body };
}

export function createRawHttpServer(handler: (req: RawRequest, res: RawResponse) => void | Promise<void>): Server {
  return createServer((socket) => {
    let buf = Buffer.alloc(0);
    let handled = false;
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      if (handled) return;
      buf = Buffer.concat([buf, chunk]);
      const res = new RawResponse(socket);
      let req: RawRequest | undefined;
      try {
        req = parseRequest(buf);
      } catch (err) {
        handled = true;
        const status = err instanceof RawHttpError ? err.status : 400;
        res.json(status, { error: { errorCode: '500', errorInfo: err instanceof Error ? err.message : 'bad request' } });
        return;
      }
      if (!req) return;
      handled = true;
      Promise.resolve(handler(req, res)).catch((err: unknown) => {
        if (!res.closed) res.json(500, { error: { errorCode: '500', errorInfo: err instanceof Error ? err.message : 'internal error' } });
      });
    });
  });
}
