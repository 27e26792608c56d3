import { z } from 'zod';
import { ROLES } from '../domain/shared/roles.js';

export const Language = z.enum(['id', 'en']);
export type Language = z.infer<typeof Language>;

export const RoleSchema = z.enum(ROLES);

export const Id = z.string().uuid();

export const Username = z
  .string()
  .trim()
  .min(3, 'username.tooShort')
  .max(32, 'username.tooLong')
  .regex(/^[a-z0-9._-]+$/, 'username.chars');

/** Shape only; the strength policy is a domain rule (common/domain/shared/password-policy.ts). */
export const Password = z.string().min(1).max(256);

export const FullName = z.string().trim().min(2).max(100);

export const Empty = z.strictObject({});

export const Ack = z.strictObject({ ok: z.literal(true) });

export const UserView = z.strictObject({
  id: Id,
  username: z.string(),
  fullName: z.string(),
  role: RoleSchema,
  language: Language,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  services: z.array(z.string()),
  lockedUntil: z.number().int().nullable(),
  createdAt: z.number().int(),
});
export type UserView = z.infer<typeof UserView>;
