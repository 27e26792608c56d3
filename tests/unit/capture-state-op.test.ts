// Central's door for a desk's capture state: what it takes into the application record and what it refuses.
import { describe, expect, it } from 'vitest';
import { applicationEntity } from '@server/entities/application.js';
import type { IncomingOp, StoredRecord } from '@server/entities/types.js';

const SHA = 'a'.repeat(64);
const current: StoredRecord = {
  version: 3,
  data: {
    number: 'SMG-261204-01-0001',
    status: 'verified',
    processedBy: ['petugas1'],
    captures: { thumbs: { state: 'passed', quality: 70, approvedBy: null, photoSha256: null } },
  },
  meta: {},
  deleted: false,
};
const op = (data: Record<string, unknown>): IncomingOp => ({
  opId: 'op-1',
  deviceSeq: 9,
  entity: 'application',
  entityId: 'app-1',
  op: 'biometrics.captureState',
  baseVersion: null,
  createdAt: 1_000,
  data,
  blobs: [],
  origin: 'ws-2',
  role: 'officer',
  actor: 'petugas2',
});
const decide = (data: Record<string, unknown>, rec: StoredRecord | undefined = current) =>
  applicationEntity.decide(op(data), rec, { keyOwner: () => undefined });

describe('biometrics.captureState at central', () => {
  it('merges the finished modalities into the record per modality, with the photo address, and notes who processed', () => {
    const d = decide({ captures: { face: { state: 'passed', quality: 81, approvedBy: null, photoSha256: SHA } } });
    if (d.status !== 'applied') throw new Error(`refused: ${JSON.stringify(d)}`);
    expect(d.next?.version).toBe(4);
    expect(d.next?.data.captures).toEqual({
      thumbs: { state: 'passed', quality: 70, approvedBy: null, photoSha256: null },
      face: { state: 'passed', quality: 81, approvedBy: null, photoSha256: SHA },
    });
    expect(d.next?.data.processedBy).toEqual(['petugas1', 'petugas2']);
  });

  it.each([
    ['an unknown field', { captures: { face: { state: 'passed', quality: 81, approvedBy: null, photoSha256: SHA, extra: 1 } } }],
    ['an unknown modality', { captures: { tongue: { state: 'passed', quality: 81, approvedBy: null, photoSha256: null } } }],
    ['a photo on the fingers', { captures: { thumbs: { state: 'passed', quality: 81, approvedBy: null, photoSha256: SHA } } }],
    ['an address that is not a SHA-256', { captures: { face: { state: 'passed', quality: 81, approvedBy: null, photoSha256: 'x' } } }],
    ['an exception nobody approved', { captures: { iris: { state: 'excepted', quality: null, approvedBy: null, photoSha256: null } } }],
    ['no capture at all', { captures: {} }],
    ['a field beside the captures', { captures: {}, status: 'approved' }],
  ])('refuses %s', (_name, data) => {
    expect(decide(data)).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^data\.invalid/) });
  });

  it('refuses a capture state for an application central does not hold', () => {
    const data = { captures: { face: { state: 'passed', quality: 81, approvedBy: null, photoSha256: SHA } } };
    expect(applicationEntity.decide(op(data), undefined, { keyOwner: () => undefined })).toEqual({
      status: 'rejected',
      reason: 'not.found',
    });
  });
});
