import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

// The same scrypt format as main/core/access/passwords.ts (server/ may not import main/): accounts created
// centrally must verify at the counter, offline, with the workstation's own verifier.
const PARAMS = { N: 1 << 15, r: 8, p: 1 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const options: ScryptOptions = { ...PARAMS, maxmem: 256 * PARAMS.N * PARAMS.r };
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, options, (err, k) => (err ? reject(err) : resolve(k))),
  );
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}
