// The renderer's single door to Loket: attaches the session token and turns LOCKED and
// UNAUTHENTICATED answers from any call into one session-level reaction (lock screen, login).
import type { CallInput, CallName, CallOutput, EventName, EventPayload, Result } from '@common/contract/index.js';
import { getBridge } from './bridge.js';

export interface SessionHooks {
  token: () => string | undefined;
  onLocked: () => void;
  onUnauthenticated: () => void;
}

let hooks: SessionHooks = { token: () => undefined, onLocked: () => undefined, onUnauthenticated: () => undefined };

export function bindSession(next: SessionHooks): void {
  hooks = next;
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const token = hooks.token();
  let result: Result<CallOutput<N>>;
  try {
    result = await getBridge().calls[name](input, token);
  } catch {
    result = { ok: false, error: { code: 'INTERNAL', message: 'The Loket service did not answer', details: { transport: true } } };
  }
  if (!result.ok && token) {
    if (result.error.code === 'LOCKED') hooks.onLocked();
    if (result.error.code === 'UNAUTHENTICATED') hooks.onUnauthenticated();
  }
  return result;
}

export function subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getBridge().on(name, listener);
}
