-- Workstation schema: late changes and every sign-off of a day.
-- late_changes mirrors central's queue of ops that reached it after their day was signed off (entity
-- late_change): the supervisor's end of day lists the held ones to accept or return, and the desk that sent
-- one reads its fate. day_signoffs keeps each sign-off made on this desk with the report it signed, so a
-- day signed again after an accepted late change still shows the first report beside the new one.

CREATE TABLE late_changes (
  op_id          TEXT PRIMARY KEY,
  workstation_id TEXT NOT NULL,
  workstation    TEXT NOT NULL,
  device_seq     INTEGER NOT NULL,
  business_date  TEXT NOT NULL,
  entity         TEXT NOT NULL,
  entity_id      TEXT NOT NULL,
  op             TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  actor          TEXT,
  reason         TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('held', 'accepted', 'returned', 'resent', 'failed')),
  received_at    INTEGER NOT NULL,
  decided_by     TEXT,
  decided_at     INTEGER,
  note           TEXT,
  summary        TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX late_changes_day ON late_changes (business_date, status);

CREATE TABLE day_signoffs (
  business_date  TEXT NOT NULL,
  n              INTEGER NOT NULL CHECK (n >= 1),
  signed_by      TEXT NOT NULL,
  signed_by_name TEXT NOT NULL,
  signed_at      INTEGER NOT NULL,
  report_hash    TEXT NOT NULL CHECK (length(report_hash) = 64),
  report         TEXT NOT NULL,
  PRIMARY KEY (business_date, n)
) STRICT, WITHOUT ROWID;
INSERT INTO day_signoffs (business_date, n, signed_by, signed_by_name, signed_at, report_hash, report)
  SELECT business_date, 1, closed_by, closed_by_name, closed_at, report_hash, report FROM day_closures WHERE report IS NOT NULL;
