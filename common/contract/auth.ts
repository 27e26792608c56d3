import { z } from 'zod';
import { defineCall } from './define.js';
import { Ack, Empty, Id, Language, Password, RoleSchema, Username, multilineText, text } from './schemas.js';

export const SessionView = z.strictObject({
  sessionId: z.string(),
  userId: Id,
  username: z.string(),
  fullName: z.string(),
  role: RoleSchema,
  language: Language,
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  services: z.array(z.string()),
});
export type SessionView = z.infer<typeof SessionView>;

export const LoginOutput = z.strictObject({ sessionToken: z.string(), session: SessionView });

/** Actions a supervisor override can authorise. Later issues add theirs here. */
export const OVERRIDE_ACTIONS = [
  'fee.waive',
  'payment.manual',
  'quota.exceed',
  'receipt.reprint',
  'receipt.void',
  'account.unlock',
  'biometric.exception',
  'biometric.lowQuality',
] as const;
export const OverrideAction = z.enum(OVERRIDE_ACTIONS);
export type OverrideAction = z.infer<typeof OverrideAction>;

export const OverrideOutput = z.strictObject({
  overrideToken: z.string(),
  supervisorId: Id,
  supervisorName: z.string(),
  action: OverrideAction,
  expiresAt: z.number().int(),
});

export const authCalls = {
  'auth.login': defineCall({
    input: z.strictObject({ username: text().trim().min(1).max(64), password: Password }),
    output: LoginOutput,
    access: 'public',
    mutates: true,
  }),
  'auth.logout': defineCall({ input: Empty, output: Ack, access: 'session', mutates: true }),
  'auth.session': defineCall({ input: Empty, output: SessionView, access: 'session', mutates: false, background: true }),
  /** The window saw keyboard or mouse input: counts as activity for the idle lock, writes nothing. */
  'auth.activity': defineCall({ input: Empty, output: Ack, access: 'session', mutates: false }),
  'auth.lock': defineCall({ input: Empty, output: Ack, access: 'session', mutates: true }),
  'auth.unlock': defineCall({ input: z.strictObject({ password: Password }), output: SessionView, access: 'session', mutates: true }),
  'auth.changePassword': defineCall({
    input: z.strictObject({ currentPassword: Password, newPassword: Password }),
    output: SessionView,
    access: 'session',
    mutates: true,
  }),
  /** A supervisor authorises one action at this desk with their own credentials; the officer stays logged in. */
  'auth.override': defineCall({
    input: z.strictObject({
      username: Username,
      password: Password,
      action: OverrideAction,
      reason: multilineText().trim().min(5).max(500),
    }),
    output: OverrideOutput,
    access: 'session',
    mutates: true,
  }),
  'prefs.setLanguage': defineCall({ input: z.strictObject({ language: Language }), output: SessionView, access: 'session', mutates: true }),
};
