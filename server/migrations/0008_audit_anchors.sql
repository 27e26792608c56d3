-- Central schema, version 8: the heads of each workstation's audit chain, as its pushes reported them.
-- The hash at a seq commits to every event before it, so one anchor is enough to catch a chain cut short
-- below it or re-chained under it; the pushes of the last hour collapse into their newest, older ones stay
-- (about one per hour of work), so `npm run audit:verify` can say from when a tail went missing.

CREATE TABLE audit_anchors (
  workstation_id text NOT NULL REFERENCES workstations (id),
  seq            bigint NOT NULL,
  hash           text NOT NULL,
  received_at    bigint NOT NULL,
  PRIMARY KEY (workstation_id, seq)
);
