-- Workstation schema, version 16: the reception role (the desk at the door, which only checks applicants
-- in). SQLite cannot change a CHECK in place: users is rebuilt with the new list of roles, rows kept.
-- user_services points at users, so its rows wait aside while the old table goes and come back after.

CREATE TABLE user_services_v16 (user_id TEXT NOT NULL, service_code TEXT NOT NULL) STRICT;
INSERT INTO user_services_v16 SELECT user_id, service_code FROM user_services;
DELETE FROM user_services;

CREATE TABLE users_v16 (
  id                   TEXT PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  full_name            TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin', 'reception')),
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled             INTEGER NOT NULL DEFAULT 0,
  language             TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  version              INTEGER NOT NULL DEFAULT 1
) STRICT;

INSERT INTO users_v16 SELECT id, username, full_name, role, password_hash, must_change_password, disabled, language, created_at,
  updated_at, version FROM users;
DROP TABLE users;
ALTER TABLE users_v16 RENAME TO users;

INSERT INTO user_services SELECT user_id, service_code FROM user_services_v16;
DROP TABLE user_services_v16;
