// Once an office's business day is over, central closes what is left in its queue (never called, or left
// at a counter) as cancelled with the outcome day.ended, and publishes it, so every desk sees the day end.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_ENTITY } from '@common/central/ticket-record.js';
import { closePastDays, DAY_ENDED } from '@server/queue/day-end.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { enrolIdentity } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';
import { queueRoutes } from '@common/central/routes.js';
import type { Identity } from '@main/sync/transport.js';

const MONDAY = Date.parse('2026-12-07T14:00:00+07:00');
const TUESDAY = Date.parse('2026-12-08T08:00:00+07:00');

describe.each(storeKinds())('the queue at the end of a business day on %s', (kind) => {
  let central: TestCentral;
  let ws: Identity;
  let clock = Date.now();
  const rid = () => randomUUID().replace(/-/g, '');
  // Signed with central's clock, the test's.
  const client = () => centralClient(central, ws, () => ({ timestamp: clock }));
  const issue = async () => (await client().ok(queueRoutes.issue, { body: { requestId: rid(), serviceCode: 'PENGAMBILAN' } })).ticket;
  const record = async (id: string) =>
    (
      await central.central.deps.store.query<{ version: number; data: Record<string, unknown> }>(
        'SELECT version, data FROM records WHERE entity = $1 AND entity_id = $2',
        [TICKET_ENTITY, id],
      )
    )[0];

  beforeAll(async () => {
    central = await startTestCentral(kind, { now: () => clock });
    ws = await enrolIdentity(central, 'banyumanik', 'DAY-01');
    clock = MONDAY;
  });
  afterAll(() => central?.close());

  it("closes and publishes yesterday's open tickets, and only those, once", async () => {
    const left = await issue();
    const atCounter = await issue();
    const called = (await client().ok(queueRoutes.callNext, { body: { counterId: '1', requestId: rid(), officer: 'petugas1' } })).ticket;
    expect(called?.id).toBe(left.id);
    // Monday evening nothing is closed yet: the day is not over in Jakarta.
    const woken: string[] = [];
    expect(await closePastDays(central.central.deps.store, MONDAY + 3 * 3_600_000, (office) => woken.push(office))).toBe(0);

    clock = TUESDAY;
    const today = await issue();
    expect(await closePastDays(central.central.deps.store, TUESDAY, (office) => woken.push(office))).toBe(2);
    expect(woken).toEqual(['banyumanik']);
    for (const id of [left.id, atCounter.id]) {
      expect(await record(id)).toMatchObject({
        version: 2,
        data: { status: 'cancelled', outcome: DAY_ENDED, finishedAt: TUESDAY, day: '2026-12-07' },
      });
    }
    expect((await record(left.id))?.data.officer).toBe('petugas1');
    expect(await record(today.id)).toMatchObject({ version: 1, data: { status: 'waiting' } });
    // The counter is free again for today's queue, and a second sweep finds nothing.
    const next = (await client().ok(queueRoutes.callNext, { body: { counterId: '1', requestId: rid() } })).ticket;
    expect(next?.id).toBe(today.id);
    expect(await closePastDays(central.central.deps.store, TUESDAY + 60_000, () => undefined)).toBe(0);
  });
});
