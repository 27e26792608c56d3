-- Workstation schema, version 6: ticket history for the supervisor's analytics (issue #7).
-- One row per finished queue ticket, with the local business day, ISO weekday and hour of arrival
-- kept beside the UTC times so a year of history groups by index, without time-zone arithmetic.
-- Training mode fills it from the history generator (source 'generated'); the queue's closed tickets
-- feed it with source 'queue'. Derived data: it is never synced (central has the tickets themselves).

CREATE TABLE analytics_history (
  id             INTEGER PRIMARY KEY,
  source         TEXT NOT NULL CHECK (source IN ('generated', 'queue')),
  service_code   TEXT NOT NULL,
  day            TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  hour           INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  arrived_at     INTEGER NOT NULL,
  called_at      INTEGER,
  started_at     INTEGER,
  finished_at    INTEGER,
  counter        INTEGER,
  outcome        TEXT NOT NULL CHECK (outcome IN ('served', 'no_show', 'cancelled')),
  channel        TEXT NOT NULL CHECK (channel IN ('appointment', 'walk_in')),
  priority_group TEXT CHECK (priority_group IN ('lansia', 'disabilitas', 'ibu_hamil', 'balita', 'sakit')),
  CHECK (finished_at IS NULL OR (started_at IS NOT NULL AND finished_at >= started_at))
) STRICT;

-- Covers the arrivals queries (heatmap, forecast): a day range read from the index alone.
CREATE INDEX analytics_history_arrivals ON analytics_history (day, weekday, hour);
-- Covers the service-time query: a transaction runs from the call to served (Qmatic, REFERENCE.md).
CREATE INDEX analytics_history_service_times ON analytics_history (day, service_code, called_at, finished_at) WHERE outcome = 'served';
