// The import aliases (@common/..., @main/...) are declared once, in tsconfig.json's paths: TypeScript,
// esbuild and tsx read them there, and Vite and Vitest get them from here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function tsconfigAliases(): { find: RegExp; replacement: string }[] {
  const config = JSON.parse(readFileSync(`${root}tsconfig.json`, 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return Object.entries(config.compilerOptions.paths).map(([alias, [target]]) => ({
    find: new RegExp(`^${alias.replace('/*', '/')}`),
    replacement: `${root}${target!.replace(/^\.\//, '').replace('/*', '/')}`,
  }));
}
