// Lint is where DESIGN.md's layering is enforced: each folder may import only the layers below it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const layer = (message, regexes, extraPaths = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: extraPaths.map((name) => ({ name, message })),
      patterns: regexes.map((regex) => ({ regex, message })),
    },
  ],
});
const ourFolders = (...names) => `(^|/)(${names.join('|')})/`;

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: layer('common/ is pure TypeScript: it imports nothing of ours and no Node, DOM or Electron (DESIGN.md)', [ourFolders('db', 'main', 'renderer', 'server', 'preload')], [...nodeBuiltins, 'electron', 'react']),
  },
  {
    files: ['db/**/*.ts'],
    rules: layer('db/ imports common/ only (DESIGN.md)', [ourFolders('main', 'renderer', 'server', 'preload')], ['electron']),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: layer('main/core imports db/ and common/ only and never electron (DESIGN.md)', [ourFolders('renderer', 'server', 'preload', 'ipc', 'host', 'devices', 'sync'), '^\\.\\./(ipc|host|devices|sync)/'], ['electron']),
  },
  {
    files: ['main/sync/**/*.ts', 'main/cli/**/*.ts'],
    rules: layer('only main/ipc, main/host, main/devices and the entry point import electron (DESIGN.md)', [ourFolders('renderer', 'server', 'preload')], ['electron']),
  },
  {
    files: ['main/ipc/**/*.ts', 'main/host/**/*.ts', 'main/devices/**/*.ts', 'main/*.ts'],
    rules: layer('main/ never imports the renderer or the server (DESIGN.md)', [ourFolders('renderer', 'server', 'preload')]),
  },
  {
    // The entry points start the embedded central beside the workstation (issue #3): that one module only.
    files: ['main/start.ts', 'main/electron.ts', 'main/background.ts'],
    rules: layer('the entry points may import server/embedded.ts and nothing else of server/ (DESIGN.md)', [ourFolders('renderer', 'preload'), '(^|/)server/(?!embedded\\.js$)']),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer('renderer/ imports common/ types and renderer/ only: no main/, db/, server/ or Node built-ins (DESIGN.md)', [ourFolders('main', 'db', 'server', 'preload')], [...nodeBuiltins, 'electron']),
  },
  {
    files: ['preload/**/*.ts'],
    rules: layer('preload/ imports common/ and electron only (DESIGN.md)', [ourFolders('main', 'db', 'server', 'renderer')], nodeBuiltins),
  },
  {
    files: ['server/**/*.ts'],
    rules: layer('server/ imports common/ only (DESIGN.md)', [ourFolders('main', 'db', 'renderer', 'preload')], ['electron']),
  },
);
