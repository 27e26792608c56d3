import type { LoketBridge } from '@common/contract/bridge.js';
import { createHttpBridge, readPageToken } from './http-bridge.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the web host serves the page. */
    loket?: LoketBridge;
  }
}

let bridge: LoketBridge | undefined;

/** `window.loket` under Electron, otherwise the web host's HTTP bridge. */
export function getBridge(): LoketBridge {
  bridge ??= window.loket ?? createHttpBridge(() => readPageToken());
  return bridge;
}
