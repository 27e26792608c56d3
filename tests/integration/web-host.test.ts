import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '@main/host/web-host.js';
import { isLoopback } from '@main/host/web-security.js';
import { chromiumArgs } from '@main/host/web-browser.js';
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

const origin = () => `http://127.0.0.1:${host.port}`;
const call = (name: string, input: unknown, extra: Record<string, string> = {}) =>
  raw(
    'POST',
    `/api/call/${name}`,
    { 'content-type': 'application/json', 'x-loket-token': host.token, origin: origin(), ...extra },
    JSON.stringify({ input }),
  );
const trade = (code: string | null, extra: Record<string, string> = {}) =>
  raw('POST', '/api/session', { 'content-type': 'application/json', origin: origin(), ...extra }, JSON.stringify({ code }));

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
  it('listens on loopback only and opens with a single-use code, never the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    const open = new URL(host.openUrl());
    expect(open.origin).toBe(origin());
    expect([...open.searchParams.keys()]).toEqual(['code']);
    expect(open.toString()).not.toContain(host.token);
    expect(host.openUrl()).not.toBe(open.toString());
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('192.168.1.10') || isLoopback('10.0.0.1') || isLoopback(undefined)).toBe(false);
  });

  it("puts no token on the spawned browser's command line", () => {
    const args = chromiumArgs(host.openUrl(), '/data');
    expect(args.join(' ')).not.toContain(host.token);
    expect(args[0]).toMatch(/^--app=http:\/\/127\.0\.0\.1:\d+\/\?code=/);
  });

  it('trades an open code once, from its own origin only, for the token', async () => {
    const code = new URL(host.openUrl()).searchParams.get('code');
    expect((await trade(code, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    const traded = await trade(code);
    expect(traded.status).toBe(200);
    expect(JSON.parse(traded.body)).toEqual({ token: host.token });
    expect(traded.headers['set-cookie']).toBeUndefined();
    expect((await trade(code)).status).toBe(401);
    expect((await trade('made-up')).status).toBe(401);
    expect((await trade(null)).status).toBe(401);
  });

  it('refuses an API call from a foreign or missing Origin, even with the right token', async () => {
    for (const foreign of ['http://127.0.0.1:1', `http://evil.example:${host.port}`, 'null', `https://127.0.0.1:${host.port}`]) {
      expect((await call('app.status', {}, { origin: foreign })).status, foreign).toBe(403);
    }
    const missing = await raw('POST', '/api/call/app.status', { 'content-type': 'application/json', 'x-loket-token': host.token }, '{}');
    expect(missing.status).toBe(403);
    const events = await raw('POST', '/api/events', { 'x-loket-token': host.token, origin: 'http://127.0.0.1:1' });
    expect(events.status).toBe(403);
    expect((await call('app.status', {}, { origin: `http://localhost:${host.port}`, host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('sets no cookie and takes none: what the browser sends to another port on 127.0.0.1 opens nothing', async () => {
    // The old cookie carried the token itself; a cookie (of any name) no longer stands in for the header.
    const asCookie = await raw(
      'POST',
      '/api/call/app.status',
      { 'content-type': 'application/json', origin: origin(), cookie: `loket_token=${host.token}` },
      '{}',
    );
    expect(asCookie.status).toBe(401);
    const old = await raw('GET', `/?token=${host.token}`);
    expect(old.headers['set-cookie']).toBeUndefined();
    const page = await raw('GET', `/?code=${new URL(host.openUrl()).searchParams.get('code')}`);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).not.toContain(host.token);
  });

  it('refuses calls without the token and answers with the Result envelope with it', async () => {
    const none = await raw('POST', '/api/call/app.status', { 'content-type': 'application/json', origin: origin() }, '{}');
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
    const headers = { 'content-type': 'application/json', 'x-loket-token': host.token, origin: origin() };
    expect((await raw('POST', '/api/call/app.status', headers, '{not json')).status).toBe(400);
    expect((await raw('POST', '/api/call/app.status', headers, JSON.stringify({ input: 'x'.repeat(6_400_000) }))).status).toBe(413);
    expect((await raw('POST', '/api/call/app.status', { ...headers, 'content-type': 'text/plain' }, '{}')).status).toBe(415);
    const unknown = JSON.parse((await call('no.such.call', {})).body);
    expect(unknown.error.code).toBe('NOT_FOUND');
  });

  it('serves the page, which holds no token, with its CSP', async () => {
    const page = await raw('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(host.token);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const traversal = await raw('GET', '/..%2f..%2f..%2fetc%2fpasswd');
    expect(traversal.body).not.toContain('root:');
  });

  it('pushes core events over server-sent events', async () => {
    const admin = await setUp(t);
    const frames = await new Promise<string>((resolve, reject) => {
      const headers = { 'x-loket-token': host.token, origin: origin() };
      const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/events', headers }, (res) => {
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
