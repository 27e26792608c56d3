import type { Db } from '@db/connection.js';

export interface LoginFailureRow {
  username: string;
  failures: number;
  locked_until: number | null;
  last_failure_at: number;
}

export const getLoginFailures = (db: Db, username: string): LoginFailureRow | undefined =>
  db.prepare('SELECT username, failures, locked_until, last_failure_at FROM login_failures WHERE username = ?').get(username) as
    LoginFailureRow | undefined;

export function putLoginFailures(db: Db, row: LoginFailureRow): void {
  db.prepare(
    `INSERT INTO login_failures (username, failures, locked_until, last_failure_at) VALUES (@username, @failures, @locked_until, @last_failure_at)
     ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
     last_failure_at = excluded.last_failure_at`,
  ).run(row);
}

export const clearLoginFailures = (db: Db, username: string): void => {
  db.prepare('DELETE FROM login_failures WHERE username = ?').run(username);
};
