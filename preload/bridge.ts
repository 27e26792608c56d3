import type { IpcRenderer } from 'electron';
import { CALL_NAMES, EVENT_NAMES, type EventName } from '../common/contract/index.js';
import { IPC_EVENT_CHANNEL, ipcCallChannel, type BridgeCalls, type LoketBridge } from '../common/contract/bridge.js';

type Listener = (payload: unknown) => void;

const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);

/**
 * Builds `window.loket` from the contract table: one named function per call and a filtered event
 * subscription. The renderer never sees ipcRenderer, channel names or IPC event objects.
 */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on'>): LoketBridge {
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => {
      const channel = ipcCallChannel(name);
      const call = (input: unknown, sessionToken?: string): Promise<unknown> =>
        ipc.invoke(channel, input, typeof sessionToken === 'string' ? sessionToken : undefined);
      return [name, call];
    }),
  ) as BridgeCalls;

  // One IPC listener fans out to the renderer's subscribers, so subscriptions never pile up on ipcRenderer.
  const listeners = new Map<EventName, Set<Listener>>();
  let attached = false;
  const attach = (): void => {
    if (attached) return;
    attached = true;
    ipc.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
      if (!isEventName(name)) return;
      for (const listener of listeners.get(name) ?? []) listener(payload);
    });
  };

  const on: LoketBridge['on'] = (name, listener) => {
    if (!isEventName(name)) throw new Error(`Unknown Loket event: ${String(name)}`);
    if (typeof listener !== 'function') throw new TypeError('A Loket event listener must be a function');
    attach();
    const set = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, set);
    const wrapped: Listener = (payload) => listener(payload as never);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };

  return Object.freeze({ platform: 'electron', calls: Object.freeze(calls), on });
}
