// The supervisor's analytics on a real SQLite file: generated training history in, heatmap, service
// times, forecast with backtest and staffing out; bad input refused with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PASSWORD } from '@main/core/office/training-seed.js';
import { insertLocalTicket, updateLocalTicket } from '@db/queries/queue/queue.js';
import { setUp, tempCore, userSession, type TempCore } from '../support/core.js';

const DAY = 86_400_000;
let t: TempCore;
let supervisor: string;
let officer: string;

beforeAll(async () => {
  // Thursday 17 December 2026, 08:00 WIB: Christmas (24-25 Dec) and New Year fall in the next 10 working days.
  t = tempCore(Date.UTC(2026, 11, 17, 1, 0, 0));
  await t.value('setup.enterTraining', {});
  supervisor = (await t.value('auth.login', { username: 'supervisor', password: TRAINING_PASSWORD })).sessionToken;
  officer = (await t.value('auth.login', { username: 'petugas1', password: TRAINING_PASSWORD })).sessionToken;
});
afterAll(() => t.cleanup());

const count = () => t.core.db.prepare('SELECT count(*) FROM analytics_history').pluck().get() as number;

describe('analytics over training history', { timeout: 60_000 }, () => {
  it('shows an empty office before any history exists', async () => {
    expect(await t.value('analytics.span', {}, supervisor)).toEqual({ first: null, last: null, tickets: 0, training: true });
    expect(await t.value('analytics.heatmap', { weeks: 4 }, supervisor)).toMatchObject({ total: 0, hours: [], peak: null });
    const staffing = await t.call('analytics.staffing', {}, supervisor);
    expect(staffing.ok ? null : staffing.error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'analytics.noHistory' } });
  });

  it('generates 26 weeks of history up to yesterday, audited, and replaces it when run again', async () => {
    const r = await t.value('analytics.generateHistory', { weeks: 26, dailyVolume: 300, seed: 5 }, supervisor);
    expect(r).toMatchObject({ from: '2026-06-18', to: '2026-12-16' });
    expect(r.workingDays).toBeGreaterThan(110);
    expect(r.tickets).toBe(count());
    expect(r.tickets).toBeGreaterThan(r.workingDays * 250);
    const again = await t.value('analytics.generateHistory', { weeks: 26, dailyVolume: 300, seed: 5 }, supervisor);
    expect(again.tickets).toBe(r.tickets);
    expect(count()).toBe(r.tickets);
    const audit = await t.value('audit.list', { limit: 5 }, supervisor);
    expect(audit[0]).toMatchObject({ action: 'analytics.generateHistory', username: 'supervisor', summary: { weeks: 26, seed: 5 } });
    expect(await t.value('analytics.span', {}, supervisor)).toMatchObject({ first: '2026-06-18', last: '2026-12-16', tickets: r.tickets });
  });

  it('draws the heatmap: weekdays only, Monday 08:00 the peak', async () => {
    const map = await t.value('analytics.heatmap', { weeks: 8 }, supervisor);
    expect(map).toMatchObject({ from: '2026-10-22', to: '2026-12-16', weekdays: [1, 2, 3, 4, 5], hours: [8, 9, 10, 11, 12, 13, 14] });
    expect(map.peak).toMatchObject({ weekday: 1, hour: 8 });
    expect(map.openDays).toEqual([8, 8, 8, 8, 8]);
    const monday = map.mean[0]!.reduce((a, b) => a + b, 0);
    const friday = map.mean[4]!.reduce((a, b) => a + b, 0);
    expect(monday).toBeGreaterThan(friday * 1.3);
  });

  it('summarises service times per service with percentiles in order', async () => {
    const st = await t.value('analytics.serviceTimes', { weeks: 8 }, supervisor);
    expect(st.services.map((s) => s.serviceCode)).toContain('PASPOR_ELEKTRONIK_10');
    const itas = st.services.find((s) => s.serviceCode === 'ITAS_1T')!;
    const itk = st.services.find((s) => s.serviceCode === 'ITK_30')!;
    expect(itas.nameEn).toBe('Limited stay permit (ITAS), 1 year');
    expect(itas.p50).toBeGreaterThan(itk.p50);
    for (const s of st.services) {
      expect(s.p50 <= s.p80 && s.p80 <= s.p90 && s.p90 <= s.p95).toBe(true);
      expect(s.histogram.reduce((a, b) => a + b.count, 0)).toBe(s.count);
    }
  });

  it('forecasts 10 working days, closed over Christmas and New Year, with a surge after and a backtest error', async () => {
    const f = await t.value('analytics.forecast', {}, supervisor);
    expect(f.origin).toBe('2026-12-17');
    const open = f.days.filter((d) => !d.closed);
    expect(open.map((d) => d.date)).toEqual([
      '2026-12-17',
      '2026-12-18',
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
    ]);
    expect(f.days.find((d) => d.date === '2026-12-25')).toMatchObject({ closed: true, total: 0, holidayName: 'Hari Raya Natal' });
    const after = f.days.find((d) => d.date === '2026-12-28')!;
    const monday = f.days.find((d) => d.date === '2026-12-21')!;
    expect(after.uplift).toBeGreaterThan(1.2);
    expect(after.total).toBeGreaterThan(monday.total * 1.2);
    expect(f.backtest.folds).toBe(6);
    expect(f.backtest.mape).toBeGreaterThan(0);
    expect(f.backtest.mape).toBeLessThan(25);
    expect(f.backtest.mae).toBeLessThan(f.backtest.naiveMae);
  });

  it('plans counters and appointment quotas per hour for a forecast day', async () => {
    const s = await t.value('analytics.staffing', { date: '2026-12-28', countersAvailable: 12 }, supervisor);
    expect(s.target).toEqual({ serviceLevel: 0.8, withinSeconds: 1800, shrinkage: 0.3, countersAvailable: 12 });
    expect(s.ahtSeconds).toBeGreaterThan(300);
    expect(s.walkInShare).toBeGreaterThan(0.2);
    expect(s.hours.map((h) => h.hour)).toEqual([8, 9, 10, 11, 12, 13, 14]);
    const [eight, , , , noon] = s.hours;
    expect(eight!.counters).toBeGreaterThan(noon!.counters);
    expect(eight!.rostered).toBe(Math.ceil(eight!.counters / 0.7));
    expect(noon!.quota).toBeGreaterThan(eight!.quota);
    for (const h of s.hours.filter((x) => x.feasible)) expect(h.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('refuses bad input with a specific error and changes nothing', async () => {
    const before = count();
    const saturday = await t.call('analytics.staffing', { date: '2026-12-19' }, supervisor);
    expect(saturday.ok ? null : saturday.error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { date: ['analytics.dateNotForecast'] } },
    });
    const tooMany = await t.call('analytics.generateHistory', { weeks: 500 }, supervisor);
    expect(tooMany.ok ? null : tooMany.error.code).toBe('VALIDATION');
    const byOfficer = await t.call('analytics.heatmap', { weeks: 8 }, officer);
    expect(byOfficer.ok ? null : byOfficer.error.code).toBe('FORBIDDEN');
    expect(count()).toBe(before);
  });
});

describe("the queue's closed tickets", () => {
  it("join the history once each, measured call to finish, in the office's hours", async () => {
    const db = t.core.db;
    // Wednesday 16 December 2026 in WIB (UTC+7): 08:10, 09:20 and 09:40 local.
    const at = (h: number, m: number) => Date.UTC(2026, 11, 16, h - 7, m);
    const ticket = (id: string, arrived: number, extra: { slot_at?: number; priority_group?: 'lansia' } = {}) =>
      insertLocalTicket(db, {
        id,
        day: '2026-12-16',
        service_code: 'PASPOR_BIASA_5',
        number: id,
        status: 'waiting',
        arrived_at: arrived,
        slot_at: extra.slot_at ?? null,
        priority_group: extra.priority_group ?? null,
        booking_code: null,
        request_id: null,
      });
    ticket('L3A-001', at(8, 10), { slot_at: at(8, 0) });
    updateLocalTicket(db, 'L3A-001', {
      status: 'done',
      counter_id: 'C3',
      called_at: at(8, 30),
      started_at: at(8, 31),
      finished_at: at(8, 37),
      outcome: 'served',
    });
    ticket('L3A-002', at(9, 20), { priority_group: 'lansia' });
    updateLocalTicket(db, 'L3A-002', { status: 'no_show', counter_id: 'C3', called_at: at(9, 25), finished_at: at(9, 27) });
    ticket('L3A-003', at(9, 40));
    const before = await t.value('analytics.span', {}, supervisor);
    expect(await t.value('analytics.importTickets', {}, supervisor)).toEqual({ imported: 2 });
    expect(await t.value('analytics.importTickets', {}, supervisor)).toEqual({ imported: 0 });
    const rows = db
      .prepare(
        "SELECT ticket_id, day, hour, outcome, channel, priority_group, service_seconds FROM analytics_history WHERE source = 'queue' ORDER BY ticket_id",
      )
      .all();
    expect(rows).toEqual([
      {
        ticket_id: 'L3A-001',
        day: '2026-12-16',
        hour: 8,
        outcome: 'served',
        channel: 'appointment',
        priority_group: null,
        service_seconds: 420,
      },
      {
        ticket_id: 'L3A-002',
        day: '2026-12-16',
        hour: 9,
        outcome: 'no_show',
        channel: 'walk_in',
        priority_group: 'lansia',
        service_seconds: null,
      },
    ]);
    expect((await t.value('analytics.span', {}, supervisor)).tickets).toBe(before.tickets + 2);
    const audit = await t.value('audit.list', { limit: 3 }, supervisor);
    expect(audit.filter((e) => e.action === 'analytics.importTickets')).toHaveLength(1);
    // Generating practice history again replaces only the generated rows.
    await t.value('analytics.generateHistory', { weeks: 2, dailyVolume: 50, seed: 1 }, supervisor);
    expect(db.prepare("SELECT count(*) FROM analytics_history WHERE source = 'queue'").pluck().get()).toBe(2);
  });
});

describe('outside training mode', () => {
  it('never generates history into a live workstation', async () => {
    const live = tempCore(Date.UTC(2026, 11, 17, 1, 0, 0) + DAY);
    try {
      const admin = await setUp(live);
      const sup = await userSession(live, admin, 'supervisor1', 'supervisor');
      const r = await live.call('analytics.generateHistory', {}, sup);
      expect(r.ok ? null : r.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'analytics.trainingOnly' } });
      expect(live.core.db.prepare('SELECT count(*) FROM analytics_history').pluck().get()).toBe(0);
      expect(await live.value('analytics.span', {}, sup)).toMatchObject({ tickets: 0, training: false });
    } finally {
      live.cleanup();
    }
  });
});
