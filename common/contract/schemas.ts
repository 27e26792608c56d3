import { z } from 'zod';
import { ROLES } from '../domain/shared/roles.js';
import { textProblem } from '../domain/shared/text.js';

const refuseIn =
  (multiline: boolean) =>
  (value: string, ctx: z.RefinementCtx): void => {
    const problem = textProblem(value, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  };

/**
 * Every text a caller types or sends is built from these two, never from a bare `z.string()`: they
 * refuse control characters, lone surrogates and bidirectional overrides (common/domain/shared/text.ts)
 * with a `text.*` problem on the field. `tests/unit/contract-text.test.ts` walks every call's input and
 * every central route's request and fails on a string field that accepts them.
 */
export const text = () => z.string().superRefine(refuseIn(false));
/** Text typed in a multi-line box (notes, reasons, an address, the two MRZ lines): tab and line breaks allowed. */
export const multilineText = () => z.string().superRefine(refuseIn(true));

export const Language = z.enum(['id', 'en']);
export type Language = z.infer<typeof Language>;

export const RoleSchema = z.enum(ROLES);

export const Id = z.string().uuid();

export const Username = text()
  .trim()
  .min(3, 'username.tooShort')
  .max(32, 'username.tooLong')
  .regex(/^[a-z0-9._-]+$/, 'username.chars');

/** Shape only; the strength policy is a domain rule (common/domain/shared/password-policy.ts). */
export const Password = text().min(1).max(256);

export const FullName = text().trim().min(2).max(100);

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
