// The shapes Electron really loads: out/main/electron.cjs under CommonJS require, and out/preload/preload.cjs
// in a context where only require('electron') works (a sandboxed preload). Uses the build's out/ when
// `npm test` has built it, otherwise has scripts/build.mjs build just those two (--shell) into a temp folder.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '@common/contract/index.js';
import { workstationLog } from '../support/log.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'loket-bundle-'));
let appPath = root;
const fakeElectron = join(tmp, 'fake-electron.cjs');

beforeAll(async () => {
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'silent', absWorkingDir: root } as const;
  await build({ ...common, entryPoints: ['tests/fixtures/fake-electron/index.ts'], outfile: fakeElectron, format: 'cjs' });
  if (existsSync(join(root, 'out/main/electron.cjs')) && existsSync(join(root, 'out/preload/preload.cjs'))) return;
  appPath = join(tmp, 'app');
  console.log(`[electron-bundle] no out/ yet: building the shell into ${appPath}`);
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--quiet', '--shell', appPath], { cwd: root });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Runs in a plain Node child: 'electron' is the fake, everything else resolves like the packaged app.
const MAIN_SCRIPT = `
const Module = require('node:module');
const [fakePath, appPath, userData] = process.argv.slice(1);
const fake = require(fakePath);
// The shell logs where its central runs; stdout carries only this script's JSON answer.
console.log = (...args) => process.stderr.write(args.join(' ') + String.fromCharCode(10));
// What the shell's background needs beyond the fixture: the network state, power events, sealing.
fake.net = { isOnline: () => true };
fake.powerMonitor = new (require('node:events').EventEmitter)();
Object.assign(fake.safeStorage, { encryptString: (s) => Buffer.from('sealed:' + s), decryptString: (b) => b.toString().slice(7) });
const load = Module._load;
Module._load = function (request) { return request === 'electron' ? fake : load.apply(this, arguments); };
Object.assign(fake.app, { appPath, userData, isPackaged: true });
require(appPath + '/out/main/electron.cjs');
const poll = setInterval(async () => {
  const [win] = fake.BrowserWindow.getAllWindows();
  if (!win) return;
  clearInterval(poll);
  const wc = win.webContents;
  const status = await fake.ipcMain.invoke('loket:call:app.status', { sender: wc, senderFrame: wc.mainFrame }, {});
  const out = { url: wc.getURL(), prefs: win.options.webPreferences, handlers: fake.ipcMain.handlers.size, sandbox: fake.app.sandboxEnabled, status };
  fake.app.emit('will-quit');
  process.stdout.write(JSON.stringify(out));
}, 20);
`;

const PRELOAD_SCRIPT = `
const vm = require('node:vm');
const fs = require('node:fs');
const [fakePath, preloadPath] = process.argv.slice(1);
const fake = require(fakePath);
const required = [];
const sandboxRequire = (m) => { required.push(m); if (m !== 'electron') throw new Error('a sandboxed preload cannot require ' + m); return fake; };
const module = { exports: {} };
vm.runInNewContext(fs.readFileSync(preloadPath, 'utf8'), { require: sandboxRequire, module, exports: module.exports, console });
const loket = fake.contextBridge.exposed.get('loket');
process.stdout.write(JSON.stringify({ required, keys: Object.keys(loket), calls: Object.keys(loket.calls), platform: loket.platform }));
`;

const run = async (script: string, args: string[]): Promise<Record<string, unknown>> => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, ...args], {
    // Only so a hung child cannot outlive the test: starting the shell and its embedded central takes a
    // few seconds, but over 30 on a loaded two-core machine.
    timeout: 100_000,
    env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe('electron bundles', { timeout: 120_000 }, () => {
  it('out/main/electron.cjs starts the shell under CommonJS and answers app.status', async () => {
    const out = await run(MAIN_SCRIPT, [fakeElectron, appPath, join(tmp, 'userData')]);
    expect(out.url).toBe(`file://${join(appPath, 'out/renderer/index.html')}`);
    expect(out.prefs).toMatchObject({
      preload: join(appPath, 'out/preload/preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      devTools: false,
    });
    expect(out.handlers).toBe(CALL_NAMES.length);
    expect(out.sandbox).toBe(true);
    expect(out.status).toMatchObject({ ok: true, value: { setupDone: false } });
    expect(existsSync(join(tmp, 'userData', 'loket.sqlite'))).toBe(true);
    // The log (pino and pino-roll, loaded by the CommonJS bundle) is written in the data folder.
    expect(workstationLog(join(tmp, 'userData'))).toContainEqual(expect.objectContaining({ msg: 'Loket started', host: 'electron' }));
  });

  it('out/preload/preload.cjs runs with nothing but electron and exposes the bridge', async () => {
    const out = await run(PRELOAD_SCRIPT, [fakeElectron, join(appPath, 'out/preload/preload.cjs')]);
    expect(out.required).toEqual(['electron']);
    expect(out.platform).toBe('electron');
    expect(out.keys).toEqual(['platform', 'calls', 'on']);
    expect((out.calls as string[]).sort()).toEqual([...CALL_NAMES].sort());
  });
});
