// The central server's admin API (used by its CLI, by tests and by the embedded central's auto-enrolment).
// Authorised with `Authorization: Bearer <admin token>` (see server/README.md).
import { z } from 'zod';
import { text } from '../contract/schemas.js';
import { ROLES } from '../domain/shared/roles.js';
import { TIME_ZONES } from '../domain/shared/offices.js';

const OfficeCode = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'office.chars');

export const AdminOfficeInput = z.strictObject({
  code: OfficeCode,
  name: text().trim().min(1).max(200),
  city: text().trim().min(1).max(200),
  tz: z.enum(TIME_ZONES),
});

export const EnrolmentCodeInput = z.strictObject({
  officeCode: OfficeCode,
  /** A code is single-use and expires; a day is enough to walk to a counter and type it. */
  ttlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24),
});
export const EnrolmentCodeOutput = z.strictObject({ code: z.string(), officeCode: z.string(), expiresAt: z.number().int() });
export type EnrolmentCodeOutput = z.infer<typeof EnrolmentCodeOutput>;

export const WorkstationView = z.strictObject({
  id: z.string(),
  officeCode: z.string(),
  name: z.string(),
  enrolledAt: z.number().int(),
  revokedAt: z.number().int().nullable(),
  lastSeenAt: z.number().int().nullable(),
  lastDeviceSeq: z.number().int(),
});
export type WorkstationView = z.infer<typeof WorkstationView>;

export const AdminUserInput = z.strictObject({
  officeCode: OfficeCode,
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(32)
    .regex(/^[a-z0-9._-]+$/, 'username.chars'),
  fullName: text().trim().min(2).max(100),
  role: z.enum(ROLES),
  /** A temporary password: the officer must choose their own at the first login. */
  password: text().min(10).max(256),
  services: z.array(text().min(1).max(32)).max(50).default([]),
  language: z.enum(['id', 'en']).default('id'),
});
export type AdminUserInput = z.infer<typeof AdminUserInput>;

export const AdminUserUpdate = z.strictObject({
  officeCode: OfficeCode,
  fullName: text().trim().min(2).max(100).optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
  services: z.array(text().min(1).max(32)).max(50).optional(),
});

export const AdminUserOutput = z.strictObject({ id: z.string(), officeCode: z.string(), username: z.string(), version: z.number().int() });

export const CompactInput = z.strictObject({
  officeCode: OfficeCode,
  /** Keep the changes after this seq; default: compact everything up to the latest seq. */
  upTo: z.number().int().min(0).optional(),
});
export const CompactOutput = z.strictObject({ officeCode: z.string(), horizon: z.number().int(), removed: z.number().int() });

export const AdminOfficeOutput = z.strictObject({ created: z.boolean(), code: z.string() });

export const WorkstationsQuery = z.strictObject({ office: text().max(64).optional() });
export const WorkstationParams = z.strictObject({ id: text().max(64) });
export const AdminUserParams = WorkstationParams;

// ---------------------------------------------------------------- SIMPONI's side of a payment

/** SIMPONI billing codes are 15 digits and unique nationally. */
export const BillingParams = z.strictObject({ code: z.string().regex(/^\d{15}$/) });
/** SIMPONI's callback: paid now, or at the time it says. An absent or empty body means now. */
export const BillingPaidInput = z.strictObject({ paidAt: z.number().int().positive().optional() });

export const CENTRAL_PAYMENT_STATUSES = ['unpaid', 'paid', 'expired', 'waived'] as const;
export type CentralPaymentStatus = (typeof CENTRAL_PAYMENT_STATUSES)[number];

export const BillingStatus = z.strictObject({
  billingCode: z.string(),
  officeCode: z.string(),
  paymentId: z.string(),
  applicationId: z.string(),
  amount: z.number(),
  status: z.enum(CENTRAL_PAYMENT_STATUSES),
  paidAt: z.number().int().nullable(),
  version: z.number().int(),
});
export type BillingStatus = z.infer<typeof BillingStatus>;
