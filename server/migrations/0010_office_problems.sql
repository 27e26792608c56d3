-- Central schema, version 11: the supervisor's view of the office's open sync problems reads every desk's
-- refused and conflicting ops, less those its desk settled since (a later sync.resolve, sync.retry or
-- sync.dismiss op naming it). These indexes keep both lookups off a scan of the whole idempotency table.

CREATE INDEX applied_ops_problems ON applied_ops (office_code, applied_at) WHERE status IN ('rejected', 'conflict');
CREATE INDEX applied_ops_settles ON applied_ops (workstation_id, entity_id) WHERE entity = 'op';
CREATE INDEX applied_ops_resolves ON applied_ops (workstation_id, ((payload->'data'->>'resolves'))) WHERE op = 'sync.resolve';
