import { z } from 'zod';
import { ALL_BUT_RECEPTION } from '../domain/shared/roles.js';
import { defineCall } from './define.js';
import { Ack, Empty, FullName, Id, Language, Password, RoleSchema, UserView, Username, text } from './schemas.js';

const ServiceCodes = z.array(text().min(1).max(32)).max(50);

export const usersCalls = {
  'users.list': defineCall({ input: Empty, output: z.array(UserView), access: ['admin'], mutates: false }),
  'users.create': defineCall({
    input: z.strictObject({
      username: Username,
      fullName: FullName,
      role: RoleSchema,
      password: Password,
      language: Language.default('id'),
      services: ServiceCodes.default([]),
    }),
    output: UserView,
    access: ['admin'],
    mutates: true,
  }),
  'users.update': defineCall({
    input: z.strictObject({
      id: Id,
      fullName: FullName.optional(),
      role: RoleSchema.optional(),
      disabled: z.boolean().optional(),
      services: ServiceCodes.optional(),
    }),
    output: UserView,
    access: ['admin'],
    mutates: true,
  }),
  /** Sets a temporary password; the officer must choose a new one at the next login. */
  'users.resetPassword': defineCall({
    input: z.strictObject({ id: Id, temporaryPassword: Password }),
    output: UserView,
    access: ['admin'],
    mutates: true,
  }),
  'users.unlock': defineCall({ input: z.strictObject({ id: Id }), output: UserView, access: ['admin', 'supervisor'], mutates: true }),
};

export const SettingsView = z.strictObject({
  workstationName: z.string(),
  counterNumber: z.number().int(),
  idleLockMinutes: z.number().int(),
});

export const settingsCalls = {
  'settings.get': defineCall({ input: Empty, output: SettingsView, access: ALL_BUT_RECEPTION, mutates: false }),
  'settings.update': defineCall({
    input: z.strictObject({
      workstationName: text().trim().min(1).max(64).optional(),
      counterNumber: z.number().int().min(1).max(999).optional(),
      idleLockMinutes: z.number().int().min(1).max(120).optional(),
    }),
    output: SettingsView,
    access: ['admin'],
    mutates: true,
  }),
};

export const AuditEventView = z.strictObject({
  seq: z.number().int(),
  at: z.number().int(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  workstation: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
});

export const auditCalls = {
  'audit.list': defineCall({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100), beforeSeq: z.number().int().positive().optional() }),
    output: z.array(AuditEventView),
    access: ['supervisor', 'admin'],
    mutates: false,
  }),
  'audit.verify': defineCall({
    input: Empty,
    output: z.strictObject({
      ok: z.boolean(),
      checked: z.number().int(),
      brokenAt: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
    access: ['supervisor', 'admin'],
    mutates: false,
  }),
};
export { Ack };
