import type { Db } from '@db/connection.js';

/**
 * An application row for captures to attach to, without going through the application flow. Its
 * required columns are filled from the schema itself (types, CHECK lists, foreign keys) rather than
 * pinned here, so the biometrics tests do not break when the applications table grows.
 */
export function insertApplication(db: Db, id: string): void {
  const cols = db.prepare('PRAGMA table_info(applications)').all() as Array<{
    name: string;
    type: string;
    notnull: number;
    dflt_value: unknown;
    pk: number;
  }>;
  const fks = db.prepare('PRAGMA foreign_key_list(applications)').all() as Array<{ table: string; from: string; to: string | null }>;
  const ddl = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'applications'").get() as { sql: string }).sql;
  const values: Record<string, unknown> = {};
  for (const c of cols) {
    if (c.pk || !c.notnull || c.dflt_value !== null) continue;
    const fk = fks.find((f) => f.from === c.name);
    const choice = new RegExp(`CHECK \\(${c.name} IN \\('([^']+)'`).exec(ddl);
    if (c.name === 'id') values.id = id;
    else if (fk)
      values[c.name] = db
        .prepare(`SELECT "${fk.to ?? 'rowid'}" FROM "${fk.table}" LIMIT 1`)
        .pluck()
        .get();
    else if (choice) values[c.name] = choice[1];
    else if (/INT|REAL/i.test(c.type)) values[c.name] = 0;
    else if (/date/i.test(c.name)) values[c.name] = '2026-12-01';
    else values[c.name] = `${c.name}-${id}`;
  }
  const names = Object.keys(values);
  db.prepare(`INSERT INTO applications (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(
    values,
  );
}
