// Uncollected passports expire by themselves: the background sweep (main/background.ts starts it) moves
// applications ready for longer than 30 days to expired under the system actor, with nobody signed in.
// The core clock and the sweep's timer are both controlled here.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeNik } from '@common/domain/applications/nik.js';
import { listAudit } from '@db/queries/office/audit.js';
import { startExpirySweep } from '@main/core/applications/expiry.js';
import { passwordOf } from '../support/core.js';
import { noCapturesRequired, openDesk, override, walkInDraft, type Desk } from '../support/applications-fixtures.js';

const DAY = 24 * 60 * 60_000;
const SWEEP = 60_000;

let d: Desk;
beforeAll(async () => {
  d = await openDesk();
  await noCapturesRequired(d);
});
afterAll(() => d?.t.cleanup());
afterEach(() => vi.useRealTimers());

async function toReady(serial: number) {
  const app = await d.t.value(
    'applications.create',
    {
      draft: walkInDraft({
        nik: composeNik({ region: '337410', birthDate: '1970-07-07', sex: 'M', serial }),
        fullName: 'Agus Salim',
        birthDate: '1970-07-07',
      }),
    },
    d.officer,
  );
  for (const x of app.documents)
    await d.t.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, d.officer);
  for (const action of ['verify', 'captureBiometrics'] as const)
    await d.t.value('applications.transition', { id: app.id, action }, d.officer);
  await d.t.value('applications.setInterviewNotes', { id: app.id, notes: 'Wawancara selesai.' }, d.officer);
  await d.t.value('applications.transition', { id: app.id, action: 'interview' }, d.officer);
  await d.t.value(
    'payments.waive',
    { applicationId: app.id, reason: 'Dibebaskan oleh peraturan', overrideToken: await override(d, 'fee.waive', d.officer, 'supervisor2') },
    d.officer,
  );
  for (const action of ['pay', 'submit'] as const) await d.t.value('applications.transition', { id: app.id, action }, d.officer);
  await d.t.value('applications.adjudicate', { id: app.id, decision: 'approve', password: passwordOf('supervisor1') }, d.supervisor);
  for (const action of ['print', 'markReady'] as const) await d.t.value('applications.transition', { id: app.id, action }, d.officer);
  return app;
}

describe('automatic expiry of uncollected passports', () => {
  it('expires them 30 days after they were ready, by timer, under the system actor', async () => {
    const app = await toReady(21);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = startExpirySweep(d.t.core, SWEEP);
    try {
      d.t.advance(29 * DAY);
      vi.advanceTimersByTime(SWEEP);
      const signIn = async () =>
        (await d.t.value('auth.login', { username: 'supervisor1', password: passwordOf('supervisor1') })).sessionToken;
      expect((await d.t.value('applications.get', { id: app.id }, await signIn())).status).toBe('ready');

      d.t.advance(1 * DAY);
      vi.advanceTimersByTime(SWEEP);
      const view = await d.t.value('applications.get', { id: app.id }, await signIn());
      expect(view.status).toBe('expired');
      expect(view.transitions.at(-1)).toMatchObject({ action: 'expire', from: 'ready', to: 'expired', username: 'system' });

      const event = listAudit(d.t.core.db, 50).find(
        (e) => e.action === 'applications.transition' && e.entity_id === app.id && e.username === 'system',
      );
      expect(event).toBeDefined();
      const op = d.t.core.db
        .prepare("SELECT payload FROM outbox WHERE entity_id = ? AND op = 'applications.transition' ORDER BY rowid DESC LIMIT 1")
        .get(app.id) as { payload: string };
      expect(JSON.parse(op.payload).data).toMatchObject({
        transition: 'expire',
        from: 'ready',
        to: 'expired',
        notify: 'application.expired',
        automatic: true,
      });
    } finally {
      stop();
    }
  });

  it('leaves nothing to do once stopped, and changes nothing that is not overdue', async () => {
    // A fresh desk: the first test's month locked every session there.
    d.t.cleanup();
    d = await openDesk();
    await noCapturesRequired(d);
    const app = await toReady(22);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = startExpirySweep(d.t.core, SWEEP);
    stop();
    d.t.advance(31 * DAY);
    vi.advanceTimersByTime(10 * SWEEP);
    const supervisor = (await d.t.value('auth.login', { username: 'supervisor1', password: passwordOf('supervisor1') })).sessionToken;
    expect((await d.t.value('applications.get', { id: app.id }, supervisor)).status).toBe('ready');
  });
});
