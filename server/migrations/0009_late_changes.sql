-- Central schema, version 9: late changes. An op dated in a business day already signed off is no longer
-- refused into nothing: it is held here for the office's supervisor, who accepts it (the day is reopened,
-- the op applied, the day signed again) or returns it with a reason the desk reads. Ops that reach a record
-- with a held op wait behind it, in order, so a later change never finds its record missing.
-- applied_ops answers a held op's resend as held until the supervisor decides.

ALTER TABLE applied_ops DROP CONSTRAINT IF EXISTS applied_ops_status_check;
ALTER TABLE applied_ops ADD CONSTRAINT applied_ops_status_check CHECK (status IN ('applied', 'rejected', 'conflict', 'held'));

CREATE TABLE late_changes (
  op_id          text PRIMARY KEY REFERENCES applied_ops (op_id),
  office_code    text NOT NULL,
  workstation_id text NOT NULL REFERENCES workstations (id),
  device_seq     bigint NOT NULL,
  business_date  text NOT NULL,
  entity         text NOT NULL,
  entity_id      text NOT NULL,
  -- the op as the desk sent it, and central's judgement of its actor when it arrived
  op             jsonb NOT NULL,
  role           text,
  actor          text,
  -- held: own day closed; waiting: behind a held op on the same record
  reason         text NOT NULL CHECK (reason IN ('late.held', 'late.waiting')),
  status         text NOT NULL CHECK (status IN ('held', 'accepted', 'returned', 'resent', 'failed')),
  received_at    bigint NOT NULL,
  decided_by     text,
  decided_at     bigint,
  note           text
);
CREATE INDEX late_changes_record ON late_changes (office_code, entity, entity_id) WHERE status = 'held';
CREATE INDEX late_changes_office ON late_changes (office_code, business_date, status);
