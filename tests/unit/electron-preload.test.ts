// The preload: exactly the contract's calls, a filtered event subscription, nothing of IPC itself.
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '@common/contract/index.js';
import { IPC_EVENT_CHANNEL, ipcCallChannel, type LoketBridge } from '@common/contract/bridge.js';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../fixtures/fake-electron/index.js';

vi.mock('electron', async () => (await import('../fixtures/fake-electron/index.js')).electron);

let loket: LoketBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../preload/preload.js');
  loket = contextBridge.exposed.get('loket') as LoketBridge;
});

/** Every value reachable from the exposed object, to prove no IPC object leaks through it. */
function reachable(root: unknown, seen = new Set<unknown>()): unknown[] {
  if (root === null || (typeof root !== 'object' && typeof root !== 'function') || seen.has(root)) return [];
  seen.add(root);
  for (const key of Reflect.ownKeys(root as object)) {
    const desc = Object.getOwnPropertyDescriptor(root, key);
    if (desc && 'value' in desc) reachable(desc.value, seen);
  }
  return [...seen];
}

describe('preload', () => {
  it('exposes only window.loket', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['loket']);
  });

  it('exposes one function per contract call, plus on and platform', () => {
    expect(Object.keys(loket).sort()).toEqual(['calls', 'on', 'platform']);
    expect(loket.platform).toBe('electron');
    expect(typeof loket.on).toBe('function');
    expect(Object.keys(loket.calls).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(typeof loket.calls[name], name).toBe('function');
    expect(Object.isFrozen(loket) && Object.isFrozen(loket.calls)).toBe(true);
  });

  it('never exposes ipcRenderer or an IPC event', () => {
    expect(reachable(loket)).not.toContain(ipcRenderer);
  });

  it('invokes the call channel with the input and the session token beside it', async () => {
    ipcRenderer.answer = (channel) => ({ ok: true, value: channel });
    const res = await loket.calls['app.status']({}, 'token-1');
    expect(res).toEqual({ ok: true, value: ipcCallChannel('app.status') });
    expect(ipcRenderer.invocations.at(-1)).toEqual({ channel: 'loket:call:app.status', args: [{}, 'token-1'] });
    await loket.calls['auth.logout']({}, { not: 'a string' } as never);
    expect(ipcRenderer.invocations.at(-1)?.args).toEqual([{}, undefined]);
  });

  it('delivers only the named event, payload only, until unsubscribed', () => {
    const got: unknown[][] = [];
    const off = loket.on('session.changed', (...args: unknown[]) => got.push(args));
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, 'app.changed', { training: true, setupDone: true });
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, 'session.changed', { sessionId: 's', state: 'locked' });
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, 'not.an.event', { sessionId: 's', state: 'locked' });
    expect(got).toEqual([[{ sessionId: 's', state: 'locked' }]]);
    off();
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, 'session.changed', { sessionId: 's', state: 'ended' });
    expect(got).toHaveLength(1);
  });

  it('rejects unknown event names and non-function listeners', () => {
    expect(() => loket.on('queue.hacked' as never, () => {})).toThrow(/Unknown Loket event/);
    expect(() => loket.on('__proto__' as never, () => {})).toThrow(/Unknown Loket event/);
    expect(() => loket.on('app.changed', 'alert(1)' as never)).toThrow(TypeError);
  });

  it('uses one IPC listener however many subscriptions there are', () => {
    const offs = Array.from({ length: 20 }, () => loket.on('app.changed', () => {}));
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    offs.forEach((off) => off());
  });

  it('bundles into a sandbox-loadable script that requires nothing but electron', async () => {
    const out = await build({
      entryPoints: ['preload/preload.ts'],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'browser',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
