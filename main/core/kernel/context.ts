import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@db/connection.js';
import type { UserRow } from '@db/queries/access/users.js';
import { insertOutbox } from '@db/queries/sync/outbox.js';
import type { CallName, CallOutput, ParsedInput } from '@common/contract/index.js';
import type { OpAction } from '@common/central/op-authority.js';
import { appendAudit, type AuditInput } from './audit.js';
import type { Core } from '../core.js';
import type { Session } from '../access/sessions.js';

/** The contract call a context serves, as the contract declares it, and what it wrote (kept by write()). */
export interface CallRecord {
  readonly name: CallName;
  readonly mutates: boolean;
  /** Writes committed for this call. */
  writes: number;
  /** Writes refused because the call is read-only: counted even when the handler swallows the error. */
  refused: number;
}

export interface CallContext {
  core: Core;
  db: Db;
  now: number;
  session: Session | undefined;
  user: UserRow | undefined;
  /** The call being served; null for the workstation's own background work (sweeps, sync, purges). */
  call: CallRecord | null;
}

/** A context for work no contract call asked for: it acts as the workstation itself unless given a user. */
export function backgroundContext(
  core: Core,
  opts: { db?: Db; now?: number; session?: Session | undefined; user?: UserRow | undefined } = {},
): CallContext {
  return { core, db: opts.db ?? core.db, now: opts.now ?? core.now(), session: opts.session, user: opts.user, call: null };
}

/** What a use case changed: its audit event and its outbox op are made of exactly this. */
export interface Change {
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

/** What a use case's apply step hands back: the change it made and the answer it gives. */
export interface Applied<T> {
  change: Change;
  result: T;
}

/**
 * The only way core writes: `apply` makes the change and returns it; the change, its audit event and its
 * outbox op commit together or not at all. A call declared read-only (mutates: false) may not write.
 */
export function write<T>(ctx: CallContext, action: OpAction, apply: (db: Db) => Applied<T>): T;
export function write(ctx: CallContext, action: OpAction, apply: (db: Db) => { change: Change }): void;
export function write<T>(ctx: CallContext, action: OpAction, apply: (db: Db) => { change: Change; result?: T }): T | undefined {
  const { db, call } = ctx;
  if (call && !call.mutates) {
    call.refused += 1;
    throw new Error(`${call.name} is declared read-only (mutates: false) but tried to write ${action}`);
  }
  const result = db
    .transaction(() => {
      const { change, result } = apply(db);
      const actor = change.actor ?? ctx.user;
      const event: AuditInput = {
        at: ctx.now,
        userId: actor?.id ?? null,
        username: actor?.username ?? null,
        role: actor?.role ?? null,
        workstation: ctx.core.setting('workstation_name') ?? 'unconfigured',
        action,
        entity: change.entity ?? null,
        entityId: change.entityId ?? null,
        summary: change.summary ?? {},
      };
      const audit = appendAudit(db, event);
      insertOutbox(db, {
        op_id: uuidv7(),
        entity: change.entity ?? 'audit',
        entity_id: change.entityId ?? audit.id,
        op: action,
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
  if (call) call.writes += 1;
  return result;
}

export type Handler<N extends CallName> = (ctx: CallContext, input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
