-- What an officer has typed into a form and not yet saved, so a lock, an idle lock, a crash or a restart
-- returns them to the same form with the same content. Only its author reads it back; it is never synced
-- or audited (it records nothing the office did), and the file's encryption covers it like every other
-- personal field. A draft older than a day is gone: it belongs to a counter visit, not to the archive.
CREATE TABLE drafts (
  user_id    TEXT NOT NULL,
  form       TEXT NOT NULL,
  data       TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, form)
) STRICT, WITHOUT ROWID;
