-- Workstation schema, version 8: the office's queue tickets as central publishes them (entity "ticket",
-- common/central/ticket-record.ts), so end of day counts every desk's tickets and the analytics learn
-- from all of them, offline too. A row is central's latest word on a ticket: published at issue
-- (waiting) and again when it reaches a final status; `version` keeps an older publication from
-- overwriting a newer one. Derived from central: never pushed back.
CREATE TABLE office_tickets (
  id               TEXT PRIMARY KEY,
  day              TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  service_code     TEXT NOT NULL,
  number           TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled', 'parked')),
  arrived_at       INTEGER NOT NULL,
  slot_at          INTEGER,
  priority_group   TEXT,
  booking_code     TEXT,
  counter_id       TEXT,
  officer          TEXT,
  called_at        INTEGER,
  call_count       INTEGER NOT NULL DEFAULT 0,
  started_at       INTEGER,
  finished_at      INTEGER,
  outcome          TEXT,
  transferred_from TEXT,
  version          INTEGER NOT NULL
) STRICT;
-- End of day reads one business day grouped by service.
CREATE INDEX office_tickets_day_service ON office_tickets (day, service_code);

-- The officer (username) who called a local-mode ticket at this counter: end of day counts per officer,
-- and reconcile hands it to central with the ticket.
ALTER TABLE queue_local_tickets ADD COLUMN officer TEXT;
