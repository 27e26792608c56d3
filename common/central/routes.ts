// Every route of central's HTTP API, declared once: method, path, who may call it, what it takes and what
// it answers. The server registers its routes from these entries (server/http/route.ts), the workstation
// calls them through its signed transport (main/sync/transport.ts) and the tests through
// tests/support/central-client.ts, so a path or a schema cannot drift between the three.
// Not here: the resumable blob upload (tus, BLOB_UPLOAD_PATH), a family of routes under one prefix whose
// streamed bodies and answers belong to the tus protocol, not to a schema.
import { z } from 'zod';
import type { TicketActionKind } from '@common/domain/queue/lifecycle.js';
import {
  AdminOfficeInput,
  AdminOfficeOutput,
  AdminUserInput,
  AdminUserOutput,
  AdminUserParams,
  AdminUserUpdate,
  BillingPaidInput,
  BillingParams,
  BillingStatus,
  CompactInput,
  CompactOutput,
  EnrolmentCodeInput,
  EnrolmentCodeOutput,
  WorkstationParams,
  WorkstationsQuery,
  WorkstationView,
} from './admin.js';
import { FirstAdminRequest, FirstAdminResponse } from './office-join.js';
import { OfficeOutboxQuery, OfficeOutboxView } from './office-outbox.js';
import { OfficeProblemsView } from './office-problems.js';
import {
  AuditAnchors,
  BlobCheckRequest,
  BlobCheckResponse,
  BlobContent,
  BlobParams,
  EnrolRequest,
  EnrolResponse,
  HealthResponse,
  PullQuery,
  PullResponse,
  PushRequest,
  PushResponse,
  SnapshotQuery,
  SnapshotResponse,
} from './protocol.js';
import {
  AdminQueueConfigQuery,
  BookingGenerate,
  BookingGenerateResult,
  BookingImport,
  BookingImportResult,
  CallNextRequest,
  CallResult,
  CounterQuery,
  CounterSave,
  FinishRequest,
  IssuedTicket,
  IssueRequest,
  ParkedResult,
  QueueConfig,
  ServiceSave,
  TicketActionRequest,
  TransferRequest,
} from '../contract/queue/central.js';
import { FloorQuery, FloorView } from '../contract/queue/floor.js';
import { BoardQuery, BoardResponse, ReconcileRequest, ReconcileResponse, ReplayRequest, ReplayResponse } from '../contract/queue/sync.js';

/**
 * Who may call a route. `workstation`: signed by an enrolled workstation (server/http/signature.ts);
 * `enrolment`: signed with the key the request enrols; `admin`: `Authorization: Bearer <admin token>`;
 * `public`: anyone.
 */
export type RouteAuth = 'public' | 'enrolment' | 'workstation' | 'admin';

export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** `:name` segments are path parameters (Fastify's pattern). */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** An absent or empty body reads as `{}`. */
  readonly optionalBody?: true;
  /** The answer on success; every route can also answer ErrorResponse with a SYNC_ERRORS status. */
  readonly response: z.ZodType;
}

export const defineRoute = <const R extends RouteSpec>(route: R): R => route;

/** A query as a caller gives it: the parsed types (numbers, not the strings on the wire), optional where the schema says. */
export type QueryValues<S extends z.ZodType> = { [K in keyof z.input<S>]: K extends keyof z.output<S> ? z.output<S>[K] : never };

type Part<K extends string, T> = Record<never, never> extends T ? { [P in K]?: T } : { [P in K]: T };

/** What a caller sends to a route: `params`, `query` and `body` where the route has them. */
export type RouteInput<R extends RouteSpec> = (R extends { params: infer P extends z.ZodType } ? { params: z.input<P> } : object) &
  (R extends { query: infer Q extends z.ZodType } ? Part<'query', QueryValues<Q>> : object) &
  (R extends { body: infer B extends z.ZodType }
    ? R extends { optionalBody: true }
      ? { body?: z.input<B> }
      : { body: z.input<B> }
    : object);

/** What a route answers on success, as its schema parses it. */
export type RouteResponse<R extends RouteSpec> = z.output<R['response']>;

/** Routes a workstation signs with its own key. */
export type SignedRoute = RouteSpec & { readonly auth: 'workstation' | 'enrolment' };
export type AdminRoute = RouteSpec & { readonly auth: 'admin' };

/**
 * The path and query a request is sent to, which is also what a signature covers: parameters filled
 * in, query values in the order given, each percent-encoded, undefined ones left out.
 */
export function routePath(route: RouteSpec, input: { params?: object; query?: object } = {}): string {
  const params = (input.params ?? {}) as Record<string, unknown>;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
  const query = Object.entries(input.query ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

// ---------------------------------------------------------------- sync (server/sync/routes.ts)

export const syncRoutes = {
  health: defineRoute({ method: 'GET', path: '/health', auth: 'public', response: HealthResponse }),
  enrol: defineRoute({ method: 'POST', path: '/v1/enrol', auth: 'enrolment', body: EnrolRequest, response: EnrolResponse }),
  push: defineRoute({ method: 'POST', path: '/v1/push', auth: 'workstation', body: PushRequest, response: PushResponse }),
  pull: defineRoute({ method: 'GET', path: '/v1/pull', auth: 'workstation', query: PullQuery, response: PullResponse }),
  officeOutbox: defineRoute({
    method: 'GET',
    path: '/v1/office/outbox',
    auth: 'workstation',
    query: OfficeOutboxQuery,
    response: OfficeOutboxView,
  }),
  snapshot: defineRoute({ method: 'GET', path: '/v1/snapshot', auth: 'workstation', query: SnapshotQuery, response: SnapshotResponse }),
  blobCheck: defineRoute({
    method: 'POST',
    path: '/v1/blobs/check',
    auth: 'workstation',
    body: BlobCheckRequest,
    response: BlobCheckResponse,
  }),
  /**
   * One photo by its content address: only when an application record of the signing desk's office names it
   * (NOT_FOUND otherwise, or while no desk has uploaded it yet).
   */
  blob: defineRoute({ method: 'GET', path: '/v1/blobs/:sha256', auth: 'workstation', params: BlobParams, response: BlobContent }),
  /** The signing workstation's own audit anchors (npm run audit:verify -- --central). */
  auditAnchors: defineRoute({
    method: 'GET',
    path: '/v1/audit/anchors',
    auth: 'workstation',
    query: z.strictObject({}),
    response: AuditAnchors,
  }),
  /** A desk starting a new office: its first admin; refused (CONFLICT, setup.officeHasAccounts) once the office has accounts. */
  firstAdmin: defineRoute({
    method: 'POST',
    path: '/v1/office/first-admin',
    auth: 'workstation',
    body: FirstAdminRequest,
    response: FirstAdminResponse,
  }),
  /** Every desk's refused and conflicting ops of the office that are not settled yet (the supervisor's Sync screen). */
  officeProblems: defineRoute({
    method: 'GET',
    path: '/v1/office/problems',
    auth: 'workstation',
    query: z.strictObject({}),
    response: OfficeProblemsView,
  }),
};

// ---------------------------------------------------------------- the office queue (server/queue/routes.ts)

const ticketAction = <const P extends string, B extends z.ZodType>(path: P, body: B) =>
  defineRoute({ method: 'POST', path: `/v1/queue/${path}`, auth: 'workstation', body, response: CallResult });

/** The counter's actions on a ticket, by the life cycle's action kind; URLs keep their kebab-case segment. */
export const ticketActionRoutes = {
  recall: ticketAction('recall', TicketActionRequest),
  noShow: ticketAction('no-show', TicketActionRequest),
  start: ticketAction('start', TicketActionRequest),
  finish: ticketAction('finish', FinishRequest),
  transfer: ticketAction('transfer', TransferRequest),
  park: ticketAction('park', TicketActionRequest),
  resume: ticketAction('resume', TicketActionRequest),
} satisfies Record<TicketActionKind, unknown>;

export const queueRoutes = {
  config: defineRoute({ method: 'GET', path: '/v1/queue/config', auth: 'workstation', query: z.strictObject({}), response: QueueConfig }),
  issue: defineRoute({ method: 'POST', path: '/v1/queue/tickets', auth: 'workstation', body: IssueRequest, response: IssuedTicket }),
  callNext: defineRoute({ method: 'POST', path: '/v1/queue/call-next', auth: 'workstation', body: CallNextRequest, response: CallResult }),
  current: defineRoute({ method: 'GET', path: '/v1/queue/current', auth: 'workstation', query: CounterQuery, response: CallResult }),
  ...ticketActionRoutes,
  parked: defineRoute({ method: 'GET', path: '/v1/queue/parked', auth: 'workstation', query: CounterQuery, response: ParkedResult }),
  /** Long-polled: answers when the office's queue moved past `version`, or after `wait` ms. */
  board: defineRoute({ method: 'GET', path: '/v1/queue/board', auth: 'workstation', query: BoardQuery, response: BoardResponse }),
  floor: defineRoute({ method: 'GET', path: '/v1/queue/floor', auth: 'workstation', query: FloorQuery, response: FloorView }),
  reconcile: defineRoute({
    method: 'POST',
    path: '/v1/queue/reconcile',
    auth: 'workstation',
    body: ReconcileRequest,
    response: ReconcileResponse,
  }),
  /** Actions a counter took on central's tickets while central was away (server/queue/replay.ts). */
  replay: defineRoute({ method: 'POST', path: '/v1/queue/replay', auth: 'workstation', body: ReplayRequest, response: ReplayResponse }),
};

export const queueAdminRoutes = {
  config: defineRoute({ method: 'GET', path: '/admin/queue/config', auth: 'admin', query: AdminQueueConfigQuery, response: QueueConfig }),
  saveService: defineRoute({ method: 'POST', path: '/admin/queue/services', auth: 'admin', body: ServiceSave, response: QueueConfig }),
  saveCounter: defineRoute({ method: 'POST', path: '/admin/queue/counters', auth: 'admin', body: CounterSave, response: QueueConfig }),
  importBookings: defineRoute({
    method: 'POST',
    path: '/admin/bookings/import',
    auth: 'admin',
    body: BookingImport,
    response: BookingImportResult,
  }),
  generateBookings: defineRoute({
    method: 'POST',
    path: '/admin/bookings/generate',
    auth: 'admin',
    body: BookingGenerate,
    response: BookingGenerateResult,
  }),
};

// ---------------------------------------------------------------- administration (server/admin/routes.ts)

export const adminRoutes = {
  saveOffice: defineRoute({ method: 'POST', path: '/admin/offices', auth: 'admin', body: AdminOfficeInput, response: AdminOfficeOutput }),
  enrolmentCode: defineRoute({
    method: 'POST',
    path: '/admin/enrolment-codes',
    auth: 'admin',
    body: EnrolmentCodeInput,
    response: EnrolmentCodeOutput,
  }),
  workstations: defineRoute({
    method: 'GET',
    path: '/admin/workstations',
    auth: 'admin',
    query: WorkstationsQuery,
    response: z.array(WorkstationView),
  }),
  /** Takes effect on the workstation's next request. */
  revoke: defineRoute({
    method: 'POST',
    path: '/admin/workstations/:id/revoke',
    auth: 'admin',
    params: WorkstationParams,
    response: WorkstationView,
  }),
  createUser: defineRoute({ method: 'POST', path: '/admin/users', auth: 'admin', body: AdminUserInput, response: AdminUserOutput }),
  updateUser: defineRoute({
    method: 'POST',
    path: '/admin/users/:id',
    auth: 'admin',
    params: AdminUserParams,
    body: AdminUserUpdate,
    response: AdminUserOutput,
  }),
  compact: defineRoute({ method: 'POST', path: '/admin/compact', auth: 'admin', body: CompactInput, response: CompactOutput }),
  /** One workstation's audit anchors, saved as the anchor file audit:verify compares a database with. */
  auditAnchors: defineRoute({
    method: 'GET',
    path: '/admin/workstations/:id/audit-anchors',
    auth: 'admin',
    params: WorkstationParams,
    response: AuditAnchors,
  }),
};

// ---------------------------------------------------------------- SIMPONI's side of payments (server/payments/routes.ts)

export const billingRoutes = {
  status: defineRoute({ method: 'GET', path: '/admin/billings/:code', auth: 'admin', params: BillingParams, response: BillingStatus }),
  /** Stands in for SIMPONI's callback: marks the billing paid; the status reaches the workstation by pull. */
  paid: defineRoute({
    method: 'POST',
    path: '/admin/billings/:code/paid',
    auth: 'admin',
    params: BillingParams,
    body: BillingPaidInput,
    optionalBody: true,
    response: BillingStatus,
  }),
};
