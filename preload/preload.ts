// Runs sandboxed in every Loket window, so it may require nothing but 'electron': the build bundles the
// contract table in. Exposes `window.loket` and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld('loket', createBridge(ipcRenderer));
