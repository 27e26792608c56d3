// Electronegativity (Doyensec's Electron misconfiguration scanner) over the shell's sources: any HIGH
// finding fails. A deliberately insecure fixture and a weakened copy of our own window code must be
// flagged, so this cannot pass because the scanner saw nothing.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
}
interface Scan {
  findings: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

const require = createRequire(import.meta.url);
const runner = require.resolve('@doyensec/electronegativity');
const electronVersion = (require('electron/package.json') as { version: string }).version;

// Run in a child process: the scanner registers globals and fetches translations and Electron release
// data with `got`; the stub keeps the test offline and deterministic.
const SCAN_SCRIPT = `
const Module = require('node:module');
const load = Module._load;
const offline = () => Promise.reject(new Error('offline in tests'));
offline.head = offline; offline.get = offline;
Module._load = function (request) { return request === 'got' ? offline : load.apply(this, arguments); };
console.log = () => {};
const [runnerPath, input, electronVersion] = process.argv.slice(1);
require(runnerPath)({
  input, isRelative: true, severitySet: 'informational', confidenceSet: 'tentative', electronVersionOverride: electronVersion,
  // Needs the network to compare against Electron's release feed; the version is pinned in package.json.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
}).then((r) => {
  const findings = r.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, severity: i.severity.name, confidence: i.confidence.name, description: i.description }));
  process.stdout.write(JSON.stringify({ findings, errors: r.errors }));
}, (err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });
`;

async function scan(dir: string): Promise<Scan> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', SCAN_SCRIPT, runner, dir, electronVersion], {
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0', LANG: 'en-US' },
  });
  return JSON.parse(stdout) as Scan;
}

const print = (label: string, { findings }: Scan): void => {
  const lines = findings.map(
    (f) => `  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id.padEnd(34)} ${f.file}:${f.line}  ${f.description}`,
  );
  console.log(`[electronegativity] ${label}: ${findings.length} finding(s)\n${lines.join('\n')}`);
};

const repo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'loket-electronegativity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('electronegativity', () => {
  it('finds nothing HIGH in main/ and preload/', async () => {
    const dir = join(tmp, 'ours');
    cpSync(repo('main'), join(dir, 'main'), { recursive: true });
    cpSync(repo('preload'), join(dir, 'preload'), { recursive: true });
    const result = await scan(dir);
    print('main/ + preload/', result);
    expect(
      result.errors.filter((e) => !e.tolerable),
      'every file must parse, or it was not scanned',
    ).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
    // The guards it knows how to look for were all recognised (these are below HIGH, so check by name).
    const ids = result.findings.map((f) => f.id);
    for (const id of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'AUXCLICK_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(ids, id).not.toContain(id);
    }
  });

  it('flags an insecure window and a weakened copy of ours', async () => {
    const dir = join(tmp, 'insecure');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'insecure.ts'),
      `import { BrowserWindow } from 'electron';
type Opts = { url: string };
export function open({ url }: Opts): BrowserWindow {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });
  void win.loadURL(url satisfies string);
  return win;
}
`,
    );
    const ours = readFileSync(repo('main/host/electron-window.ts'), 'utf8');
    // sandbox: true alone keeps Node out of the page, so the weakening drops it with the other two.
    const weakened = ours
      .replace('contextIsolation: true', 'contextIsolation: false')
      .replace('sandbox: true', 'sandbox: false')
      .replace('nodeIntegration: false', 'nodeIntegration: true');
    expect(weakened).not.toBe(ours);
    writeFileSync(join(dir, 'weakened-window.ts'), weakened);

    const result = await scan(dir);
    print('insecure fixtures', result);
    const ids = (file: string, severity?: string) =>
      result.findings.filter((f) => f.file === file && (!severity || f.severity === severity)).map((f) => f.id);
    expect(ids('insecure.ts', 'HIGH')).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(ids('insecure.ts')).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'SANDBOX_JS_CHECK']));
    // No will-navigate / window-open guard anywhere in this directory: the global check says so.
    expect(ids('N/A', 'HIGH')).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(ids('weakened-window.ts', 'HIGH')).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(ids('weakened-window.ts')).toContain('SANDBOX_JS_CHECK');
  });
});
