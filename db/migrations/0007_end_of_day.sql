-- Workstation schema, version 7: end of day. A supervisor's sign-off closes a business day
-- (office time zone); core then refuses changes dated in it until an admin reopens it with a reason.
-- Discrepancy notes are keyed by a stable discrepancy key (kind:applicationId) so a note survives a
-- recomputation of the report.

CREATE TABLE day_closures (
  business_date  TEXT PRIMARY KEY CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  office_code    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('closed', 'reopened')),
  closed_by      TEXT NOT NULL,
  closed_by_name TEXT NOT NULL,
  closed_at      INTEGER NOT NULL,
  -- SHA-256 of the canonical JSON of the report as signed, and that JSON, so the PDF can be reprinted
  report_hash    TEXT NOT NULL CHECK (length(report_hash) = 64),
  report         TEXT NOT NULL,
  reopened_by    TEXT,
  reopened_at    INTEGER,
  reopen_reason  TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK (status = 'closed' OR (reopened_by IS NOT NULL AND reopen_reason IS NOT NULL))
) STRICT;

CREATE TABLE day_discrepancy_notes (
  business_date   TEXT NOT NULL,
  discrepancy_key TEXT NOT NULL,
  note            TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  username        TEXT NOT NULL,
  at              INTEGER NOT NULL,
  PRIMARY KEY (business_date, discrepancy_key)
) STRICT, WITHOUT ROWID;

-- The report reads one day's applications: business_date leads.
CREATE INDEX applications_business_date ON applications (business_date, service_code);
CREATE INDEX receipt_prints_at ON receipt_prints (at);
