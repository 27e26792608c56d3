import { z } from 'zod';
import { ALL_BUT_RECEPTION } from '../domain/shared/roles.js';
import { defineCall } from './define.js';
import { OfficeProblemsView } from '../central/office-problems.js';
import { Empty, Id, text } from './schemas.js';

/**
 * disabled: no sync client runs (no central configured); training: this database never syncs;
 * notEnrolled: waiting for an enrolment code; offline: central unreachable, retrying with backoff;
 * notAnswering: central takes the connection but does not answer within the deadline (hung);
 * revoked / updateRequired: central refuses this workstation until an admin or an update acts.
 */
export const SyncStateSchema = z.enum([
  'disabled',
  'training',
  'notEnrolled',
  'idle',
  'syncing',
  'offline',
  'notAnswering',
  'revoked',
  'updateRequired',
  'error',
]);
export type SyncState = z.infer<typeof SyncStateSchema>;

export const SyncStatus = z.strictObject({
  state: SyncStateSchema,
  online: z.boolean(),
  enrolled: z.boolean(),
  centralUrl: z.string().nullable(),
  /** The central runs inside this Loket (no central URL configured): one machine, one office. */
  embedded: z.boolean(),
  workstationId: z.string().nullable(),
  officeCode: z.string().nullable(),
  pendingOps: z.number().int(),
  rejected: z.number().int(),
  /** Changes central holds as late (dated in a signed-off day) until the supervisor accepts or returns them. */
  held: z.number().int(),
  /** Unresolved conflicts. */
  conflicts: z.number().int(),
  /** Last time everything pending was pushed and the pull caught up; the status bar shows its age. */
  lastSyncAt: z.number().int().nullable(),
  lastAttemptAt: z.number().int().nullable(),
  nextAttemptAt: z.number().int().nullable(),
  lastError: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  training: z.boolean(),
  cursor: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const OutboxStatusSchema = z.enum(['pending', 'applied', 'duplicate', 'rejected', 'conflict']);

export const SyncItem = z.strictObject({
  deviceSeq: z.number().int(),
  opId: z.string(),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  createdAt: z.number().int(),
  status: OutboxStatusSchema,
  attempts: z.number().int(),
  lastAttemptAt: z.number().int().nullable(),
  /** Why central rejected it (a stable reason code such as `username.taken`), or why it conflicts. */
  reason: z.string().nullable(),
  /** Who made the change at this workstation. */
  actor: z.string().nullable(),
  conflict: z
    .strictObject({
      serverVersion: z.number().int().nullable(),
      /** Secrets (password hashes) are shown as '(hidden)'. */
      fields: z.array(z.strictObject({ field: z.string(), mine: z.unknown(), theirs: z.unknown() })),
    })
    .nullable(),
  resolvedAt: z.number().int().nullable(),
  resolution: z.enum(['mine', 'theirs', 'mixed']).nullable(),
  /** A rejected change settled at this desk: sent again as a new change, or dismissed with a reason. */
  settled: z
    .strictObject({
      kind: z.enum(['retried', 'dismissed']),
      by: z.string().nullable(),
      at: z.number().int(),
      reason: z.string().nullable(),
      /** The new change a retry made. */
      retryOpId: z.string().nullable(),
    })
    .nullable(),
});
export type SyncItem = z.infer<typeof SyncItem>;

const Choice = z.enum(['mine', 'theirs']);

export const syncCalls = {
  /** Public: the status bar shows online/offline and pending work even on the login screen. */
  'sync.status': defineCall({ input: Empty, output: SyncStatus, access: 'public', mutates: false, background: true }),
  /** "Sync now": pushes and pulls at once (resets the backoff); answers with the status after. */
  'sync.now': defineCall({ input: Empty, output: SyncStatus, access: ALL_BUT_RECEPTION, mutates: false }),
  /** The Sync screen: problems = pending, rejected and unresolved conflicts. */
  'sync.list': defineCall({
    input: z.strictObject({
      filter: z.enum(['problems', 'pending', 'rejected', 'conflict', 'all']).default('problems'),
      limit: z.number().int().min(1).max(500).default(100),
      beforeSeq: z.number().int().positive().optional(),
    }),
    output: z.strictObject({ items: z.array(SyncItem) }),
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  /** Keeps this workstation's values (mine), central's (theirs), or chooses per field. */
  'sync.resolveConflict': defineCall({
    input: z.strictObject({
      opId: Id,
      choice: Choice,
      fields: z.record(text().min(1).max(64), Choice).optional(),
    }),
    output: SyncItem,
    access: ALL_BUT_RECEPTION,
    mutates: true,
  }),
  /**
   * Sends a rejected change again, once its cause is fixed: a new change with the same intent, made by the
   * officer retrying it, against central's current version. The rejected one is settled (retried).
   */
  'sync.retryRejected': defineCall({ input: z.strictObject({ opId: Id }), output: SyncItem, access: ALL_BUT_RECEPTION, mutates: true }),
  /** Gives up a rejected change, with the reason why (audited); it leaves the counts of problems. */
  'sync.dismissRejected': defineCall({
    input: z.strictObject({ opId: Id, reason: text().trim().min(5).max(500) }),
    output: SyncItem,
    access: ALL_BUT_RECEPTION,
    mutates: true,
  }),
  /** Every desk's refused and conflicting changes the desk has not settled yet, as central holds them. */
  'sync.officeProblems': defineCall({ input: Empty, output: OfficeProblemsView, access: ['supervisor', 'admin'], mutates: false }),
  /** Enrols this workstation with a central server using an admin-issued code. */
  'sync.enrol': defineCall({
    input: z.strictObject({
      centralUrl: z
        .string()
        .trim()
        .url()
        .max(300)
        .regex(/^https?:\/\//, 'url.http'),
      code: text().trim().min(8).max(64),
    }),
    output: SyncStatus,
    access: ['admin'],
    mutates: true,
  }),
  /**
   * Enrols a workstation that central revoked again, with a new admin-issued code and a new key pair;
   * the old key stays revoked. Refused (CONFLICT) while the workstation is not revoked.
   */
  'sync.reenrol': defineCall({
    input: z.strictObject({ code: text().trim().min(8).max(64) }),
    output: SyncStatus,
    access: ['admin'],
    mutates: true,
  }),
};

export const syncEvents = {
  /** Whenever the sync status changes (online, pending count, last sync...). */
  'sync.status': SyncStatus,
};
