// Applications reach central through the real sync client, and central validates every transition
// again: an op that moves an application from a status it is not in is rejected with its reason.
// Each applied transition that names a template queues an applicant notification in central's outbox.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOutbox } from '@db/queries/sync/outbox.js';
import { userSession } from '../support/core.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { walkInDraft } from '../support/applications-fixtures.js';

let central: TestCentral;
let ws: TestWorkstation;
let officer: string;
beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  ws = await startWorkstation(central);
  officer = await userSession(ws.t, ws.adminToken, 'petugas1', 'officer');
});
afterAll(async () => {
  await ws?.cleanup();
  await central?.close();
});

const q = <T>(text: string, params: unknown[] = []) => central.central.deps.store.query<T>(text, params);
/** The audit the officer's own ops carry (a real account of the office): forged ops below reuse it. */
const officerAudit = (): Record<string, unknown> =>
  (
    JSON.parse(ws.t.core.db.prepare("SELECT payload FROM outbox WHERE op = 'applications.create' LIMIT 1").pluck().get() as string) as {
      audit: Record<string, unknown>;
    }
  ).audit;

describe('applications on central', () => {
  it("follows the counter's transitions, rejects one out of order and queues notifications", async () => {
    const app = await ws.t.value('applications.create', { draft: walkInDraft() }, officer);
    for (const x of app.documents)
      await ws.t.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, officer);
    await ws.t.value('applications.transition', { id: app.id, action: 'verify' }, officer);
    await ws.client.runCycle();

    const [record] = await q<{ version: number; data: Record<string, unknown> }>(
      "SELECT version, data FROM records WHERE entity = 'application' AND entity_id = $1",
      [app.id],
    );
    expect(record?.data).toMatchObject({
      number: app.number,
      status: 'verified',
      fullName: 'BUDI SANTOSO',
      feeTotal: 950_000,
      'document.KK': 'present',
    });

    // A forged op claiming the application was interviewed: central knows it is verified.
    const forged = uuidv7();
    insertOutbox(ws.t.core.db, {
      op_id: forged,
      entity: 'application',
      entity_id: app.id,
      op: 'applications.transition',
      payload: JSON.stringify({
        audit: officerAudit(),
        data: {
          number: app.number,
          transition: 'pay',
          from: 'interviewed',
          to: 'paid',
          role: 'officer',
          reason: null,
          notify: 'application.paid',
        },
      }),
      base_version: null,
      created_at: ws.t.now(),
    });
    // And one that skips the reason a cancellation needs.
    const noReason = uuidv7();
    insertOutbox(ws.t.core.db, {
      op_id: noReason,
      entity: 'application',
      entity_id: app.id,
      op: 'applications.transition',
      payload: JSON.stringify({
        audit: officerAudit(),
        data: {
          number: app.number,
          transition: 'cancel',
          from: 'verified',
          to: 'cancelled',
          role: 'officer',
          reason: null,
          notify: 'application.cancelled',
        },
      }),
      base_version: null,
      created_at: ws.t.now(),
    });
    await ws.client.runCycle();
    const ops = await q<{ op_id: string; status: string; reason: string | null }>(
      'SELECT op_id, status, reason FROM applied_ops WHERE op_id = ANY($1::text[]) ORDER BY op_id',
      [[forged, noReason]],
    );
    expect(ops.map((o) => [o.op_id === forged ? 'forged' : 'noReason', o.status, o.reason]).sort()).toEqual([
      ['forged', 'rejected', 'transition.outOfOrder:verified'],
      ['noReason', 'rejected', 'transition.reasonRequired'],
    ]);
    const [after] = await q<{ data: Record<string, unknown> }>("SELECT data FROM records WHERE entity = 'application' AND entity_id = $1", [
      app.id,
    ]);
    expect(after?.data.status).toBe('verified');

    const notes = await q<{ template: string; status: string; payload: Record<string, unknown> }>(
      'SELECT template, status, payload FROM application_notifications WHERE application_id = $1 ORDER BY created_at, op_id',
      [app.id],
    );
    expect(notes.map((n) => [n.template, n.status])).toEqual([['application.checkedIn', 'pending']]);
    expect(notes[0]?.payload).toMatchObject({ number: app.number });
  });
});
