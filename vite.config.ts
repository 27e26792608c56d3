// The renderer bundle: served from out/renderer by the web host and loaded from file:// by Electron,
// so every asset path is relative and nothing is inlined (strict CSP: script-src and style-src 'self').
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP as HOST_CSP } from './main/host/web-security.js';
import { tsconfigAliases } from './scripts/aliases.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The hosts' own policy, also in the built page itself (not in dev: Vite's client is inline).
 * frame-ancestors only works as a header, and Chromium warns when a meta tag carries it.
 */
const CSP = HOST_CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

const cspMeta = (): Plugin => ({
  name: 'loket-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
});

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react(), cspMeta()],
  resolve: { alias: tsconfigAliases() },
  build: {
    outDir: here('./out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // No data: URIs for small assets and no inline module-preload helper: everything is a 'self' file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
