-- Central schema, version 5: what each workstation last said about its outbox. A workstation
-- reports its newest device_seq and its unresolved conflicts with its pulls; against last_device_seq
-- (everything central has answered) that tells the supervisor's end of day which desks still hold changes.

ALTER TABLE workstations ADD COLUMN reported_seq bigint;
ALTER TABLE workstations ADD COLUMN reported_conflicts integer;
ALTER TABLE workstations ADD COLUMN reported_at bigint;

-- end of day counts a workstation's refused ops of one day
CREATE INDEX applied_ops_rejected ON applied_ops (workstation_id, applied_at) WHERE status = 'rejected';
