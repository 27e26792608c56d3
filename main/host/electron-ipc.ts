import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, EVENT_NAMES, type EventName, type Result } from '@common/contract/index.js';
import { IPC_EVENT_CHANNEL, ipcCallChannel } from '@common/contract/bridge.js';
import { fail } from '@common/contract/result.js';
import type { Core } from '../core/core.js';
import { dispatch } from '../ipc/dispatch.js';
import { isRendererUrl } from './electron-paths.js';
import type { LoketWindows } from './electron-window.js';

export interface IpcTrust {
  rendererUrl: string;
  windows: LoketWindows;
}

/**
 * A call is answered only when it comes from the main frame of a window we created, showing our own
 * page. Subframes, other pages (should navigation guards ever fail) and stray webContents are refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trust: IpcTrust): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const contents = event.sender;
  if (!trust.windows.owns(contents)) return false;
  const main = contents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isRendererUrl(frame.url, trust.rendererUrl);
}

/** Where a refused call came from, without the page's path or query (which may carry anything). */
function frameOrigin(url: string | undefined): string {
  if (!url) return 'a vanished frame';
  try {
    const u = new URL(url);
    return u.protocol === 'file:' ? 'file:' : u.origin;
  } catch {
    return 'an unreadable URL';
  }
}

const FORBIDDEN_SENDER = 'This request did not come from a Loket window';

/** Binds every contract call and forwards core events; the returned function undoes both. */
export function bindIpc(core: Core, trust: IpcTrust): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcCallChannel(name), async (event, input: unknown, sessionToken: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, trust)) {
        core.log.warn({ call: name, frame: frameOrigin(event.senderFrame?.url) }, 'refused a call from outside a Loket window');
        return fail('FORBIDDEN', FORBIDDEN_SENDER);
      }
      const token = typeof sessionToken === 'string' ? sessionToken : undefined;
      try {
        return await dispatch(core, name, input, { sessionToken: token });
      } catch (err) {
        // dispatch already wraps its errors; a throw here must still not cross IPC as an exception.
        core.log.error({ call: name, err }, 'a call failed outside dispatch');
        return fail('INTERNAL', 'Something went wrong inside Loket; the incident was logged');
      }
    });
  }

  const broadcast = (name: EventName, payload: unknown): void => {
    for (const win of trust.windows.all()) {
      const contents = win.webContents;
      if (contents.isDestroyed() || !isRendererUrl(contents.getURL(), trust.rendererUrl)) continue;
      contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  };
  const unsubscribers = EVENT_NAMES.map((name) => core.events.on(name, (payload) => broadcast(name, payload)));

  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(ipcCallChannel(name));
    for (const off of unsubscribers) off();
  };
}
