-- Workstation schema, version 9: a sign-off made on another workstation of the office reaches this one
-- through central (entity business_day) and closes the day here too. Only its signature travels (who,
-- when, the hash of the report as signed there), so `report` may now be NULL: NULL means "signed
-- elsewhere", and the report shown here is this workstation's own, beside the signature.
-- SQLite cannot drop a NOT NULL in place: the table is rebuilt, rows kept.

CREATE TABLE day_closures_v9 (
  business_date  TEXT PRIMARY KEY CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  office_code    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('closed', 'reopened')),
  closed_by      TEXT NOT NULL,
  closed_by_name TEXT NOT NULL,
  closed_at      INTEGER NOT NULL,
  report_hash    TEXT NOT NULL CHECK (length(report_hash) = 64),
  report         TEXT,
  reopened_by    TEXT,
  reopened_at    INTEGER,
  reopen_reason  TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK (status = 'closed' OR (reopened_by IS NOT NULL AND reopen_reason IS NOT NULL))
) STRICT;

INSERT INTO day_closures_v9 SELECT business_date, office_code, status, closed_by, closed_by_name, closed_at, report_hash, report,
  reopened_by, reopened_at, reopen_reason, version FROM day_closures;
DROP TABLE day_closures;
ALTER TABLE day_closures_v9 RENAME TO day_closures;
