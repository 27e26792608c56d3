// A desk starting a new office creates the office's first admin at central, before anything else: central
// refuses it once the office has any account, so a second desk can only join (and pull the accounts),
// never bring a second, clashing admin of its own.
import { z } from 'zod';
import { FullName, text, Username } from '../contract/schemas.js';

export const FirstAdminRequest = z.strictObject({
  id: z.string().uuid(),
  username: Username,
  fullName: FullName,
  /** The scrypt hash of the password the admin chose at setup: central never sees the password. */
  passwordHash: text().min(1).max(400),
  language: z.enum(['id', 'en']),
});
export type FirstAdminRequest = z.infer<typeof FirstAdminRequest>;

export const FirstAdminResponse = z.strictObject({ id: z.string(), version: z.number().int() });
