-- Workstation schema, version 14: a counter keeps serving central's ticket while central is away.
-- queue_held_tickets: central's tickets at this counter (called, serving, parked) as central last
-- answered them, so the counter can finish, park or transfer one locally when central does not answer.
-- queue_pending_actions: what the counter did to such a ticket while central was away, in order; it is
-- replayed at central on reconnect, where the life cycle decides it again (applied or refused, with
-- central's reason), and stays listed on the queue screen until central has answered.
CREATE TABLE queue_held_tickets (
  id         TEXT PRIMARY KEY,
  counter_id TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('called', 'serving', 'parked')),
  -- central's TicketView, with the local actions' changes applied
  view       TEXT NOT NULL,
  parked_at  INTEGER,
  officer    TEXT,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX queue_held_counter ON queue_held_tickets (counter_id, status);

CREATE TABLE queue_pending_actions (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT NOT NULL UNIQUE,
  ticket_id    TEXT NOT NULL,
  number       TEXT NOT NULL,
  counter_id   TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('recall', 'noShow', 'start', 'finish', 'transfer', 'park', 'resume')),
  outcome      TEXT,
  service_code TEXT,
  officer      TEXT,
  at           INTEGER NOT NULL,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'refused')),
  reason       TEXT,
  settled_at   INTEGER
) STRICT;
CREATE INDEX queue_pending_open ON queue_pending_actions (seq) WHERE status = 'pending';
