// The shell's secrets and background (main/host/electron-keys.ts, electron-background.ts, and
// electron-app.ts starting them): safeStorage-sealed keys, the embedded central with sync and the
// biometric layer, sync woken on reconnect and resume, and an orderly stop on quit.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { SyncStatus } from '@common/contract/sync.js';
import { KeyWrapError } from '@main/core/kernel/crypto/key-wrapper.js';
import { BlobVault } from '@main/core/kernel/crypto/vault.js';
import { SEALED_SYNC_KEY_FILE, safeStorageKeyStore, safeStorageKeyWrapper } from '@main/host/electron-keys.js';
import { watchWake } from '@main/host/electron-background.js';
import { startShell, type Shell } from '@main/host/electron-app.js';
import { dispatch } from '@main/ipc/dispatch.js';
import { KEY_FILE } from '@main/sync/index.js';
import { app, resetFakeElectron, safeStorage } from '../fixtures/fake-electron/index.js';
import { net, powerMonitor, resetExtras } from '../fixtures/fake-electron-extras.js';
import { workstationLog } from '../support/log.js';

vi.mock('electron', async () => (await import('../fixtures/fake-electron-extras.js')).electronWithExtras);

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  resetExtras();
  dir = mkdtempSync(join(tmpdir(), 'loket-shell-bg-'));
  app.userData = join(dir, 'userData');
});
afterEach(() => {
  resetFakeElectron();
  resetExtras();
  rmSync(dir, { recursive: true, force: true });
});

describe('safeStorage key wrapper (biometric data key)', () => {
  it('round-trips a data key, sealed, under its own kind', () => {
    const wrapper = safeStorageKeyWrapper('linux');
    const key = Buffer.alloc(32, 7);
    const wrapped = wrapper.wrap(key);
    expect(wrapper.kind).toBe('safeStorage');
    expect(wrapped.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(wrapper.unwrap(wrapped)).toEqual(key);
  });

  it('lets the vault seal and open a record through it', () => {
    const vault = new BlobVault(safeStorageKeyWrapper('win32'));
    const { dataKey } = vault.create();
    const sealed = vault.seal(dataKey, 'rec-1', Buffer.from('sidik jari'));
    expect(sealed.ciphertext.includes(Buffer.from('sidik jari'))).toBe(false);
  });

  it('refuses the Linux basic_text backend and an OS that cannot encrypt, without sealing anything', () => {
    const seal = vi.spyOn(safeStorage as unknown as { encryptString(s: string): Buffer }, 'encryptString');
    safeStorage.backend = 'basic_text';
    expect(() => safeStorageKeyWrapper('linux').wrap(Buffer.alloc(32))).toThrow(KeyWrapError);
    expect(() => safeStorageKeyWrapper('linux').wrap(Buffer.alloc(32))).toThrow(/basic_text/);
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.available = false;
    expect(() => safeStorageKeyWrapper('win32').unwrap(Buffer.alloc(40))).toThrow(/cannot encrypt/);
    expect(seal).not.toHaveBeenCalled();
    seal.mockRestore();
  });
});

describe('safeStorage sync key store', () => {
  it('keeps the signing key sealed on disk and reads it back', async () => {
    const store = safeStorageKeyStore(dir, 'linux');
    expect(await store.load()).toBeUndefined();
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n';
    await store.save(pem);
    const file = join(dir, SEALED_SYNC_KEY_FILE);
    expect(readFileSync(file).includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect(await store.load()).toBe(pem);
  });
});

describe('waking sync', () => {
  it('kicks when the network comes back and when the computer resumes, not while it stays up', () => {
    // The online poll runs on a fake clock: four polls offline, the one that sees the network back, four more.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    const kick = vi.fn();
    net.online = false;
    const stop = watchWake(kick, 10);
    vi.advanceTimersByTime(40);
    expect(kick).not.toHaveBeenCalled();
    net.online = true;
    vi.advanceTimersByTime(10);
    expect(kick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(40);
    expect(kick).toHaveBeenCalledTimes(1);
    powerMonitor.emit('resume');
    expect(kick).toHaveBeenCalledTimes(2);
    stop();
    powerMonitor.emit('resume');
    expect(kick).toHaveBeenCalledTimes(2);
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });
});

describe('the shell with its background', () => {
  let shell: Shell | null = null;
  afterEach(async () => {
    if (shell && app.exitCodes.length === 0) {
      app.emit('will-quit', { preventDefault() {} });
      await vi.waitFor(() => expect(app.exitCodes).toEqual([0]), { timeout: 20_000 });
    }
    shell = null;
  });

  it(
    'runs the embedded central and enrols with a safeStorage-sealed key; resume kicks sync; quit stops it all',
    { timeout: 60_000 },
    async () => {
      shell = await startShell({ platform: 'linux', centralUrl: undefined });
      const running = await shell?.background;
      expect(running).toBeDefined();
      const core = shell!.core;
      const status = async () => {
        const r = await dispatch(core, 'sync.status', {}, {});
        if (!r.ok) throw new Error(r.error.message);
        return r.value as SyncStatus;
      };
      expect(await status()).toMatchObject({ embedded: true, state: 'notEnrolled' });
      const setup = await dispatch(
        core,
        'setup.initialize',
        {
          officeCode: 'banyumanik',
          workstationName: 'LOKET-05',
          counterNumber: 5,
          language: 'id',
          admin: { username: 'admin', fullName: 'Rina Kusuma', password: 'Kantor-Loket-2026' },
        },
        {},
      );
      expect(setup.ok).toBe(true);
      await vi.waitFor(async () => expect((await status()).enrolled).toBe(true), { timeout: 30_000, interval: 100 });
      const files = readdirSync(app.userData);
      expect(files).toContain(SEALED_SYNC_KEY_FILE);
      expect(files).not.toContain(KEY_FILE);
      expect(readFileSync(join(app.userData, SEALED_SYNC_KEY_FILE)).includes(Buffer.from('PRIVATE KEY'))).toBe(false);
      // The biometric layer runs with the safeStorage wrapper: its devices answer (none here).
      const devices = await dispatch(core, 'biometrics.devices', { refresh: false }, {});
      expect(devices.ok ? null : devices.error.code).toBe('UNAUTHENTICATED');

      const kick = vi.spyOn(running!.background.sync, 'kick');
      powerMonitor.emit('resume');
      expect(kick).toHaveBeenCalledTimes(1);
      // Quit once sync is idle again, so the quit below stops a resting client.
      await vi.waitFor(async () => expect(await status()).toMatchObject({ pendingOps: 0, state: 'idle' }), {
        timeout: 30_000,
        interval: 100,
      });

      const centralUrl = (await status()).centralUrl as string;
      expect((await fetch(`${centralUrl}/health`)).ok).toBe(true);
      app.emit('will-quit', { preventDefault() {} });
      await vi.waitFor(() => expect(app.exitCodes).toEqual([0]), { timeout: 20_000 });
      expect(core.liveDb.open).toBe(false);
      // The central beside it was closed, not abandoned.
      await expect(fetch(`${centralUrl}/health`)).rejects.toThrow();
      expect(powerMonitor.listenerCount('resume')).toBe(0);
      shell = null;
    },
  );

  it('keeps the window when the background cannot start', async () => {
    // A file where the embedded central's folder belongs: it cannot open its database.
    mkdirSync(app.userData, { recursive: true });
    writeFileSync(join(app.userData, 'central'), 'not a folder');
    shell = await startShell({ platform: 'linux' });
    expect(await shell?.background).toBeUndefined();
    expect(shell?.mainWindow).toBeDefined();
    expect(workstationLog(app.userData)).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: expect.stringMatching(/did not start/),
        err: expect.objectContaining({ type: expect.any(String) }),
      }),
    );
  });
});

describe('sealed files are never plain', () => {
  it('no PEM lands in the user-data folder from the wrapper helpers', () => {
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
  });
});
