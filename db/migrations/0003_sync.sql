-- Sync with central: enrolment and sync state, the pull cursor, the server versions this
-- workstation last received, a generic store for pulled records without a table of their own, blobs
-- waiting for upload, and conflict resolution on the outbox.

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row; pulled changes move it forward in the same transaction that applies them, never back.
CREATE TABLE sync_cursor (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL CHECK (seq >= 0)
) STRICT;
INSERT INTO sync_cursor (id, seq) VALUES (1, 0);
CREATE TRIGGER sync_cursor_forward BEFORE UPDATE ON sync_cursor WHEN NEW.seq < OLD.seq
BEGIN SELECT RAISE(ABORT, 'the sync cursor never goes backwards'); END;

-- The server version each synced record had when this workstation last took it from central: the
-- base a pushed op is merged against.
CREATE TABLE sync_versions (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version   INTEGER NOT NULL,
  PRIMARY KEY (entity, entity_id)
) STRICT;

-- Central's latest state of a record that still had ops pending here when it was pulled: applied once
-- those ops have their answers, so a change pulled past the cursor is never lost.
CREATE TABLE sync_deferred (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version   INTEGER NOT NULL,
  data      TEXT NOT NULL,
  deleted   INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  PRIMARY KEY (entity, entity_id)
) STRICT;

-- Records of entities with no table of their own here yet (kept as central sent them).
CREATE TABLE sync_records (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version   INTEGER NOT NULL,
  data      TEXT NOT NULL,
  deleted   INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  PRIMARY KEY (entity, entity_id)
) STRICT;

-- Blobs queued by the generic blob op, content-addressed; `upload_url` lets an interrupted tus
-- upload resume where it stopped, `confirmed_at` is when central confirmed it holds the blob.
CREATE TABLE sync_blobs (
  sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size         INTEGER NOT NULL,
  data         BLOB NOT NULL,
  mime         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  upload_url   TEXT,
  confirmed_at INTEGER
) STRICT;

ALTER TABLE outbox ADD COLUMN last_attempt_at INTEGER;
-- A conflict stays a conflict (its result is the record of it); the officer's decision is noted here.
ALTER TABLE outbox ADD COLUMN resolved_at INTEGER;
ALTER TABLE outbox ADD COLUMN resolution TEXT CHECK (resolution IN ('mine', 'theirs', 'mixed'));
CREATE INDEX outbox_entity ON outbox (entity, entity_id, status);
