-- Central schema, version 1: offices and their change sequence, enrolment, workstations, the
-- idempotency table, current records, the per-office change feed, blobs and request nonces.
-- Times are UTC epoch milliseconds.

CREATE TABLE offices (
  code       text PRIMARY KEY,
  name       text NOT NULL,
  city       text NOT NULL,
  tz         text NOT NULL CHECK (tz IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  created_at bigint NOT NULL
);

-- One row per office: the change sequence is allocated here inside the writer's transaction; the row
-- lock makes commit order equal sequence order. `horizon`: changes up to it were compacted away.
CREATE TABLE office_seq (
  office_code text PRIMARY KEY REFERENCES offices (code),
  last_seq    bigint NOT NULL DEFAULT 0,
  horizon     bigint NOT NULL DEFAULT 0 CHECK (horizon <= last_seq)
);

CREATE TABLE enrolment_codes (
  code_hash   text PRIMARY KEY,
  office_code text NOT NULL REFERENCES offices (code),
  created_at  bigint NOT NULL,
  expires_at  bigint NOT NULL,
  used_at     bigint,
  used_by     text
);

CREATE TABLE workstations (
  id              text PRIMARY KEY,
  office_code     text NOT NULL REFERENCES offices (code),
  name            text NOT NULL,
  public_key      text NOT NULL,
  enrolled_at     bigint NOT NULL,
  revoked_at      bigint,
  last_seen_at    bigint,
  -- every device_seq up to this one has a final result here
  last_device_seq bigint NOT NULL DEFAULT 0,
  schema_version  integer
);
CREATE INDEX workstations_office ON workstations (office_code);

CREATE TABLE nonces (
  workstation_id text NOT NULL,
  nonce          text NOT NULL,
  expires_at     bigint NOT NULL,
  PRIMARY KEY (workstation_id, nonce)
);
CREATE INDEX nonces_expiry ON nonces (expires_at);

-- The idempotency table, and with the payload the workstations' audit trail as it arrived.
CREATE TABLE applied_ops (
  op_id          text PRIMARY KEY,
  workstation_id text NOT NULL REFERENCES workstations (id),
  device_seq     bigint NOT NULL,
  office_code    text NOT NULL,
  entity         text NOT NULL,
  entity_id      text NOT NULL,
  op             text NOT NULL,
  status         text NOT NULL CHECK (status IN ('applied', 'rejected', 'conflict')),
  reason         text,
  result         jsonb,
  payload        jsonb NOT NULL,
  change_seq     bigint,
  applied_at     bigint NOT NULL,
  UNIQUE (workstation_id, device_seq)
);

-- The current state of every record that flows down to workstations. `meta` remembers, per field, the
-- version and origin of its last change: the field-level merge compares an op's base against it.
CREATE TABLE records (
  office_code text NOT NULL REFERENCES offices (code),
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  version     integer NOT NULL,
  data        jsonb NOT NULL,
  meta        jsonb NOT NULL DEFAULT '{}',
  deleted     boolean NOT NULL DEFAULT false,
  updated_seq bigint NOT NULL,
  updated_at  bigint NOT NULL,
  PRIMARY KEY (office_code, entity, entity_id)
);

-- Unique business keys per office (a username), checked before an op is applied.
CREATE TABLE record_keys (
  office_code text NOT NULL,
  entity      text NOT NULL,
  key         text NOT NULL,
  value       text NOT NULL,
  entity_id   text NOT NULL,
  PRIMARY KEY (office_code, entity, key, value)
);

CREATE TABLE changes (
  office_code text NOT NULL,
  seq         bigint NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  version     integer NOT NULL,
  data        jsonb NOT NULL,
  deleted     boolean NOT NULL,
  op_id       text,
  origin      text NOT NULL,
  at          bigint NOT NULL,
  PRIMARY KEY (office_code, seq)
);

CREATE TABLE blobs (
  office_code    text NOT NULL,
  sha256         text NOT NULL,
  size           bigint NOT NULL,
  workstation_id text,
  created_at     bigint NOT NULL,
  PRIMARY KEY (office_code, sha256)
);
