// Desks of one office on one test central: a counter and a supervisor's desk (each its own SQLite file,
// signed sync client and counter number), and the steps that take an application to the supervisor.
import { billingRoutes } from '@common/central/routes.js';
import type { CallOutput } from '@common/contract/index.js';
import { userSession } from './core.js';
import { walkInDraft, type Draft } from './applications-fixtures.js';
import type { TestCentral } from './model/central.js';
import { startWorkstation, type TestWorkstation } from './model/workstation.js';
import type { StartSyncOptions } from '@main/sync/index.js';

export type App = CallOutput<'applications.get'>;

export interface OfficeDesk extends TestWorkstation {
  /** Officer and supervisor sessions made on this desk (their accounts reach the other desks by pull). */
  officer: string;
  supervisor: string;
}

/** A desk of the office with its own counter number, an officer and a supervisor of its own. */
export async function openOfficeDesk(
  central: TestCentral,
  p: { name: string; counter: number; officer: string; supervisor: string; office?: string; sync?: StartSyncOptions },
): Promise<OfficeDesk> {
  const ws = await startWorkstation(central, { name: p.name, office: p.office, ...p.sync });
  ws.t.core.liveDb.prepare("UPDATE settings SET value = ? WHERE key = 'counter_number'").run(String(p.counter));
  const officer = await userSession(ws.t, ws.adminToken, p.officer, 'officer');
  const supervisor = await userSession(ws.t, ws.adminToken, p.supervisor, 'supervisor');
  // Biometrics have their own tests: the office flow runs without required captures.
  await ws.t.value('biometrics.updateSettings', { required: [] }, ws.adminToken);
  await ws.client.runCycle();
  return { ...ws, officer, supervisor };
}

let billing = 0;
/** A fresh billing code per call, unique in the run. */
export const nextBillingCode = (): string => `8201${String(Date.now() % 1e6).padStart(6, '0')}${String(++billing).padStart(5, '0')}`;

/** Check-in to `paid` on one desk, with central standing in for SIMPONI's callback. */
export async function paidOn(
  desk: OfficeDesk,
  central: TestCentral,
  draft: Draft = walkInDraft(),
  notesBy: string = desk.officer,
): Promise<App> {
  const t = desk.t;
  const app = await t.value('applications.create', { draft }, desk.officer);
  for (const x of app.documents)
    await t.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, desk.officer);
  for (const action of ['verify', 'captureBiometrics'] as const)
    await t.value('applications.transition', { id: app.id, action }, desk.officer);
  await t.value('applications.setInterviewNotes', { id: app.id, notes: 'Wawancara selesai.' }, notesBy);
  await t.value('applications.transition', { id: app.id, action: 'interview' }, desk.officer);
  const code = nextBillingCode();
  await t.value('payments.recordBilling', { applicationId: app.id, billingCode: code, amount: app.fee.total }, desk.officer);
  await desk.client.runCycle();
  await central.admin(billingRoutes.paid, { params: { code }, body: {} });
  await desk.client.pullAll();
  return t.value('applications.transition', { id: app.id, action: 'pay' }, desk.officer);
}

/** Check-in to `submitted`; the submission is left in the outbox, so the caller decides when central hears of it. */
export async function submitOn(...args: Parameters<typeof paidOn>): Promise<App> {
  const [desk] = args;
  const app = await paidOn(...args);
  return desk.t.value('applications.transition', { id: app.id, action: 'submit' }, desk.officer);
}
