// Builds everything `npm start` and the tests run: the renderer (vite), the main-process entry points
// and the preload (esbuild), and copies the SQL migrations beside the main bundles.
// `--shell <dir>` builds only what Electron loads (the CommonJS main, the preload and their SQL) into
// <dir>/out: the bundle test's way to load exactly what a build makes when there is no out/ yet.
import { build as esbuild } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';

const quiet = process.argv.includes('--quiet');
const log = (msg) => quiet || console.log(`[build] ${msg}`);
const shellAt = process.argv.indexOf('--shell');
const shellOnly = shellAt >= 0;
const out = shellOnly ? join(process.argv[shellAt + 1], 'out') : 'out';

rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/main`, { recursive: true });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

if (!shellOnly) {
  log('renderer (vite)');
  await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'warn' });

  log('main process');
  await esbuild({
    ...common,
    entryPoints: { start: 'main/start.ts', 'audit-verify': 'main/cli/audit-verify.ts', 'sbi-sim': 'main/devices/sbi-sim/main.ts' },
    outdir: `${out}/main`,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  });
}
// CommonJS for Electron's main process; import.meta.url is shimmed so db/migrate.ts finds its SQL files.
// bwip-js/generic, jose 6 and fast-png ship as ESM only: they are bundled into the CommonJS main, so loading
// it never depends on require() of an ES module (Node 20.19+ and Electron's Node can, with warnings on
// some versions). Every other package stays external.
const ESM_ONLY = ['bwip-js', 'jose', 'fast-png'];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const cjsExternal = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !ESM_ONLY.includes(name))
  .flatMap((name) => [name, `${name}/*`]);
await esbuild({
  ...common,
  entryPoints: { electron: 'main/electron.ts' },
  outdir: `${out}/main`,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: cjsExternal,
  define: { 'import.meta.url': '__loketImportMetaUrl' },
  banner: { js: "const __loketImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// A sandboxed preload may only require('electron'): everything else is bundled in.
await esbuild({
  ...common,
  entryPoints: { preload: 'preload/preload.ts' },
  outdir: `${out}/preload`,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'browser',
  external: ['electron'],
});
cpSync('db/migrations', `${out}/main/migrations`, { recursive: true });
// The embedded central (server/embedded.ts) is bundled into the entry points and needs its own SQL too.
cpSync('server/migrations', `${out}/main/central-migrations`, { recursive: true });
log(`done: ${out}/`);
