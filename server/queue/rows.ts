// Ticket rows as central stores them and the office's queue configuration (seeded from the
// reference services the first time an office's queue is used).
import { SERVICE_SEED } from '@common/domain/shared/offices.js';
import { DEFAULT_QUEUE_RULES } from '@common/domain/queue/rules.js';
import type { ViewableTicketRow } from '@common/domain/queue/ticket-row.js';
import type { QueueConfig, QueueCounter, QueueRules, QueueService } from '@common/contract/queue/central.js';
import type { Sql } from '../store/store.js';

/** Central's ticket row: the columns both stores share (common/domain/queue/ticket-row.ts) and central's own. */
export interface TicketRow extends ViewableTicketRow {
  office_code: string;
  transferred_from: string | null;
}

export const TICKET_COLUMNS =
  'id, office_code, day, service_code, number, status, arrived_at, slot_at, priority_group, booking_code, applicant_name, counter_id, called_at, call_count, started_at, finished_at, parked_at, outcome, origin, officer, transferred_from';

export const DEFAULT_RULES: QueueRules = DEFAULT_QUEUE_RULES;

/** Four counters serving every service: what a new office starts with until the admin configures it. */
const DEFAULT_COUNTERS = [1, 2, 3, 4].map((n) => ({ id: String(n), name: `Loket ${n}`, number: n }));

/** Idempotent; safe to call before every queue operation of an office. */
export async function ensureQueueConfig(sql: Sql, officeCode: string): Promise<void> {
  const seeded = await sql.query('SELECT 1 FROM queue_rules WHERE office_code = $1', [officeCode]);
  if (seeded.length > 0) return;
  const office = await sql.query('SELECT 1 FROM offices WHERE code = $1', [officeCode]);
  if (office.length === 0) return;
  for (const s of SERVICE_SEED) {
    await sql.query(
      'INSERT INTO queue_services (office_code, code, prefix, name_id, name_en) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [officeCode, s.code, s.prefix, s.nameId, s.nameEn],
    );
  }
  const all = JSON.stringify(SERVICE_SEED.map((s) => s.code));
  for (const c of DEFAULT_COUNTERS) {
    await sql.query(
      'INSERT INTO queue_counters (office_code, id, name, number, services) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING',
      [officeCode, c.id, c.name, c.number, all],
    );
  }
  await sql.query('INSERT INTO queue_rules (office_code, rules) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING', [
    officeCode,
    JSON.stringify(DEFAULT_RULES),
  ]);
}

interface ServiceRow {
  code: string;
  prefix: string;
  name_id: string;
  name_en: string;
  daily_quota: number | null;
  active: boolean;
}
interface CounterRow {
  id: string;
  name: string;
  number: number;
  services: string[];
  open: boolean;
}

/**
 * Config changes rarely and call-next reads it on every press: it is cached per store and office for a
 * short while, and dropped at once when this server saves a service or counter.
 */
const CONFIG_TTL_MS = 2_000;
const configCache = new WeakMap<object, Map<string, { at: number; config: QueueConfig }>>();

export function forgetConfig(cacheKey: object, officeCode: string): void {
  configCache.get(cacheKey)?.delete(officeCode);
}

export async function cachedConfig(cacheKey: object, sql: Sql, officeCode: string): Promise<QueueConfig> {
  let cache = configCache.get(cacheKey);
  if (!cache) configCache.set(cacheKey, (cache = new Map()));
  const hit = cache.get(officeCode);
  const now = Date.now();
  if (hit && now - hit.at < CONFIG_TTL_MS) return hit.config;
  const config = await loadConfig(sql, officeCode);
  cache.set(officeCode, { at: now, config });
  return config;
}

export async function loadConfig(sql: Sql, officeCode: string): Promise<QueueConfig> {
  await ensureQueueConfig(sql, officeCode);
  const services = await sql.query<ServiceRow>(
    'SELECT code, prefix, name_id, name_en, daily_quota, active FROM queue_services WHERE office_code = $1 ORDER BY prefix, code',
    [officeCode],
  );
  const counters = await sql.query<CounterRow>(
    'SELECT id, name, number, services, open FROM queue_counters WHERE office_code = $1 ORDER BY number, id',
    [officeCode],
  );
  const rules = await sql.query<{ rules: QueueRules }>('SELECT rules FROM queue_rules WHERE office_code = $1', [officeCode]);
  return {
    services: services.map((s): QueueService => ({
      code: s.code,
      prefix: s.prefix,
      nameId: s.name_id,
      nameEn: s.name_en,
      dailyQuota: s.daily_quota,
      active: s.active,
    })),
    counters: counters.map((c): QueueCounter => ({ id: c.id, name: c.name, number: c.number, services: c.services, open: c.open })),
    rules: { ...DEFAULT_RULES, ...(rules[0]?.rules ?? {}) },
  };
}

export async function saveService(sql: Sql, officeCode: string, s: QueueService): Promise<void> {
  await ensureQueueConfig(sql, officeCode);
  await sql.query(
    `INSERT INTO queue_services (office_code, code, prefix, name_id, name_en, daily_quota, active) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (office_code, code) DO UPDATE SET prefix = EXCLUDED.prefix, name_id = EXCLUDED.name_id, name_en = EXCLUDED.name_en,
       daily_quota = EXCLUDED.daily_quota, active = EXCLUDED.active`,
    [officeCode, s.code, s.prefix, s.nameId, s.nameEn, s.dailyQuota, s.active],
  );
}

export async function saveCounter(sql: Sql, officeCode: string, c: QueueCounter): Promise<void> {
  await ensureQueueConfig(sql, officeCode);
  await sql.query(
    `INSERT INTO queue_counters (office_code, id, name, number, services, open) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     ON CONFLICT (office_code, id) DO UPDATE SET name = EXCLUDED.name, number = EXCLUDED.number, services = EXCLUDED.services, open = EXCLUDED.open`,
    [officeCode, c.id, c.name, c.number, JSON.stringify(c.services), c.open],
  );
}
