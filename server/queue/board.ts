// The display board's view of an office: the ticket being called, recent calls, waiting counts and
// estimated waits per service. Boards long-poll with the version they have; every queue write bumps it.
import { businessDate } from '@common/domain/shared/working-days.js';
import type { BoardCall, BoardView } from '@common/contract/queue/central.js';
import type { Store } from '../store/store.js';
import { OfficeWaiters } from '../sync/notifier.js';
import { estimateFor, serviceStats } from './estimate.js';
import { officeInfo } from './issue.js';
import { loadConfig } from './rows.js';
import { OFF_BOARD_STATUSES } from '@common/domain/queue/board.js';

const RECENT_CALLS = 6;

export async function boardView(store: Store, officeCode: string, now: number): Promise<BoardView> {
  return store.tx(async (sql) => {
    const office = await officeInfo(sql, officeCode);
    const config = await loadConfig(sql, officeCode);
    const day = businessDate(now, office.tz);
    const calls = await sql.query<{ id: string; number: string; counter_id: string; called_at: number; call_count: number }>(
      `SELECT id, number, counter_id, called_at, call_count FROM tickets
       WHERE office_code = $1 AND day = $2 AND called_at IS NOT NULL AND counter_id IS NOT NULL
         AND status <> ALL($3::text[]) ORDER BY called_at DESC, id DESC LIMIT ${RECENT_CALLS + 1}`,
      [officeCode, day, [...OFF_BOARD_STATUSES]],
    );
    const numberOf = new Map(config.counters.map((c) => [c.id, c.number]));
    const view = calls.map((c): BoardCall => ({
      ticketId: c.id,
      number: c.number,
      counterId: c.counter_id,
      counterNumber: numberOf.get(c.counter_id) ?? 0,
      calledAt: c.called_at,
      callCount: c.call_count,
    }));
    const services = [];
    for (const s of config.services.filter((x) => x.active)) {
      const stats = await serviceStats(sql, officeCode, day, s.code, now);
      services.push({
        serviceCode: s.code,
        prefix: s.prefix,
        nameId: s.nameId,
        nameEn: s.nameEn,
        waiting: stats.waiting,
        estimatedWaitMs: await estimateFor(sql, config, officeCode, day, s.code, stats.waiting, now),
      });
    }
    return { officeCode, officeName: office.name, timeZone: office.tz, now, current: view[0] ?? null, recent: view.slice(1), services };
  });
}

/** Per office, a version that moves on every queue write; waiters wake when it does. */
export class QueueHub {
  private readonly versions = new Map<string, number>();
  private readonly waiters = new OfficeWaiters();

  version(officeCode: string): number {
    return this.versions.get(officeCode) ?? 0;
  }

  bump(officeCode: string): void {
    this.versions.set(officeCode, this.version(officeCode) + 1);
    this.waiters.wakeAll(officeCode);
  }

  /** Resolves at once when the office has moved past `after`, else on the next bump or the timeout. */
  wait(officeCode: string, after: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.version(officeCode) !== after || timeoutMs <= 0) return Promise.resolve();
    return this.waiters.wait(officeCode, timeoutMs, signal);
  }

  close(): void {
    for (const office of this.waiters.offices()) this.bump(office);
  }
}
