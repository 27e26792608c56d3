-- Workstation schema, version 6: ticket history for the supervisor's analytics.
-- One row per finished queue ticket, with the local business day and hour of arrival kept beside
-- the UTC times so a year of history groups by index, without time-zone arithmetic.
-- Training mode fills it from the history generator (source 'generated'); the queue's closed tickets
-- feed it with source 'queue', once each (ticket_id). Derived data: never synced (central has the tickets).

CREATE TABLE analytics_history (
  id             INTEGER PRIMARY KEY,
  source         TEXT NOT NULL CHECK (source IN ('generated', 'queue')),
  ticket_id      TEXT UNIQUE,
  service_code   TEXT NOT NULL,
  day            TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  hour           INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  arrived_at     INTEGER NOT NULL,
  called_at      INTEGER,
  started_at     INTEGER,
  finished_at    INTEGER,
  counter        TEXT,
  outcome        TEXT NOT NULL CHECK (outcome IN ('served', 'no_show', 'cancelled')),
  channel        TEXT NOT NULL CHECK (channel IN ('appointment', 'walk_in')),
  priority_group TEXT CHECK (priority_group IN ('lansia', 'disabilitas', 'ibu_hamil', 'balita', 'sakit')),
  -- A transaction runs from the call to served (Qmatic's rule, REFERENCE.md); whole seconds.
  service_seconds INTEGER GENERATED ALWAYS AS (CASE WHEN outcome = 'served' THEN (finished_at - called_at) / 1000 END) STORED,
  CHECK (finished_at IS NULL OR (started_at IS NOT NULL AND finished_at >= started_at))
) STRICT;

-- Arrivals per day and hour (heatmap, forecast) stream from this index in group order: no sort.
CREATE INDEX analytics_history_arrivals ON analytics_history (day, hour);
-- Service times per service and second, likewise in group order; day last so a window filters inside it.
CREATE INDEX analytics_history_service_times ON analytics_history (service_code, service_seconds, day) WHERE outcome = 'served';
