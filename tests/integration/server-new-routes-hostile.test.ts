// What a hostile or broken workstation may send to the routes this office-wide work added (replaying queue
// actions, an office's first admin, its problems, a photo by hash): each is refused with a 4xx and its
// own code, never a 5xx, and another office's data stays out of reach.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRoutes, queueRoutes } from '@common/central/routes.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { enrolIdentity } from '../support/model/signed.js';
import { centralClient, type CentralClient } from '../support/central-client.js';

let central: TestCentral;
let desk: CentralClient;
let foreign: CentralClient;

beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  desk = centralClient(central, await enrolIdentity(central));
  foreign = centralClient(central, await enrolIdentity(central, 'batam'));
});
afterAll(() => central?.close());

const action = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  ticketId: randomUUID(),
  counterId: 'banyumanik-3',
  kind: 'finish' as const,
  outcome: 'served',
  serviceCode: null,
  officer: 'petugas1',
  at: Date.now(),
  ...over,
});
const admin = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  username: 'admin',
  fullName: 'Rina Admin',
  passwordHash: 'scrypt$1$abc',
  language: 'id' as const,
  ...over,
});

describe('hostile input to the office-wide routes', () => {
  const cases: Array<[string, () => Promise<{ status: number; body: { error?: { code: string } } }>]> = [
    ['a NUL in a replayed action', () => desk.sendLoose(queueRoutes.replay, { body: { actions: [action({ officer: 'Budi\u0000' })] } })],
    [
      'a bidi override in a replayed action',
      () => desk.sendLoose(queueRoutes.replay, { body: { actions: [action({ outcome: 'ok\u202e' })] } }),
    ],
    ['an unknown field in a replayed action', () => desk.sendLoose(queueRoutes.replay, { body: { actions: [action({ role: 'admin' })] } })],
    ['an empty replay', () => desk.sendLoose(queueRoutes.replay, { body: { actions: [] } })],
    ['a first admin with a control character', () => desk.sendLoose(syncRoutes.firstAdmin, { body: admin({ fullName: 'Rina\u0007' }) })],
    ['a first admin claiming a role', () => desk.sendLoose(syncRoutes.firstAdmin, { body: admin({ role: 'supervisor' }) })],
    ['a photo address that is no hash', () => desk.sendLoose(syncRoutes.blob, { params: { sha256: '../../etc/passwd' } })],
    ['a photo no record of the office names', () => desk.send(syncRoutes.blob, { params: { sha256: 'a'.repeat(64) } })],
  ];
  for (const [what, send] of cases) {
    it(`refuses ${what} with a 4xx and a code`, async () => {
      const r = await send();
      expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.error?.code).toMatch(/^[A-Z_]+$/);
    });
  }

  it("refuses a replay for a ticket that is not at the desk's counter or not in its office, ticket by ticket", async () => {
    const r = await desk.ok(queueRoutes.replay, { body: { actions: [action(), action({ counterId: 'batam-1' })] } });
    expect(r.results.map((x) => x.outcome)).toEqual(['refused', 'refused']);
    expect(r.results.every((x) => typeof x.reason === 'string' && x.reason.length > 0)).toBe(true);
  });

  it("lets no desk make a second first admin, nor see another office's problems", async () => {
    await desk.ok(syncRoutes.firstAdmin, { body: admin() });
    const again = await desk.send(syncRoutes.firstAdmin, { body: admin({ id: randomUUID(), username: 'penyusup' }) });
    expect(again.status).toBe(409);
    const theirs = await foreign.ok(syncRoutes.officeProblems, { query: {} });
    const ours = await desk.ok(syncRoutes.officeProblems, { query: {} });
    expect(JSON.stringify(theirs)).not.toContain('banyumanik');
    expect(ours).toBeDefined();
  });
});
