import { createHash } from 'node:crypto';

const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

/** SHA-256 of nothing: the prevHash of a chain's first element. */
export const CHAIN_START = sha256(new Uint8Array(0)).toString('hex').toUpperCase();

/**
 * SBI 0.9.5 capture hash: SHA256(prevHashBytes || SHA256(isoBytes)) in upper-case hex. An empty
 * previousHash starts a chain. The chain runs across every capture of one application.
 */
export function chainHash(previousHash: string, iso: Uint8Array): string {
  const prev = Buffer.from(previousHash === '' ? CHAIN_START : previousHash, 'hex');
  return sha256(Buffer.concat([prev, sha256(iso)]))
    .toString('hex')
    .toUpperCase();
}

export const isHashHex = (s: unknown): s is string => typeof s === 'string' && /^[0-9A-Fa-f]{64}$/.test(s);
