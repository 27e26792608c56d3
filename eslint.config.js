// Lint is where the layering (docs/architecture.md) is enforced: each folder may import only the layers below it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// Anything two or more folders up goes through an alias (@common/..., @main/...; tsconfig.json's paths),
// so the layer an import reaches is visible in its first word and the rules below can see it.
const deepRelative = { regex: '^(\\.\\./){2,}', message: 'import through an alias (@common/, @db/, @main/...) instead of ../../' };
const layer = (message, regexes, extraPaths = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: extraPaths.map((name) => ({ name, message })),
      patterns: [...regexes.map((regex) => ({ regex, message })), deepRelative],
    },
  ],
});
/** An alias (@db/...) or a relative path that passes through one of these top-level folders. */
const ourFolders = (...names) => `(^@|(^|/))(${names.join('|')})/`;
/** A folder of main/ (main/sync, main/host...), by alias or by a relative path out of main/core. */
const mainFolders = (...names) => `^(@main/|\\.\\./)(${names.join('|')})/`;

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      ecmaVersion: 2023,
      sourceType: 'module',
      // Type-aware rules: a promise nobody awaits or catches, and a switch that forgets a case, are bugs.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      'no-restricted-imports': ['error', { patterns: [deepRelative] }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: layer(
      'common/ is pure TypeScript: it imports nothing of ours and no Node, DOM or Electron (docs/architecture.md)',
      [ourFolders('db', 'main', 'renderer', 'server', 'preload')],
      [...nodeBuiltins, 'electron', 'react'],
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: layer('db/ imports common/ only (docs/architecture.md)', [ourFolders('main', 'renderer', 'server', 'preload')], ['electron']),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: layer(
      'main/core imports db/ and common/ only and never electron (docs/architecture.md)',
      [ourFolders('renderer', 'server', 'preload'), mainFolders('ipc', 'host', 'devices', 'sync', 'cli')],
      ['electron'],
    ),
  },
  {
    files: ['main/sync/**/*.ts', 'main/cli/**/*.ts'],
    rules: layer(
      'only main/ipc, main/host, main/devices and the entry point import electron (docs/architecture.md)',
      [ourFolders('renderer', 'server', 'preload')],
      ['electron'],
    ),
  },
  {
    files: ['main/ipc/**/*.ts', 'main/host/**/*.ts', 'main/devices/**/*.ts', 'main/*.ts'],
    rules: layer('main/ never imports the renderer or the server (docs/architecture.md)', [ourFolders('renderer', 'server', 'preload')]),
  },
  {
    // The entry points start the embedded central beside the workstation: that one module only.
    files: ['main/start.ts', 'main/electron.ts', 'main/background.ts'],
    rules: layer('the entry points may import server/embedded.ts and nothing else of server/ (docs/architecture.md)', [
      ourFolders('renderer', 'preload'),
      '(^@|(^|/))server/(?!embedded\\.js$)',
    ]),
  },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  { files: ['renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer(
      'renderer/ imports common/ types and renderer/ only: no main/, db/, server/ or Node built-ins (docs/architecture.md)',
      [ourFolders('main', 'db', 'server', 'preload')],
      [...nodeBuiltins, 'electron'],
    ),
  },
  {
    files: ['preload/**/*.ts'],
    rules: layer(
      'preload/ imports common/ and electron only (docs/architecture.md)',
      [ourFolders('main', 'db', 'server', 'renderer')],
      nodeBuiltins,
    ),
  },
  {
    files: ['server/**/*.ts'],
    rules: layer('server/ imports common/ only (docs/architecture.md)', [ourFolders('main', 'db', 'renderer', 'preload')], ['electron']),
  },
);
