// Two desks set up with one counter number make the same application number. Central keeps the first
// and refuses the other's create where that desk can see it; the desk holding the refused one goes on
// pulling the office's work (the kept one waits aside, nothing stops).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { userSession } from '../support/core.js';
import { walkInDraft } from '../support/applications-fixtures.js';

let central: TestCentral;
let a: TestWorkstation;
let b: TestWorkstation;
let officerA: string;
let officerB: string;

beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  a = await startWorkstation(central, { name: 'LOKET-A' });
  b = await startWorkstation(central, { name: 'LOKET-B' });
  officerA = await userSession(a.t, a.adminToken, 'petugasa', 'officer');
  officerB = await userSession(b.t, b.adminToken, 'petugasb', 'officer');
  await a.client.runCycle();
  await b.client.runCycle();
});
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
  await central?.close();
});

describe('one application number made on two desks', () => {
  it('keeps the first at central, shows the refusal on the other desk, and never stops its pull', async () => {
    const first = await a.t.value('applications.create', { draft: walkInDraft({ fullName: 'Dewi Lestari' }) }, officerA);
    const second = await b.t.value('applications.create', { draft: walkInDraft({ fullName: 'Agus Wijaya' }) }, officerB);
    expect(second.number).toBe(first.number);
    await a.client.runCycle();
    await b.client.runCycle();

    const refused = (await b.t.value('sync.list', { filter: 'rejected' }, b.adminToken)).items;
    expect(refused.map((i) => [i.entityId, i.reason])).toEqual([[second.id, 'number.taken']]);

    // Work made afterwards on desk A still reaches desk B.
    const later = await a.t.value('applications.create', { draft: walkInDraft({ fullName: 'Siti Aminah' }) }, officerA);
    await a.client.runCycle();
    await b.client.runCycle();
    const found = await b.t.value('applications.search', { query: later.number }, officerB);
    expect(found.results.map((r) => r.id)).toEqual([later.id]);
    expect((await b.t.value('sync.status', {}, b.adminToken)).state).not.toBe('error');
  });
});
