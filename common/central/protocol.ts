// The wire protocol between a workstation's sync client (main/sync) and the central server (server/).
// Both sides parse every message with these schemas; the server refuses anything else with a 4xx.
import { z } from 'zod';
import { MAX_JSON_DEPTH, jsonProblem, textProblem } from '../domain/shared/text.js';
import { text } from '../contract/schemas.js';

/**
 * The schema_version every request carries. The server accepts this one and the one before it; an older
 * workstation gets UPDATE_REQUIRED. Raise it whenever the shape of ops or changes changes.
 */
export const PROTOCOL_VERSION = 2;
export const OLDEST_ACCEPTED_PROTOCOL = PROTOCOL_VERSION - 1;

export const SYNC_HEADERS = {
  schema: 'x-loket-schema-version',
  workstation: 'x-loket-workstation',
  timestamp: 'x-loket-timestamp',
  nonce: 'x-loket-nonce',
  signature: 'x-loket-signature',
} as const;

/** A request older or newer than this (by the server's clock) is refused as CLOCK_SKEW. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Nonces are remembered a little longer than any accepted timestamp can be old. */
export const NONCE_TTL_MS = 2 * MAX_CLOCK_SKEW_MS + 60_000;
/**
 * Resumable blob uploads (tus) stream their bodies: the signature covers everything but the body,
 * whose integrity the content address (SHA-256 checked when the upload completes) already guarantees.
 */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const BLOB_UPLOAD_PATH = '/v1/blobs/tus';
export const MAX_PUSH_OPS = 1000;
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;

export interface SigningInput {
  method: string;
  /** Path and query exactly as sent (`/v1/pull?cursor=3`). */
  path: string;
  /** Lower-case hex SHA-256 of the body bytes (of the empty string for a GET), or UNSIGNED_PAYLOAD. */
  bodySha256: string;
  timestamp: number;
  nonce: string;
}

/** What the Ed25519 signature covers: one field a line, so no two requests share a signing string. */
export const signingString = (s: SigningInput): string =>
  ['LOKET-ED25519-V1', s.method.toUpperCase(), s.path, s.bodySha256, String(s.timestamp), s.nonce].join('\n');

/** Stable error codes of the central server, each with its HTTP status. Clients match on the code. */
export const SYNC_ERRORS = {
  SCHEMA_MISSING: 400,
  SCHEMA_UNSUPPORTED: 400,
  UPDATE_REQUIRED: 426,
  UNSIGNED: 401,
  BAD_SIGNATURE: 401,
  UNKNOWN_WORKSTATION: 401,
  CLOCK_SKEW: 401,
  REVOKED: 403,
  REPLAYED: 409,
  MALFORMED_JSON: 400,
  NESTING_TOO_DEEP: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNKNOWN_FIELD: 400,
  INVALID_FIELD: 400,
  WRONG_OFFICE: 403,
  /** The account a desk names as acting may not do this, by its role or state at central. */
  FORBIDDEN: 403,
  CURSOR_EXPIRED: 410,
  CURSOR_AHEAD: 409,
  ENROLMENT_INVALID: 403,
  ENROLMENT_CONFLICT: 409,
  ADMIN_UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BLOB_INVALID: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type SyncErrorCode = keyof typeof SYNC_ERRORS;
export const SYNC_ERROR_CODES = Object.keys(SYNC_ERRORS) as SyncErrorCode[];

export const ErrorResponse = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256.hex');
const Uuid = z.string().uuid();
const Name = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'name.chars');
const OfficeCode = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'office.chars');
const JsonObject = z.record(z.string(), z.unknown());

// ---------------------------------------------------------------- enrolment

/** Sent once, signed with the new key itself (proof that the workstation holds it). */
export const EnrolRequest = z.strictObject({
  code: text().min(8).max(64),
  workstationId: Uuid,
  name: text().trim().min(1).max(64),
  officeCode: OfficeCode,
  /** Ed25519 public key, SPKI DER in base64. */
  publicKey: z
    .string()
    .min(40)
    .max(200)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const OfficeInfo = z.strictObject({ code: z.string(), name: z.string(), city: z.string(), tz: z.string() });

export const EnrolResponse = z.strictObject({
  workstationId: z.string(),
  officeCode: z.string(),
  office: OfficeInfo,
  serverTime: z.number().int(),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

// ---------------------------------------------------------------- push

export const WireOp = z.strictObject({
  opId: Uuid,
  deviceSeq: z.number().int().min(1),
  entity: Name,
  entityId: z.string().min(1).max(128),
  op: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.-]+$/, 'op.chars'),
  /** The server version the workstation last received for this record; null when it never has. */
  baseVersion: z.number().int().min(0).nullable(),
  createdAt: z.number().int().min(0),
  payload: z.strictObject({ audit: JsonObject, data: JsonObject }),
  /** Content addresses this op references; the client uploads them before it pushes the op. */
  blobs: z.array(Sha256Hex).max(32),
});
export type WireOp = z.infer<typeof WireOp>;

/** Why central refuses to store an op: text no field may hold, or nesting past MAX_JSON_DEPTH. */
export const UNSTORABLE_REASONS = { text: 'op.unstorable', depth: 'op.tooDeep' } as const;

/**
 * The op's own check, made per op rather than by the batch's schema: a batch refused as a whole is sent
 * again and again and stops every op behind it, while one rejected op is answered and passed.
 */
export function opProblem(op: WireOp): string | null {
  const problem = textProblem(op.entityId) ?? jsonProblem(op.payload.audit, MAX_JSON_DEPTH) ?? jsonProblem(op.payload.data, MAX_JSON_DEPTH);
  if (problem === null) return null;
  return problem === 'json.tooDeep' ? UNSTORABLE_REASONS.depth : UNSTORABLE_REASONS.text;
}

/** A request body may nest this deep (a pushed op's data sits five levels down); deeper is NESTING_TOO_DEEP. */
export const MAX_BODY_DEPTH = MAX_JSON_DEPTH + 16;

/**
 * The head of the workstation's hash-chained audit trail (its newest event's seq and hash). Central keeps
 * it, so a trail later cut short or re-chained on the desk no longer matches what central was told.
 */
export const AuditAnchor = z.strictObject({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditAnchor = z.infer<typeof AuditAnchor>;

export const PushRequest = z.strictObject({
  officeCode: OfficeCode,
  ops: z.array(WireOp).min(1).max(MAX_PUSH_OPS),
  /** Optional: a client from before anchors pushes without it. */
  audit: AuditAnchor.optional(),
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * `held`: dated in a business day already signed off (or behind such an op on the same record), kept at
 * central for the office's supervisor, who accepts it or returns it with a reason (server/sync/late.ts).
 */
export const OP_STATUSES = ['applied', 'duplicate', 'rejected', 'conflict', 'held'] as const;
export type OpStatus = (typeof OP_STATUSES)[number];
export const FINAL_STATUSES = ['applied', 'rejected', 'conflict', 'held'] as const;

export const RecordState = z.strictObject({ version: z.number().int(), data: JsonObject, deleted: z.boolean() });
export type RecordState = z.infer<typeof RecordState>;

export const ConflictField = z.strictObject({ field: z.string(), mine: z.unknown(), theirs: z.unknown() });
export type ConflictField = z.infer<typeof ConflictField>;

export const ConflictInfo = z.strictObject({
  fields: z.array(ConflictField),
  /** Every field the op wanted to set, so a resolution in favour of the workstation can resend them all. */
  patch: JsonObject,
});
export type ConflictInfo = z.infer<typeof ConflictInfo>;

export const OpResult = z.strictObject({
  opId: z.string(),
  deviceSeq: z.number().int(),
  status: z.enum(OP_STATUSES),
  /** For a duplicate: what the op got the first time. */
  original: z.enum(FINAL_STATUSES).nullable(),
  reason: z.string().nullable(),
  /** The record's server version after the op. */
  version: z.number().int().nullable(),
  /** For rejected and conflicting ops: the record as the server has it, so the workstation can show it. */
  current: RecordState.nullable(),
  conflict: ConflictInfo.nullable(),
});
export type OpResult = z.infer<typeof OpResult>;

export const PushResponse = z.strictObject({
  results: z.array(OpResult),
  /** The device_seq the server expects next from this workstation. */
  nextDeviceSeq: z.number().int(),
  /** Set when the batch skipped a device_seq: nothing from `expected` on was applied; resend from there. */
  gap: z.strictObject({ expected: z.number().int() }).nullable(),
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---------------------------------------------------------------- pull and snapshot

export const Change = z.strictObject({
  seq: z.number().int(),
  entity: z.string(),
  entityId: z.string(),
  version: z.number().int(),
  data: JsonObject,
  deleted: z.boolean(),
});
export type Change = z.infer<typeof Change>;

export const PullQuery = z.strictObject({
  cursor: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  /** Long-poll: hold the request up to this long while there is nothing new. */
  wait: z.coerce.number().int().min(0).max(60_000).default(0),
  /** The workstation's outbox as it pulls: its newest device_seq and its unresolved conflicts (end of day reads them). */
  lastSeq: z.coerce.number().int().min(0).optional(),
  conflicts: z.coerce.number().int().min(0).optional(),
});

export const PullResponse = z.strictObject({
  changes: z.array(Change),
  /** The new cursor: the last seq returned, or the one sent when nothing was new. */
  cursor: z.number().int(),
  more: z.boolean(),
  horizon: z.number().int(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const SnapshotQuery = z.strictObject({
  page: text().max(600).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(5000),
});

export const SnapshotRecord = z.strictObject({
  entity: z.string(),
  entityId: z.string(),
  version: z.number().int(),
  data: JsonObject,
  deleted: z.boolean(),
});
export type SnapshotRecord = z.infer<typeof SnapshotRecord>;

export const SnapshotResponse = z.strictObject({
  /** Pull from here once the last page is in: every change after it is replayed on top. */
  asOf: z.number().int(),
  records: z.array(SnapshotRecord),
  next: z.string().nullable(),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;

// ---------------------------------------------------------------- blobs

export const BlobCheckRequest = z.strictObject({ sha256s: z.array(Sha256Hex).min(1).max(100) });
export const BlobCheckResponse = z.strictObject({ present: z.array(z.string()) });
/** A photo another desk of the office captured, fetched on demand; the desk checks the bytes against the address. */
export const BlobParams = z.strictObject({ sha256: Sha256Hex });
export const BlobContent = z.strictObject({ sha256: z.string(), size: z.number().int().min(0), data: z.base64() });

// ---------------------------------------------------------------- health

export const HealthResponse = z.strictObject({
  ok: z.literal(true),
  version: z.string(),
  schemaVersion: z.number().int(),
  protocol: z.strictObject({ current: z.number().int(), oldestAccepted: z.number().int() }),
  store: z.enum(['postgres', 'pglite']),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---------------------------------------------------------------- audit anchors

export const StoredAuditAnchor = AuditAnchor.extend({ receivedAt: z.number().int() });
export type StoredAuditAnchor = z.infer<typeof StoredAuditAnchor>;

/** What central holds of one workstation's audit heads, oldest first; also the exported anchor file. */
export const AuditAnchors = z.strictObject({ workstationId: z.string(), anchors: z.array(StoredAuditAnchor) });
export type AuditAnchors = z.infer<typeof AuditAnchors>;
