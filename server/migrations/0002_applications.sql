-- Central schema, version 2: applications. Application records live in `records` like every
-- synced entity (server/entities/application.ts validates their transitions). What is new here is the
-- applicant notifications outbox: each applied transition that names a template (and each check-in)
-- queues one notification, in the same transaction as the op, for the notification sender to deliver.

CREATE TABLE application_notifications (
  op_id          text PRIMARY KEY REFERENCES applied_ops (op_id),
  office_code    text NOT NULL,
  application_id text NOT NULL,
  template       text NOT NULL CHECK (template LIKE 'application.%'),
  payload        jsonb NOT NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts       integer NOT NULL DEFAULT 0,
  created_at     bigint NOT NULL,
  sent_at        bigint
);
CREATE INDEX application_notifications_pending ON application_notifications (created_at) WHERE status = 'pending';

CREATE FUNCTION queue_application_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO application_notifications (op_id, office_code, application_id, template, payload, created_at)
  VALUES (NEW.op_id, NEW.office_code, NEW.entity_id, NEW.payload -> 'data' ->> 'notify',
          jsonb_build_object('number', NEW.payload -> 'data' -> 'number', 'from', NEW.payload -> 'data' -> 'from',
                             'to', NEW.payload -> 'data' -> 'to', 'reason', NEW.payload -> 'data' -> 'reason'),
          NEW.applied_at);
  RETURN NULL;
END;
$$;

CREATE TRIGGER applied_ops_application_notification AFTER INSERT ON applied_ops
FOR EACH ROW WHEN (NEW.entity = 'application' AND NEW.status = 'applied' AND (NEW.payload -> 'data' ->> 'notify') IS NOT NULL)
EXECUTE FUNCTION queue_application_notification();
