import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

// The same scrypt format as main/core/access/passwords.ts (server/ may not import main/): accounts created
// centrally must verify at the counter, offline, with the workstation's own verifier.
const PARAMS = { N: 1 << 15, r: 8, p: 1 };

// As at the workstation: only the test harness lowers the cost, and it throws outside Vitest; nothing the
// server reads (options, environment) can reach it.
const TEST_COST = { N: 1 << 4, r: 1, p: 1 };
let cost = PARAMS;

export function lowerPasswordCostForTests(): void {
  if (!process.env.VITEST) throw new Error('The low password hashing cost is for tests run by Vitest only');
  cost = TEST_COST;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, options, (err, k) => (err ? reject(err) : resolve(k))),
  );
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}
