// Central authorises every op against its own accounts, never the role the op claims. Driven over the
// whole op table (common/central/op-authority.ts), so a new kind of op is covered as soon as it is listed:
// for each, an op by an account whose role its rule does not admit, by a stranger, by a disabled account
// and by an account of another office is refused at central with actor.* and changes nothing; the same
// op by an account the rule admits gets past the authorisation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_ACTIONS, OP_RULES, accessOf, opRule, type OpAction } from '@common/central/op-authority.js';
import type { OpResult, WireOp } from '@common/central/protocol.js';
import { adminRoutes, syncRoutes } from '@common/central/routes.js';
import { ROLES, type Role } from '@common/domain/shared/roles.js';
import type { Identity } from '@main/sync/transport.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { auditBy, centralActor, enrolIdentity, wireOp, type Actor } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';

const DAY = '2026-11-20';

/** The entity each kind of op is about, as the workstation writes it. */
function entityOf(action: string): { entity: string; entityId: (actor: Actor) => string } {
  const fresh = () => randomUUID();
  if (/^(users|auth|prefs|override)\./.test(action)) return { entity: 'user', entityId: (a) => a.userId };
  if (action.startsWith('applications.')) return { entity: 'application', entityId: fresh };
  if (action.startsWith('payments.')) return { entity: 'payment', entityId: fresh };
  if (action.startsWith('endOfDay.')) return { entity: 'business_day', entityId: () => DAY };
  if (action.startsWith('queue.')) return { entity: 'ticket', entityId: fresh };
  if (action.startsWith('receipts.')) return { entity: 'receipt', entityId: fresh };
  if (action.startsWith('biometrics.')) return { entity: 'biometric_record', entityId: fresh };
  if (action === 'sync.resolve') return { entity: 'user', entityId: fresh };
  return { entity: 'audit', entityId: fresh };
}

/** Data that would change central if the op were let through, where the kind changes anything. */
const DATA: Partial<Record<OpAction, Record<string, unknown>>> = {
  'users.create': { username: 'penyusup', fullName: 'Penyusup', role: 'admin', services: [], passwordHash: 'scrypt$1$1$1$abc$def' },
  'users.update': { role: 'admin' },
  'sync.resolve': { fields: { role: 'admin' } },
  'endOfDay.reopen': { reason: 'Dibuka tanpa hak' },
  'endOfDay.signOff': { reportHash: 'a'.repeat(64) },
};

const callRules = OP_ACTIONS.filter((a) => OP_RULES[a].by === 'call');

describe.each(storeKinds())('central authorises every op on %s', (kind) => {
  let central: TestCentral;
  let ws: Identity;
  let seq = 0;
  const people = new Map<Role, Actor>();
  let disabled: Actor;
  let foreign: Actor;
  // An account of the office each op is about (a user op changes another account than its actor's own).
  let target: Actor;

  const push = async (ops: WireOp[]): Promise<OpResult[]> =>
    (await centralClient(central, ws).ok(syncRoutes.push, { body: { officeCode: 'banyumanik', ops } })).results;
  const state = async () =>
    JSON.stringify(
      await central.central.deps.store.query(
        `SELECT entity, entity_id, version, deleted FROM records WHERE office_code = 'banyumanik'
         UNION ALL SELECT 'seq', '', last_seq, false FROM office_seq WHERE office_code = 'banyumanik' ORDER BY 1, 2`,
      ),
    );
  const opBy = (action: OpAction, audit: object, entityId: string) =>
    wireOp(++seq, {
      entity: entityOf(action).entity,
      entityId,
      op: action,
      createdAt: Date.UTC(2026, 10, 20, 3, 0),
      payload: { audit: { action, ...audit }, data: DATA[action] ?? {} },
    });

  beforeAll(async () => {
    central = await startTestCentral(kind);
    ws = await enrolIdentity(central, 'banyumanik', 'LOKET-01');
    for (const role of ROLES) people.set(role, await centralActor(central, 'banyumanik', role));
    disabled = await centralActor(central, 'banyumanik', 'admin');
    await central.admin(adminRoutes.updateUser, { params: { id: disabled.userId }, body: { officeCode: 'banyumanik', disabled: true } });
    foreign = await centralActor(central, 'batam', 'admin');
    target = await centralActor(central, 'banyumanik', 'officer');
  });
  afterAll(() => central?.close());

  it('has a rule for every op action, and each call rule names a contract call', () => {
    expect(callRules.length).toBeGreaterThan(40);
    for (const action of OP_ACTIONS) expect(opRule(action, entityOf(action).entity), action).toBeDefined();
    expect(opRule('payment.record', 'payment')).toBeUndefined();
  });

  it.each(callRules)('%s: refused for roles its rule does not admit, strangers, disabled and foreign accounts', async (action) => {
    const rule = opRule(action, entityOf(action).entity)!;
    const access = accessOf(rule);
    const entityIdFor = (actor: Actor): string => (rule.by === 'call' && rule.self ? actor.userId : entityOf(action).entityId(target));
    const refusals: Array<[string, object, Actor | undefined]> = [];
    // An account whose role at central is not admitted, claiming one that is.
    const allowed = Array.isArray(access) ? access : ROLES;
    for (const role of ROLES.filter((r) => !allowed.includes(r)))
      refusals.push(['actor.forbidden', auditBy(people.get(role)!, { role: allowed[0] }), people.get(role)]);
    const stranger = { userId: randomUUID(), username: 'bukan-siapa-siapa', role: 'admin' };
    refusals.push(['actor.unknown', stranger, undefined]);
    refusals.push(['actor.unknown', { username: people.get('admin')!.username, role: 'admin' }, undefined]);
    refusals.push(['actor.forbidden', auditBy(disabled), disabled]);
    refusals.push(['actor.unknown', auditBy(foreign), foreign]);
    if (rule.by === 'call' && rule.self) {
      // Someone else's account: only its owner may change it, whatever their role.
      refusals.push(['actor.forbidden', auditBy(people.get('admin')!), undefined]);
    }

    for (const [reason, audit, actor] of refusals) {
      const before = await state();
      const entityId = actor ? entityIdFor(actor) : rule.by === 'call' && rule.self ? target.userId : entityOf(action).entityId(target);
      const [result] = await push([opBy(action, audit, entityId)]);
      expect([result?.status, result?.reason], `${action} by ${JSON.stringify(audit)}`).toEqual(['rejected', reason]);
      expect(await state(), `${action} changed central`).toBe(before);
    }

    for (const role of allowed) {
      const actor = people.get(role)!;
      const [result] = await push([opBy(action, auditBy(actor), entityIdFor(actor))]);
      expect(result?.reason ?? '', `${action} by ${role}`).not.toMatch(/^actor\./);
    }
  });

  it('keeps failed attempts and the desk housekeeping without an actor', async () => {
    const kept = OP_ACTIONS.filter((a) => OP_RULES[a].by === 'attempt' || OP_RULES[a].by === 'workstation');
    expect(kept).toContain('auth.login.failed');
    const results = await push(kept.map((a) => opBy(a, { username: 'siapa saja' }, entityOf(a).entityId(target))));
    expect(results.map((r) => [r.status, r.reason ?? ''].join(' ')).filter((r) => r.includes('actor.'))).toEqual([]);
  });

  it('refuses the two escalations found: an officer creating an admin, a stranger reopening a signed-off day', async () => {
    const officer = people.get('officer')!;
    const supervisor = people.get('supervisor')!;
    const id = randomUUID();
    const create = opBy('users.create', auditBy(officer, { role: 'admin' }), id);
    const day = '2026-11-21';
    const signOff = wireOp(++seq, {
      entity: 'business_day',
      entityId: day,
      op: 'endOfDay.signOff',
      payload: { audit: auditBy(supervisor), data: { reportHash: 'b'.repeat(64) } },
    });
    const reopen = wireOp(++seq, {
      entity: 'business_day',
      entityId: day,
      op: 'endOfDay.reopen',
      payload: { audit: { userId: randomUUID(), username: 'hantu', role: 'admin' }, data: { reason: 'Tidak ada yang tahu' } },
    });
    const results = await push([create, signOff, reopen]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'actor.forbidden'],
      ['applied', null],
      ['rejected', 'actor.unknown'],
    ]);
    const rows = await central.central.deps.store.query<{ entity: string; data: Record<string, unknown> }>(
      "SELECT entity, data FROM records WHERE office_code = 'banyumanik' AND ((entity = 'user' AND entity_id = $1) OR (entity = 'business_day' AND entity_id = $2))",
      [id, day],
    );
    expect(rows).toEqual([{ entity: 'business_day', data: expect.objectContaining({ status: 'closed', closedBy: supervisor.username }) }]);
  });

  it('lets a temporary password log in and change itself, and authorise nothing else: no act, no override', async () => {
    const created = await central.admin(adminRoutes.createUser, {
      body: {
        officeCode: 'banyumanik',
        username: `baru-${seq}`,
        fullName: 'Supervisor Baru',
        role: 'supervisor',
        password: 'Sementara-2026-x',
      },
    });
    const fresh: Actor = { userId: created.id, username: created.username, role: 'supervisor' };
    const officer = people.get('officer')!;
    const supervisor = people.get('supervisor')!;
    const waiver = (by: Actor) =>
      wireOp(++seq, {
        entity: 'payment',
        entityId: randomUUID(),
        op: 'payments.waive',
        payload: { audit: { ...auditBy(officer), summary: { overrideBy: by.userId, overrideReason: 'Pekerja migran' } }, data: {} },
      });
    const granted = (by: Actor) =>
      wireOp(++seq, { entity: 'user', entityId: by.userId, op: 'override.granted', payload: { audit: auditBy(officer), data: {} } });
    const before = await push([
      opBy('auth.login', auditBy(fresh), fresh.userId),
      opBy('applications.transition', auditBy(fresh), randomUUID()),
      granted(fresh),
      waiver(fresh),
      // Not a supervisor, or the officer's own name: no override either.
      waiver(people.get('admin')!),
      waiver(officer),
    ]);
    expect(before.map((r) => [r.status, r.reason])).toEqual([
      ['applied', null],
      ['rejected', 'actor.temporaryPassword'],
      ['rejected', 'override.temporaryPassword'],
      ['rejected', 'override.temporaryPassword'],
      ['rejected', 'override.forbidden'],
      ['rejected', 'override.forbidden'],
    ]);
    const changed = wireOp(++seq, {
      entity: 'user',
      entityId: fresh.userId,
      op: 'auth.changePassword',
      baseVersion: 1,
      payload: { audit: auditBy(fresh), data: { passwordHash: 'scrypt$1$1$1$abc$fff' } },
    });
    const after = await push([changed, granted(fresh), waiver(fresh), waiver(supervisor)]);
    expect(after.map((r) => r.reason ?? '').filter((r) => /^(actor|override)\./.test(r))).toEqual([]);
    expect(after[0]?.status).toBe('applied');
  });

  it("admits setup's admin only as the first account of an office that has none", async () => {
    const fresh = await enrolIdentity(central, 'batam', 'LOKET-02');
    const setupOp = (n: number, username: string) => {
      const id = randomUUID();
      return wireOp(n, {
        entity: 'user',
        entityId: id,
        op: 'setup.initialize',
        payload: {
          audit: { userId: id, username, role: 'admin' },
          data: { username, fullName: 'Admin Setup', role: 'admin', services: [], passwordHash: 'scrypt$1$1$1$abc$def', language: 'id' },
        },
      });
    };
    // Batam already has an account (the foreign admin above): a setup admin is a stranger there.
    const pushAs = async (id: Identity, office: string, ops: WireOp[]) =>
      (await centralClient(central, id).ok(syncRoutes.push, { body: { officeCode: office, ops } })).results;
    expect((await pushAs(fresh, 'batam', [setupOp(1, 'admin-baru')]))[0]).toMatchObject({ status: 'rejected', reason: 'actor.unknown' });

    // A new office without accounts takes exactly one, and that admin may act at once, in the same batch.
    await central.admin(adminRoutes.saveOffice, {
      body: { code: 'sorong', name: 'Kantor Imigrasi Sorong', city: 'Sorong', tz: 'Asia/Jayapura' },
    });
    const first = await enrolIdentity(central, 'sorong', 'LOKET-01');
    const setup = setupOp(1, 'admin');
    const admin = { userId: setup.entityId, username: 'admin', role: 'admin' as const };
    const officer = wireOp(2, {
      entity: 'user',
      entityId: randomUUID(),
      op: 'users.create',
      payload: {
        audit: auditBy(admin),
        data: { username: 'petugas1', fullName: 'Petugas', role: 'officer', services: [], passwordHash: 'scrypt$1$1$1$abc$def' },
      },
    });
    const second = setupOp(3, 'admin-dua');
    const results = await pushAs(first, 'sorong', [setup, officer, second]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', null],
      ['applied', null],
      ['rejected', 'actor.unknown'],
    ]);
  });
});
