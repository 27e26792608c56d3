// The data of each synced record as it travels in changes and snapshots. Server and workstation both
// read records through these schemas, so a record the other side cannot read fails loudly, not quietly.
import { z } from 'zod';
import { ROLES } from '../domain/shared/roles.js';
import { TIME_ZONES } from '../domain/shared/offices.js';

/** An officer account. The scrypt hash travels so that officers can log in while the WAN is down. */
export const UserData = z.strictObject({
  username: z.string().min(1).max(64),
  fullName: z.string().min(1).max(200),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  services: z.array(z.string().max(32)).max(50),
  passwordHash: z.string().min(1).max(400),
  mustChangePassword: z.boolean(),
  language: z.enum(['id', 'en']),
  createdAt: z.number().int(),
});
export type UserData = z.infer<typeof UserData>;

/** Fields an op may change on an account (the `users.*`, `auth.changePassword` and resolution ops). */
export const UserPatch = UserData.omit({ createdAt: true }).partial();
export type UserPatch = z.infer<typeof UserPatch>;

export const OfficeData = z.strictObject({ name: z.string(), city: z.string(), tz: z.enum(TIME_ZONES) });
export type OfficeData = z.infer<typeof OfficeData>;

export const ServiceData = z.strictObject({
  prefix: z.string().min(1).max(4),
  nameId: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export type ServiceData = z.infer<typeof ServiceData>;

/** The generic blob op: a file referenced by content address (what a later entity's op carries too). */
export const BlobData = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  mime: z.string().max(100),
  name: z.string().max(200),
  ownerEntity: z.string().max(64).nullable(),
  ownerId: z.string().max(128).nullable(),
});
export type BlobData = z.infer<typeof BlobData>;

/** Ops that reference blobs list them here inside their data; the client uploads them first. */
export const BlobRef = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) });
export type BlobRef = z.infer<typeof BlobRef>;

/** Sent by a conflict resolution: the fields the officer kept from the workstation's side. */
export const ResolveData = z.strictObject({ fields: z.record(z.string(), z.unknown()), resolves: z.string() });
