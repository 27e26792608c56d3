// The port between core and central's office queue. Core never speaks HTTP (lint): the sync client
// attaches an adapter (main/sync/queue-client.ts) as core.ports.queue; without one the counter runs in
// local mode.
import type { z } from 'zod';
import type { CallResult, IssueRequest, IssuedTicket, ParkedResult, QueueConfig } from '@common/contract/queue/central.js';
import type { FloorView } from '@common/contract/queue/floor.js';
import type { BoardResponse, LocalTicket, OfflineAction, ReconcileResponse, ReplayResponse } from '@common/contract/queue/sync.js';
import type { TicketActionKind } from '@common/domain/queue/lifecycle.js';

export interface QueuePort {
  config(): Promise<QueueConfig>;
  issue(req: z.input<typeof IssueRequest>): Promise<IssuedTicket>;
  callNext(req: { counterId: string; requestId: string }): Promise<CallResult>;
  /** The ticket called to or served at this counter, if any. */
  current(counterId: string): Promise<CallResult>;
  /** The tickets parked at this counter. */
  parked(counterId: string): Promise<ParkedResult>;
  action(
    kind: TicketActionKind,
    body: { counterId: string; ticketId: string; outcome?: string; serviceCode?: string },
  ): Promise<CallResult>;
  /** Long poll: answers when the office queue moved past `version` (or at once without one). */
  board(version?: number, waitMs?: number, signal?: AbortSignal): Promise<BoardResponse>;
  reconcile(tickets: LocalTicket[]): Promise<ReconcileResponse>;
  /** Actions taken on central's tickets while central was away, in order. */
  replay(actions: OfflineAction[]): Promise<ReplayResponse>;
  /** The supervisor's live floor of this office. */
  floor(targetMinutes: number): Promise<FloorView>;
}

/** Central could not be reached (network, 5xx): the caller falls back to local mode. */
export class QueueUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnreachable';
  }
}

/** Central answered and refused (its stable code and details): shown to the officer as is. */
export class QueueRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'QueueRefused';
  }
}
