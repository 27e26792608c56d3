// electron-builder.yml against the schema electron-builder itself ships, plus what Loket needs from it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { shellPaths } from '@main/host/electron-paths.js';

const repo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
// Resolve from app-builder-lib so we use the YAML parser and glob matcher electron-builder uses.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const { minimatch } = builderRequire('minimatch') as { minimatch(path: string, pattern: string, opts?: object): boolean };
const schema = JSON.parse(readFileSync(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

type Target = { target: string; arch?: string[] };
interface Config {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; category: string; maintainer: string; icon: string };
  electronFuses: Record<string, boolean>;
}

const config = yaml.load(readFileSync(repo('electron-builder.yml'), 'utf8')) as Config;
const validate = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true }).compile(schema);
const valid = (candidate: unknown): boolean => validate(candidate) as boolean;

/** electron-builder's own rule: include patterns, then `!` patterns exclude. */
const packaged = (path: string): boolean => {
  const inc = config.files.filter((p) => !p.startsWith('!'));
  const exc = config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return inc.some((p) => minimatch(path, p, { dot: true })) && !exc.some((p) => minimatch(path, p, { dot: true }));
};

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const ok = valid(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects broken configs, so the validation above means something', () => {
    expect(valid({ ...config, notAnOption: true })).toBe(false);
    expect(valid({ ...config, npmRebuild: 'yes' })).toBe(false);
    expect(valid({ ...config, nsis: { ...config.nsis, oneClick: 'no' } })).toBe(false);
    expect(valid({ ...config, linux: { ...config.linux, maintainer: 42 } })).toBe(false);
    expect(valid({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } })).toBe(false);
  });

  it('names the app and keeps build output and resources where docs/architecture.md says', () => {
    expect(config.appId).toBe('id.go.imigrasi.loket');
    expect(config.productName).toBe('Loket');
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' });
  });

  it('packages the bundles the shell loads, and no sources or source maps', () => {
    const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { main: string };
    const paths = shellPaths('');
    const rel = (p: string) => p.replace(/^[/\\]/, '').replaceAll('\\', '/');
    for (const file of [pkg.main, rel(paths.preload), rel(paths.rendererIndex), 'out/main/migrations/0001_init.sql', 'package.json']) {
      expect(packaged(file), file).toBe(true);
    }
    for (const file of ['out/main/electron.cjs.map', 'main/electron.ts', 'tests/unit/x.test.ts', 'db/migrations/0001_init.sql']) {
      expect(packaged(file), file).toBe(false);
    }
  });

  it('unpacks the SQLite module and every native module from the asar, and rebuilds them for Electron', () => {
    const unpacked = (p: string) => config.asarUnpack.some((g) => minimatch(p, g, { dot: true }));
    expect(unpacked('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3-multiple-ciphers/lib/index.js')).toBe(true);
    expect(unpacked('node_modules/other-native/build/Release/addon.node')).toBe(true);
    expect(unpacked('out/main/electron.cjs')).toBe(false);
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { dependencies: object; devDependencies: object };
    // Production deps are what gets packaged; the encrypting build replaces plain better-sqlite3, not beside it.
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3-multiple-ciphers');
    expect(Object.keys(pkg.dependencies)).not.toContain('better-sqlite3');
    expect(Object.keys(pkg.devDependencies)).toContain('electron'); // electron-builder refuses it in dependencies
  });

  it('builds an NSIS installer for Windows x64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true });
  });

  it('builds an AppImage and a deb for Linux', () => {
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<[^>]+@[^>]+>/);
  });

  it('turns off the Electron fuses an attacker with local access would use', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has a 256x256 PNG icon in build/', () => {
    for (const icon of [config.win.icon, config.linux.icon]) {
      const png = readFileSync(repo(icon));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
    }
  });
});
