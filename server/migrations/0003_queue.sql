-- Central schema, version 3: the office queue. Services and counters per office, the
-- per-day ticket numbers, tickets, their events (Qmatic measurement), bookings from M-Paspor and the
-- notifications outbox. Times are UTC epoch milliseconds; `day` is the office's business day.

CREATE TABLE queue_services (
  office_code text NOT NULL REFERENCES offices (code),
  code        text NOT NULL,
  prefix      text NOT NULL,
  name_id     text NOT NULL,
  name_en     text NOT NULL,
  daily_quota integer CHECK (daily_quota IS NULL OR daily_quota > 0),
  active      boolean NOT NULL DEFAULT true,
  PRIMARY KEY (office_code, code)
);

CREATE TABLE queue_counters (
  office_code     text NOT NULL REFERENCES offices (code),
  id              text NOT NULL,
  name            text NOT NULL,
  number          integer NOT NULL,
  services        jsonb NOT NULL,
  open            boolean NOT NULL DEFAULT true,
  -- the last call-next request: a double press with the same id gets the same ticket back
  last_request_id text,
  PRIMARY KEY (office_code, id)
);

CREATE TABLE queue_rules (
  office_code text PRIMARY KEY REFERENCES offices (code),
  rules       jsonb NOT NULL
);

CREATE TABLE queue_numbers (
  office_code  text NOT NULL,
  service_code text NOT NULL,
  day          text NOT NULL,
  last_number  integer NOT NULL,
  PRIMARY KEY (office_code, service_code, day)
);

CREATE TABLE tickets (
  id             text PRIMARY KEY,
  office_code    text NOT NULL REFERENCES offices (code),
  day            text NOT NULL,
  service_code   text NOT NULL,
  number         text NOT NULL,
  status         text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled', 'parked')),
  arrived_at     bigint NOT NULL,
  slot_at        bigint,
  priority_group text,
  booking_code   text,
  applicant_name text,
  counter_id     text,
  called_at      bigint,
  call_count     integer NOT NULL DEFAULT 0,
  started_at     bigint,
  finished_at    bigint,
  -- set while the ticket is parked at its counter (the applicant stepped aside); resume clears it
  parked_at      bigint,
  outcome        text,
  origin         text NOT NULL,
  request_id     text,
  quota_override boolean NOT NULL DEFAULT false,
  created_at     bigint NOT NULL,
  transferred_from text,
  UNIQUE (office_code, request_id)
);
-- call-next scans only the waiting tickets of one office and day
CREATE INDEX tickets_waiting ON tickets (office_code, day, service_code) WHERE status = 'waiting';
CREATE INDEX tickets_counter ON tickets (office_code, counter_id) WHERE status IN ('called', 'serving', 'parked');

CREATE TABLE ticket_events (
  id         bigserial PRIMARY KEY,
  ticket_id  text NOT NULL REFERENCES tickets (id),
  office_code text NOT NULL,
  kind       text NOT NULL,
  counter_id text,
  at         bigint NOT NULL,
  data       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id);

CREATE TABLE bookings (
  office_code  text NOT NULL REFERENCES offices (code),
  code         text NOT NULL,
  service_code text NOT NULL,
  nik          text NOT NULL,
  full_name    text NOT NULL,
  slot_at      bigint NOT NULL,
  day          text NOT NULL,
  -- the application the appointment is for (catalogue service), as M-Paspor booked it
  application_service text NOT NULL,
  ticket_id    text REFERENCES tickets (id),
  imported_at  bigint NOT NULL,
  PRIMARY KEY (code)
);
CREATE INDEX bookings_office_day ON bookings (office_code, day);
CREATE INDEX bookings_nik ON bookings (nik);

-- Ticket called and status changes for SMS/WhatsApp; a gateway (default: the log) drains it.
CREATE TABLE notifications_outbox (
  id          bigserial PRIMARY KEY,
  office_code text NOT NULL,
  ticket_id   text NOT NULL,
  kind        text NOT NULL,
  payload     jsonb NOT NULL,
  created_at  bigint NOT NULL,
  sent_at     bigint
);
CREATE INDEX notifications_unsent ON notifications_outbox (id) WHERE sent_at IS NULL;

-- call-next reads the queue tier by tier in these orders (server/queue/calls.ts nextTicketSql)
CREATE INDEX tickets_next_by_arrival ON tickets (office_code, day, arrived_at, id COLLATE "C") WHERE status = 'waiting';
CREATE INDEX tickets_next_by_slot ON tickets (office_code, day, slot_at, id COLLATE "C") WHERE status = 'waiting' AND slot_at IS NOT NULL;
CREATE INDEX tickets_next_priority ON tickets (office_code, day, arrived_at, id COLLATE "C") WHERE status = 'waiting' AND priority_group IS NOT NULL;
