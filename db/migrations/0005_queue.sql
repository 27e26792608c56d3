-- Workstation schema, version 5: the digital queue's local mode. The office queue lives at
-- central; while central cannot be reached this counter issues and calls its own tickets here (numbers
-- carry its own prefix, L3A-001) and sends them to central on reconnect. `synced_version` < `version`
-- means central has not seen the latest state yet.
CREATE TABLE queue_local_tickets (
  id             TEXT PRIMARY KEY,
  day            TEXT NOT NULL,
  service_code   TEXT NOT NULL,
  number         TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled', 'parked')),
  arrived_at     INTEGER NOT NULL,
  slot_at        INTEGER,
  priority_group TEXT,
  booking_code   TEXT,
  counter_id     TEXT,
  called_at      INTEGER,
  call_count     INTEGER NOT NULL DEFAULT 0,
  started_at     INTEGER,
  finished_at    INTEGER,
  parked_at      INTEGER,
  outcome        TEXT,
  request_id     TEXT UNIQUE,
  version        INTEGER NOT NULL DEFAULT 1,
  synced_version INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX queue_local_waiting ON queue_local_tickets (day, service_code) WHERE status = 'waiting';
CREATE INDEX queue_local_unsynced ON queue_local_tickets (id) WHERE synced_version < version;

CREATE TABLE queue_local_numbers (
  service_code TEXT NOT NULL,
  day          TEXT NOT NULL,
  last_number  INTEGER NOT NULL,
  PRIMARY KEY (service_code, day)
) STRICT;
