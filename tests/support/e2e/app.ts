// One real workstation per test file: a fresh data folder, the real Core (with a clock the test
// moves), the real web host serving the built renderer, and Debian's Chromium driven by playwright-core.
import { vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CallInput, CallName, CallOutput } from '@common/contract/index.js';
import { Core } from '@main/core/core.js';
import { startWebHost, type WebHost } from '@main/host/web-host.js';
import { dispatch } from '@main/ipc/dispatch.js';

export const RENDERER_DIR = 'out/renderer';
export const SHOT_DIR = 'test-results/e2e';
/** 30 Nov 2026, 08:00 WIB: the core's clock starts here and moves only when a test says so. */
export const START = Date.UTC(2026, 10, 30, 1, 0, 0);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];
/** The workstation camera: Chromium's built-in test pattern, granted without a prompt. */
const FAKE_CAMERA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export interface E2eApp {
  core: Core;
  host: WebHost;
  browser: Browser;
  dataDir: string;
  /** A new window (browser context) on the app, already past the token hand-over. */
  open(options?: { fakeClock?: boolean; viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page }>;
  /** Calls core directly, as the renderer would, to prepare state a test is not about. */
  call<N extends CallName>(name: N, input: CallInput<N>, sessionToken?: string): Promise<CallOutput<N>>;
  advance(ms: number): void;
  now(): number;
  close(): Promise<void>;
}

export async function startApp(label: string, options: { camera?: boolean } = {}): Promise<E2eApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    throw new Error('Build the renderer first: npx vite build (npm test runs npm run build)');
  mkdirSync(SHOT_DIR, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `loket-e2e-${label}-`));
  let now = START;
  const core = Core.open({ dataDir, now: () => now });
  const host = await startWebHost({ core, rendererDir: RENDERER_DIR });
  const args = options.camera ? [...CHROMIUM_ARGS, ...FAKE_CAMERA_ARGS] : CHROMIUM_ARGS;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const contexts: BrowserContext[] = [];

  return {
    core,
    host,
    browser,
    dataDir,
    async open(open = {}) {
      const viewport = open.viewport ?? { width: 1440, height: 900 };
      const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'UTC' });
      contexts.push(context);
      const page = await context.newPage();
      if (open.fakeClock) await page.clock.install();
      page.on('pageerror', (err) => console.error(`[e2e:${label}] page error`, err));
      // CSP violations and React warnings land here: visible in the run's output, never silent.
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') console.error(`[e2e:${label}] console ${msg.type()}: ${msg.text()}`);
      });
      await page.goto(host.openUrl());
      // The page trades the address's single-use code for the run's token after it loads: a test that
      // navigates the tab elsewhere (the /display board) must not leave before the token is kept.
      // Polled from here, not in the page, so a page with a fake clock is waited on too.
      await vi.waitFor(
        async () => {
          if ((await page.evaluate(() => sessionStorage.getItem('loket-token'))) === null) throw new Error('the page holds no token yet');
        },
        { timeout: 20_000, interval: 50 },
      );
      return { context, page };
    },
    async call(name, input, sessionToken) {
      const result = await dispatch(core, name, input, { sessionToken });
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    advance(ms) {
      now += ms;
    },
    now: () => now,
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await host.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SHOT_DIR, `${name}.png`), fullPage: true });

/** What `click` downloads: the name the app suggests, the file Chromium saved and its bytes. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, bytes: readFileSync(path) };
}
