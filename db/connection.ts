import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens the workstation database with the pragmas of docs/architecture.md ("Local data"). synchronous=FULL everywhere:
 * money, enrolment and biometric writes need it and the rest of a counter's writes are too few to care.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) db.pragma('synchronous = FULL');
  return db;
}
