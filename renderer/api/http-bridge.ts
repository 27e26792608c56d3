// The web host's transport: the same contract over HTTP on 127.0.0.1 (POST /api/call/<name>) and its
// events over Server-Sent Events. Built from the contract table, so a new call needs no code here.
import { CALL_NAMES, EVENT_NAMES, events, type EventName, type Result } from '@common/contract/index.js';
import type { BridgeCalls, LoketBridge } from '@common/contract/bridge.js';

type Listener = (payload: unknown) => void;

/** A transport failure, shaped like any other error so screens handle one envelope. */
const unreachable = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message, details: { transport: true } },
});

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

const TOKEN_KEY = 'loket-token';
let pageToken: Promise<string> | undefined;

/**
 * This run's token: traded once for the single-use code in the address Loket was opened with, then kept
 * in the tab's sessionStorage (bound to this origin, host and port, as cookies are not), so a reload or
 * the board opened in the same tab keeps it. The code is taken out of the address bar at once.
 */
export function readPageToken(win: Window = window): Promise<string> {
  pageToken ??= (async () => {
    const url = new URL(win.location.href);
    const code = url.searchParams.get('code');
    if (code) {
      url.searchParams.delete('code');
      win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
      try {
        const response = await fetch('/api/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code }),
          credentials: 'omit',
          cache: 'no-store',
        });
        const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined;
        if (response.ok && typeof body?.token === 'string') win.sessionStorage.setItem(TOKEN_KEY, body.token);
      } catch {
        // The calls below answer "cannot be reached" like any other transport failure.
      }
    }
    return win.sessionStorage.getItem(TOKEN_KEY) ?? '';
  })();
  return pageToken;
}

/** Reads a Server-Sent Events stream from a fetch body (EventSource cannot send the token header). */
async function readEvents(body: ReadableStream<Uint8Array>, onFrame: (name: string, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) name = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length) onFrame(name, data.join('\n'));
    }
  }
}

const RECONNECT_MS = 2_000;

export function createHttpBridge(tokenSource: () => Promise<string>, base = '/api'): LoketBridge {
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => {
      const call = async (input: unknown, sessionToken?: string): Promise<Result<unknown>> => {
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-loket-token': await tokenSource() };
        if (sessionToken) headers['x-loket-session'] = sessionToken;
        let response: Response;
        try {
          response = await fetch(`${base}/call/${name}`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ input: input ?? {} }),
            credentials: 'omit',
            cache: 'no-store',
          });
        } catch {
          return unreachable('The Loket service on this computer cannot be reached');
        }
        const body: unknown = await response.json().catch(() => undefined);
        return isResult(body) ? body : unreachable(`Unexpected answer from the Loket service (HTTP ${response.status})`);
      };
      return [name, call];
    }),
  ) as BridgeCalls;

  const listeners = new Map<EventName, Set<Listener>>();
  let connected = false;
  const deliver = (name: string, raw: string): void => {
    if (!(EVENT_NAMES as string[]).includes(name)) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    const parsed = events[name as EventName].safeParse(data);
    if (!parsed.success) return;
    for (const listener of listeners.get(name as EventName) ?? []) listener(parsed.data);
  };
  // One stream for the page's life, opened again after it drops (the host restarted, the laptop slept).
  const stream = async (): Promise<void> => {
    for (;;) {
      try {
        const response = await fetch(`${base}/events`, {
          method: 'POST',
          headers: { 'x-loket-token': await tokenSource() },
          credentials: 'omit',
          cache: 'no-store',
        });
        if (response.ok && response.body) await readEvents(response.body, deliver);
      } catch {
        // dropped: try again below
      }
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  };
  const connect = (): void => {
    if (connected) return;
    connected = true;
    void stream();
  };

  const on: LoketBridge['on'] = (name, listener) => {
    connect();
    const set = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, set);
    const wrapped: Listener = (payload) => listener(payload as never);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };

  return Object.freeze({ platform: 'web' as const, calls: Object.freeze(calls), on });
}
