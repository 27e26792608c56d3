import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Cost chosen so one check takes ~50-250 ms on a counter PC: slow for a guesser, unnoticed at login.
// Parameters travel inside the hash so they can be raised later and synced hashes stay verifiable.
const DEFAULT = { N: 1 << 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

// Tests create and log in to hundreds of accounts, each hash ~100 ms of CPU at the real cost. They lower
// it with lowerPasswordCostForTests(), which only the test harness calls (tests/support/vitest-setup.ts,
// and the workstation processes the model test starts) and which throws outside Vitest. No option, setting or environment variable of the app reaches
// the low cost, so nothing in production can weaken it by configuration or by accident; verifying reads
// the parameters from the hash, so it never depends on this.
const TEST_COST = { N: 1 << 4, r: 1, p: 1 };
let cost = DEFAULT;

export function lowerPasswordCostForTests(): void {
  if (!process.env.VITEST) throw new Error('The low password hashing cost is for tests run by Vitest only');
  cost = TEST_COST;
}

function derive(password: string, salt: Buffer, opts: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...opts, maxmem: 256 * opts.N * opts.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Checked against when the username does not exist, so both paths cost the same time. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword('loket-no-such-user-0'));
