import type { Db } from '@db/connection.js';

/** A day signed off on another workstation: its signature only (the report stays there). */
export function closeDayElsewhere(
  db: Db,
  c: { business_date: string; office_code: string; closed_by: string; closed_by_name: string; closed_at: number; report_hash: string },
): void {
  db.prepare(
    `INSERT INTO day_closures (business_date, office_code, status, closed_by, closed_by_name, closed_at, report_hash, report)
     VALUES (@business_date, @office_code, 'closed', @closed_by, @closed_by_name, @closed_at, @report_hash, NULL)
     ON CONFLICT (business_date) DO UPDATE SET status = 'closed', closed_by = excluded.closed_by, closed_by_name = excluded.closed_by_name,
       closed_at = excluded.closed_at, report_hash = excluded.report_hash, report = NULL, reopened_by = NULL, reopened_at = NULL,
       reopen_reason = NULL, version = version + 1`,
  ).run(c);
}
