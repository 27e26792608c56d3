-- Workstation schema, version 1: settings, reference data, officer accounts, audit trail, outbox.
-- Times are UTC epoch milliseconds; ids are UUIDv7 text.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE offices (
  code    TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  city    TEXT NOT NULL,
  tz      TEXT NOT NULL CHECK (tz IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE services (
  code    TEXT PRIMARY KEY,
  prefix  TEXT NOT NULL,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  active  INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE users (
  id                   TEXT PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  full_name            TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled             INTEGER NOT NULL DEFAULT 0,
  language             TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  version              INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE user_services (
  user_id      TEXT NOT NULL REFERENCES users (id),
  service_code TEXT NOT NULL REFERENCES services (code),
  PRIMARY KEY (user_id, service_code)
) STRICT;

-- Keyed by the name typed, existing or not, so lockout does not reveal which accounts exist.
CREATE TABLE login_failures (
  username        TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL,
  locked_until    INTEGER,
  last_failure_at INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_events (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  at          INTEGER NOT NULL,
  user_id     TEXT,
  username    TEXT,
  role        TEXT,
  workstation TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT,
  entity_id   TEXT,
  summary     TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

CREATE TABLE outbox (
  device_seq   INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id        TEXT NOT NULL UNIQUE,
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  op           TEXT NOT NULL,
  payload      TEXT NOT NULL,
  base_version INTEGER,
  created_at   INTEGER NOT NULL,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'duplicate', 'rejected', 'conflict')),
  result       TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX outbox_pending ON outbox (status, device_seq);
