import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './index.js';
import type { Result } from './result.js';

/** One named function per contract call; the session token travels beside the input, never inside it. */
export type BridgeCalls = {
  [N in CallName]: (input: CallInput<N>, sessionToken?: string) => Promise<Result<CallOutput<N>>>;
};

/**
 * What the renderer talks to: `window.loket` from the Electron preload, or the HTTP client of the web
 * host (renderer/api/). Both are generated from the same contract table.
 */
export interface LoketBridge {
  platform: 'electron' | 'web';
  calls: BridgeCalls;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Electron IPC channel names, shared by main/host and preload. */
export const ipcCallChannel = (name: CallName): string => `loket:call:${name}`;
export const IPC_EVENT_CHANNEL = 'loket:event';
