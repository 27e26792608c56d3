// Workstations say how far their outbox goes with each pull; central keeps the last word of each and
// answers the office's end of day with it: which desks still hold ops central has not answered.
import type { OfficeOutboxView } from '@common/central/office-outbox.js';
import { addDays, startOfBusinessDay } from '@common/domain/shared/working-days.js';
import type { Store } from '../store/store.js';

export interface OutboxReport {
  lastSeq: number;
  conflicts: number;
}

/** How often an unchanged report is written again (its time says "still so"). */
const UNCHANGED_WRITE_MS = 60_000;

/** Pulls come every few seconds per desk: only a changed report, or a minute-old one, is written. */
export function outboxReporter(store: Store): (workstationId: string, report: OutboxReport, now: number) => Promise<void> {
  const last = new Map<string, OutboxReport & { at: number }>();
  return async (id, report, now) => {
    const prev = last.get(id);
    if (prev && prev.lastSeq === report.lastSeq && prev.conflicts === report.conflicts && now - prev.at < UNCHANGED_WRITE_MS) return;
    last.set(id, { ...report, at: now });
    await store
      .query('UPDATE workstations SET reported_seq = $2, reported_conflicts = $3, reported_at = $4 WHERE id = $1', [
        id,
        report.lastSeq,
        report.conflicts,
        now,
      ])
      // A lost report is replaced by the next pull's; it must never fail the pull itself.
      .catch(() => void last.delete(id));
  };
}

/**
 * A desk's last report covers a day once it was made after the day ended, or within this window (an idle
 * desk writes an unchanged report once a minute, between long polls of up to a minute).
 */
export const REPORT_FRESH_MS = 3 * 60_000;

interface Row {
  id: string;
  name: string;
  last_seen_at: number | null;
  reported_at: number | null;
  reported_seq: number | null;
  last_device_seq: number;
  reported_conflicts: number | null;
  rejected: number;
  worked: boolean;
}

export async function officeOutbox(
  store: Store,
  officeCode: string,
  selfId: string,
  date: string,
  now: number = Date.now(),
): Promise<OfficeOutboxView> {
  const [office] = await store.query<{ tz: string }>('SELECT tz FROM offices WHERE code = $1', [officeCode]);
  const tz = office?.tz ?? 'Asia/Jakarta';
  const rows = await store.query<Row>(
    `SELECT w.id, w.name, w.last_seen_at, w.reported_at, w.reported_seq, w.last_device_seq, w.reported_conflicts,
            (SELECT count(*)::int FROM applied_ops a WHERE a.workstation_id = w.id AND a.status = 'rejected' AND a.applied_at >= $2 AND a.applied_at < $3) AS rejected,
            (EXISTS (SELECT 1 FROM applied_ops a WHERE a.workstation_id = w.id AND a.applied_at >= $2 AND a.applied_at < $3)
              OR coalesce(w.reported_at >= $2 AND w.reported_at < $3, false)) AS worked
     FROM workstations w WHERE w.office_code = $1 AND w.revoked_at IS NULL ORDER BY w.name, w.id`,
    [officeCode, startOfBusinessDay(date, tz), startOfBusinessDay(addDays(date, 1), tz)],
  );
  const end = startOfBusinessDay(addDays(date, 1), tz);
  const covers = (at: number | null): boolean => at !== null && (at >= end || now - at <= REPORT_FRESH_MS);
  return {
    date,
    workstations: rows.map((r) => ({
      id: r.id,
      name: r.name,
      self: r.id === selfId,
      lastSeenAt: r.last_seen_at === null ? null : Number(r.last_seen_at),
      reportedAt: r.reported_at === null ? null : Number(r.reported_at),
      pending: Math.max(0, Number(r.reported_seq ?? 0) - Number(r.last_device_seq)),
      conflicts: r.reported_conflicts ?? 0,
      rejected: r.rejected,
      unreported: r.worked === true && !covers(r.reported_at === null ? null : Number(r.reported_at)),
    })),
  };
}
