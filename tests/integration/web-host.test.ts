import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '@main/host/web-host.js';
import { isLoopback } from '@main/host/web-security.js';
import { ADMIN_PASSWORD, setUp, tempCore, type TempCore } from '../support/core.js';

let t: TempCore;
let host: WebHost;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const call = (name: string, input: unknown, extra: Record<string, string> = {}) =>
  raw(
    'POST',
    `/api/call/${name}`,
    { 'content-type': 'application/json', 'x-loket-token': host.token, ...extra },
    JSON.stringify({ input }),
  );

beforeAll(async () => {
  t = tempCore();
  const rendererDir = mkdtempSync(join(tmpdir(), 'loket-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Loket</title></head><body></body></html>');
  host = await startWebHost({ core: t.core, rendererDir });
});
afterAll(async () => {
  await host.close();
  t.cleanup();
});

describe('web host', () => {
  it('listens on loopback only and prints a URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('192.168.1.10') || isLoopback('10.0.0.1') || isLoopback(undefined)).toBe(false);
  });

  it('refuses calls without the token and answers with the Result envelope with it', async () => {
    const none = await raw('POST', '/api/call/app.status', { 'content-type': 'application/json' }, '{}');
    expect(none.status).toBe(401);
    const wrong = await call('app.status', {}, { 'x-loket-token': 'nope' });
    expect(wrong.status).toBe(401);
    const good = await call('app.status', {});
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await call('app.status', {}, { host: `evil.example:${host.port}` });
    expect(r.status).toBe(403);
  });

  it('answers malformed, oversized and non-JSON bodies with specific 4xx', async () => {
    const headers = { 'content-type': 'application/json', 'x-loket-token': host.token };
    expect((await raw('POST', '/api/call/app.status', headers, '{not json')).status).toBe(400);
    expect((await raw('POST', '/api/call/app.status', headers, JSON.stringify({ input: 'x'.repeat(6_400_000) }))).status).toBe(413);
    expect((await raw('POST', '/api/call/app.status', { ...headers, 'content-type': 'text/plain' }, '{}')).status).toBe(415);
    const unknown = JSON.parse((await call('no.such.call', {})).body);
    expect(unknown.error.code).toBe('NOT_FOUND');
  });

  it('trades the URL token for a cookie, then serves the page with its meta token and CSP', async () => {
    expect((await raw('GET', '/')).status).toBe(401);
    expect((await raw('GET', '/?token=wrong')).status).toBe(401);
    const redirect = await raw('GET', `/?token=${host.token}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe('/');
    const cookie = String(redirect.headers['set-cookie']).split(';')[0]!;
    expect(String(redirect.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await raw('GET', '/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="loket-token" content="${host.token}">`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const traversal = await raw('GET', '/..%2f..%2f..%2fetc%2fpasswd', { cookie });
    expect(traversal.body).not.toContain('root:');
  });

  it('pushes core events over server-sent events', async () => {
    const redirect = await raw('GET', `/?token=${host.token}`);
    const cookie = String(redirect.headers['set-cookie']).split(';')[0]!;
    const admin = await setUp(t);
    const frames = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { cookie } }, (res) => {
        let data = '';
        res.on('data', (c) => {
          data += c;
          if (data.includes('event: session.changed')) {
            req.destroy();
            resolve(data);
          }
        });
        void call('auth.lock', {}, { 'x-loket-session': admin });
      });
      req.on('error', reject);
      req.end();
    });
    expect(frames).toMatch(/event: session.changed\ndata: \{"sessionId":"[^"]+","state":"locked"\}/);
    expect(JSON.parse((await call('auth.unlock', { password: ADMIN_PASSWORD }, { 'x-loket-session': admin })).body).ok).toBe(true);
  });
});
