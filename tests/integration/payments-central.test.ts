// Payment status from central: the counter's billing reaches central as a payment record, SIMPONI's
// callback (the admin route standing in for it) marks it paid, and the ordinary pull brings the paid status
// down to the workstation, where the application can then move on. An expired billing cannot be paid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordOf, userSession } from '../support/core.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { walkInDraft } from '../support/applications-fixtures.js';
import { billingRoutes } from '@common/central/routes.js';

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

const HOURS = 60 * 60_000;

async function readyToPay(billingCode: string) {
  const app = await ws.t.value('applications.create', { draft: walkInDraft() }, officer);
  for (const x of app.documents)
    await ws.t.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, officer);
  return ws.t.value('payments.recordBilling', { applicationId: app.id, billingCode, amount: app.fee.total }, officer);
}

const adminError = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return String((e as Error).message);
  }
  return 'no error';
};

describe('payment status from central', () => {
  it("flows SIMPONI's paid status down to the counter by the normal pull", async () => {
    const billed = await readyToPay('820100000000001');
    expect(billed.payments[0]).toMatchObject({ status: 'unpaid' });
    await ws.client.runCycle();

    expect(await central.admin(billingRoutes.status, { params: { code: '820100000000001' } })).toMatchObject({
      status: 'unpaid',
      applicationId: billed.id,
      amount: billed.fee.total,
    });
    expect(await adminError(central.admin(billingRoutes.status, { params: { code: '820199999999999' } }))).toMatch(/NOT_FOUND|404/);

    const paid = await central.admin(billingRoutes.paid, { params: { code: '820100000000001' }, body: {} });
    expect(paid.status).toBe('paid');
    // SIMPONI may call twice: the second changes nothing.
    expect(await central.admin(billingRoutes.paid, { params: { code: '820100000000001' }, body: {} })).toMatchObject({
      status: 'paid',
      version: paid.version,
    });

    const before = await ws.t.value('applications.get', { id: billed.id }, officer);
    expect(before.payments[0]?.status).toBe('unpaid');
    await ws.client.runCycle();
    const after = await ws.t.value('applications.get', { id: billed.id }, officer);
    expect(after.payments[0]).toMatchObject({ status: 'paid' });
    expect(ws.t.core.db.prepare('SELECT status_source, reconciliation FROM payments WHERE id = ?').get(after.payments[0]!.id)).toEqual({
      status_source: 'central',
      reconciliation: 'none',
    });
  });

  it('answers expired two hours after the billing was issued, and refuses to mark it paid', async () => {
    // The billing was issued three hours ago by the workstation's clock.
    ws.t.advance(-3 * HOURS);
    const billed = await readyToPay('820100000000002');
    ws.t.advance(3 * HOURS);
    // Three idle hours locked the screen: the officer signs in again.
    officer = (await ws.t.value('auth.login', { username: 'petugas1', password: passwordOf('petugas1') })).sessionToken;
    await ws.client.runCycle();

    expect(await central.admin(billingRoutes.status, { params: { code: '820100000000002' } })).toMatchObject({ status: 'expired' });
    expect(await adminError(central.admin(billingRoutes.paid, { params: { code: '820100000000002' }, body: {} }))).toMatch(/expired/);
    expect(await central.admin(billingRoutes.status, { params: { code: '820100000000002' } })).toMatchObject({ status: 'expired' });
    await ws.client.runCycle();
    expect((await ws.t.value('applications.get', { id: billed.id }, officer)).payments[0]?.status).toBe('expired');
  });

  it("reconciles a manual confirmation made while central was out of reach once SIMPONI's word arrives", async () => {
    const billed = await readyToPay('820100000000003');
    // The billing has not reached central yet (offline): the supervisor confirms it from the payer's proof.
    await userSession(ws.t, ws.adminToken, 'supervisor1', 'supervisor');
    const grant = await ws.t.value(
      'auth.override',
      { username: 'supervisor1', password: passwordOf('supervisor1'), action: 'payment.manual', reason: 'Bukti transfer diperiksa' },
      officer,
    );
    const confirmed = await ws.t.value(
      'payments.confirmManual',
      { paymentId: billed.payments[0]!.id, proofReference: 'NTPN 0123456789ABCDEF', overrideToken: grant.overrideToken },
      officer,
    );
    expect(confirmed.payments[0]).toMatchObject({ status: 'paid' });
    const row = () =>
      ws.t.core.db.prepare('SELECT status, status_source, reconciliation FROM payments WHERE id = ?').get(billed.payments[0]!.id);
    expect(row()).toEqual({ status: 'paid', status_source: 'manual', reconciliation: 'pending' });

    await ws.client.runCycle();
    expect(await central.admin(billingRoutes.status, { params: { code: '820100000000003' } })).toMatchObject({ status: 'paid' });
    // SIMPONI's own record of the payment: central keeps the paid status and the workstation marks it matched.
    await central.admin(billingRoutes.paid, { params: { code: '820100000000003' }, body: {} });
    await ws.client.runCycle();
    expect(row()).toEqual({ status: 'paid', status_source: 'manual', reconciliation: 'matched' });
    const events = ws.t.core.db
      .prepare('SELECT status, source FROM payment_events WHERE payment_id = ? ORDER BY at, rowid')
      .all(billed.payments[0]!.id);
    expect(events).toEqual([
      { status: 'unpaid', source: 'counter' },
      { status: 'paid', source: 'manual' },
      { status: 'paid', source: 'central' },
    ]);
  });

  it('refuses a malformed billing code at the route', async () => {
    expect(await adminError(central.admin(billingRoutes.paid, { params: { code: '8201-0000' }, body: {} }))).toMatch(/INVALID_FIELD|400/);
  });
});
