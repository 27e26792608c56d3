// Password hashing (main/core/access/passwords.ts and central's server/admin/passwords.ts): the real
// scrypt cost unless a test lowers it, the low cost refused outside Vitest, and hashes of either cost
// verifying with the workstation's verifier (the parameters travel inside the hash).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@main/core/access/passwords.js';
import { hashPassword as hashCentralPassword } from '@server/admin/passwords.js';

type Module = { hashPassword(p: string): Promise<string>; lowerPasswordCostForTests(): void };
/** A fresh copy of the module, as the app loads it: the setup file's lowering does not reach it. */
const fresh = async (path: '@main/core/access/passwords.js' | '@server/admin/passwords.js'): Promise<Module> => {
  vi.resetModules();
  return (await import(path)) as Module;
};
const PASSWORD = 'Kantor-Loket-2026';

afterEach(() => vi.unstubAllEnvs());

it('runs the rest of the suite at the low cost (tests/support/vitest-setup.ts)', async () => {
  expect(await hashPassword(PASSWORD)).toMatch(/^scrypt\$16\$1\$1\$/);
  expect(await hashCentralPassword(PASSWORD)).toMatch(/^scrypt\$16\$1\$1\$/);
});

describe.each(['@main/core/access/passwords.js', '@server/admin/passwords.js'] as const)('%s', (path) => {
  it('hashes at the production cost (N=2^15, r=8) unless a test lowers it', async () => {
    const passwords = await fresh(path);
    expect(await passwords.hashPassword(PASSWORD)).toMatch(/^scrypt\$32768\$8\$1\$/);
    passwords.lowerPasswordCostForTests();
    expect(await passwords.hashPassword(PASSWORD)).toMatch(/^scrypt\$16\$1\$1\$/);
  });

  it('refuses the low cost outside Vitest', async () => {
    const passwords = await fresh(path);
    vi.stubEnv('VITEST', '');
    expect(() => passwords.lowerPasswordCostForTests()).toThrow(/tests run by Vitest only/);
  });

  it('verifies hashes of either cost with the workstation verifier', async () => {
    const passwords = await fresh(path);
    const { verifyPassword } = await import('@main/core/access/passwords.js');
    expect(await verifyPassword(PASSWORD, await passwords.hashPassword(PASSWORD))).toBe(true);
    passwords.lowerPasswordCostForTests();
    const cheap = await passwords.hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, cheap)).toBe(true);
    expect(await verifyPassword('Kantor-Loket-2025', cheap)).toBe(false);
  });
});
