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

export function readPageToken(doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="loket-token"]')?.content ?? '';
}

export function createHttpBridge(token: string, base = '/api'): LoketBridge {
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => {
      const call = async (input: unknown, sessionToken?: string): Promise<Result<unknown>> => {
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-loket-token': token };
        if (sessionToken) headers['x-loket-session'] = sessionToken;
        let response: Response;
        try {
          response = await fetch(`${base}/call/${name}`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ input: input ?? {} }),
            credentials: 'same-origin',
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
  let source: EventSource | undefined;
  const connect = (): void => {
    if (source) return;
    source = new EventSource(`${base}/events`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        let data: unknown;
        try {
          data = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        const parsed = events[name].safeParse(data);
        if (!parsed.success) return;
        for (const listener of listeners.get(name) ?? []) listener(parsed.data);
      });
    }
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
