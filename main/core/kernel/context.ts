import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@db/connection.js';
import type { UserRow } from '@db/queries/users.js';
import { insertOutbox } from '@db/queries/outbox.js';
import type { CallName, CallOutput, ParsedInput } from '@common/contract/index.js';
import { appendAudit, type AuditInput } from './audit.js';
import type { Core } from '../core.js';
import type { Session } from '../access/sessions.js';

export interface CallContext {
  core: Core;
  db: Db;
  now: number;
  session: Session | undefined;
  user: UserRow | undefined;
}

export interface Change {
  action: string;
  entity?: string;
  entityId?: string;
  /** Goes into the audit event: never passwords, tokens or biometric data. */
  summary?: Record<string, unknown>;
  /** Goes to central with the op; defaults to the summary. */
  data?: Record<string, unknown>;
  baseVersion?: number;
  /** Acting user when the context has none (a login, setup). */
  actor?: Pick<UserRow, 'id' | 'username' | 'role'>;
}

/**
 * The only way core writes: the change, its audit event and its outbox op commit together or not at all.
 */
export function write<T>(ctx: CallContext, change: Change, apply: (db: Db) => T): T {
  const { db } = ctx;
  const actor = change.actor ?? ctx.user;
  return db
    .transaction(() => {
      const result = apply(db);
      const event: AuditInput = {
        at: ctx.now,
        userId: actor?.id ?? null,
        username: actor?.username ?? null,
        role: actor?.role ?? null,
        workstation: ctx.core.setting('workstation_name') ?? 'unconfigured',
        action: change.action,
        entity: change.entity ?? null,
        entityId: change.entityId ?? null,
        summary: change.summary ?? {},
      };
      const audit = appendAudit(db, event);
      insertOutbox(db, {
        op_id: uuidv7(),
        entity: change.entity ?? 'audit',
        entity_id: change.entityId ?? audit.id,
        op: change.action,
        payload: JSON.stringify({
          audit: { ...event, id: audit.id, seq: audit.seq, hash: audit.hash },
          data: change.data ?? change.summary ?? {},
        }),
        base_version: change.baseVersion ?? null,
        created_at: ctx.now,
      });
      return result;
    })
    .immediate();
}

export type Handler<N extends CallName> = (ctx: CallContext, input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
