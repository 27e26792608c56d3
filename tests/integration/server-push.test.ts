// Push and pull at central, through the protocol: idempotency, device_seq gaps, per-entity rules
// (field merge, unique usernames, central-owned, blobs), office isolation, long-poll, compaction.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergePatch, appendOnly, sameValue } from '@server/entities/kinds.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { auditBy, centralActor, enrolIdentity, wireOp, type Actor } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';
import { adminRoutes, syncRoutes } from '@common/central/routes.js';
import type { SnapshotResponse, WireOp } from '@common/central/protocol.js';
import type { Identity } from '@main/sync/transport.js';

// The office's admins at central, made in beforeAll: every change below is theirs.
const admins: Record<string, Actor> = {};
const adminOf = (office: string): Actor => admins[office]!;

const userCreate = (seq: number, id: string, username: string, office = 'banyumanik') =>
  wireOp(seq, {
    entity: 'user',
    entityId: id,
    op: 'users.create',
    payload: {
      audit: auditBy(adminOf(office)),
      data: { username, fullName: 'Nama Lengkap', role: 'officer', services: [], passwordHash: 'scrypt$1$1$1$abc$def' },
    },
  });
const userUpdate = (seq: number, id: string, data: Record<string, unknown>, baseVersion: number | null) =>
  wireOp(seq, { entity: 'user', entityId: id, op: 'users.update', baseVersion, payload: { audit: auditBy(adminOf('banyumanik')), data } });

describe('entity rules (pure)', () => {
  const rec = {
    version: 3,
    data: { a: 1, b: [1, 2], c: 'x' },
    meta: { a: [1, 'ws1'], b: [3, 'ws2'], c: [2, 'ws1'] } as Record<string, [number, string]>,
    deleted: false,
  };

  it('merges fields others did not change since the base', () => {
    const d = mergePatch(rec, { a: 5 }, { baseVersion: 2, origin: 'ws1' });
    expect(d).toEqual({
      status: 'applied',
      next: { version: 4, data: { a: 5, b: [1, 2], c: 'x' }, meta: { ...rec.meta, a: [4, 'ws1'] }, deleted: false },
    });
  });

  it('conflicts on a field another workstation changed after the base, unless the values agree', () => {
    expect(mergePatch(rec, { b: [9] }, { baseVersion: 2, origin: 'ws1' })).toMatchObject({
      status: 'conflict',
      conflict: { fields: [{ field: 'b', mine: [9], theirs: [1, 2] }], patch: { b: [9] } },
    });
    expect(mergePatch(rec, { b: [1, 2] }, { baseVersion: 2, origin: 'ws1' })).toEqual({ status: 'applied' });
    // Its own later change is not a conflict, whatever base it sent.
    expect(mergePatch(rec, { b: [9] }, { baseVersion: 1, origin: 'ws2' }).status).toBe('applied');
  });

  it('append-only records are created once; a differing second create is refused', () => {
    const e = appendOnly('payment');
    const op = {
      opId: 'o',
      deviceSeq: 1,
      entity: 'payment',
      entityId: 'p1',
      op: 'payment.record',
      baseVersion: null,
      createdAt: 0,
      data: { amount: 5 },
      blobs: [],
      origin: 'ws1',
    };
    const created = e.decide(op, undefined, { keyOwner: () => undefined });
    expect(created).toMatchObject({ status: 'applied', next: { version: 1, data: { amount: 5 } } });
    const current = created.status === 'applied' ? created.next : undefined;
    expect(e.decide(op, current, { keyOwner: () => undefined })).toEqual({ status: 'applied' });
    expect(e.decide({ ...op, data: { amount: 6 } }, current, { keyOwner: () => undefined })).toEqual({
      status: 'rejected',
      reason: 'exists',
    });
    expect(sameValue({ x: [1, { y: 2 }] }, { x: [1, { y: 2 }] })).toBe(true);
  });
});

describe.each(storeKinds())('push and pull at central on %s', (kind) => {
  let central: TestCentral;
  let a: Identity;
  let b: Identity;
  let other: Identity;
  const seqs = new Map<string, number>();
  const next = (id: Identity): number => {
    const n = (seqs.get(id.workstationId) ?? 0) + 1;
    seqs.set(id.workstationId, n);
    return n;
  };
  const push = (id: Identity, ops: WireOp[], officeCode = 'banyumanik') =>
    centralClient(central, id).ok(syncRoutes.push, { body: { officeCode, ops } });
  const pull = (id: Identity, cursor: number, extra: { limit?: number; wait?: number } = {}) =>
    centralClient(central, id).send(syncRoutes.pull, { query: { cursor, ...extra } });
  const pulled = (id: Identity, cursor: number, extra: { limit?: number; wait?: number } = {}) =>
    centralClient(central, id).ok(syncRoutes.pull, { query: { cursor, ...extra } });
  const lastSeq = async (office = 'banyumanik') =>
    (await central.central.deps.store.query<{ last_seq: number }>('SELECT last_seq FROM office_seq WHERE office_code = $1', [office]))[0]
      ?.last_seq ?? 0;

  beforeAll(async () => {
    central = await startTestCentral(kind);
    a = await enrolIdentity(central, 'banyumanik', 'A');
    b = await enrolIdentity(central, 'banyumanik', 'B');
    other = await enrolIdentity(central, 'batam', 'C');
    for (const office of ['banyumanik', 'batam']) admins[office] = await centralActor(central, office, 'admin');
  });
  afterAll(() => central?.close());

  it('applies each op once: a resend is answered duplicate with the stored result', async () => {
    const op = wireOp(next(a));
    const first = await push(a, [op]);
    expect(first.results).toEqual([expect.objectContaining({ opId: op.opId, status: 'applied', original: null })]);
    const again = await push(a, [op]);
    expect(again.results).toEqual([expect.objectContaining({ opId: op.opId, status: 'duplicate', original: 'applied' })]);
    const rows = await central.central.deps.store.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_ops WHERE op_id = $1', [
      op.opId,
    ]);
    expect(rows[0]?.n).toBe(1);
  });

  it('answers a skipped device_seq with a gap and applies nothing after it; a resend fills it', async () => {
    const s1 = next(a);
    const s2 = next(a);
    const op1 = wireOp(s1);
    const op2 = wireOp(s2);
    const early = await push(a, [op2]);
    expect(early.gap).toEqual({ expected: s1 });
    expect(early.results).toEqual([]);
    const filled = await push(a, [op1, op2]);
    expect(filled.gap).toBeNull();
    expect(filled.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(filled.nextDeviceSeq).toBe(s2 + 1);
  });

  it('refuses a reused device_seq carrying a different op', async () => {
    const used = seqs.get(a.workstationId) ?? 1;
    const r = await push(a, [wireOp(used)]);
    expect(r.results).toEqual([expect.objectContaining({ status: 'rejected', reason: 'seq.reused' })]);
  });

  it('never blocks valid ops behind a rejected one', async () => {
    const missing = userUpdate(next(a), randomUUID(), { fullName: 'Tidak Ada' }, 1);
    const fine = wireOp(next(a));
    const r = await push(a, [missing, fine]);
    expect(r.results.map((x) => [x.status, x.reason])).toEqual([
      ['rejected', 'not.found'],
      ['applied', null],
    ]);
  });

  it('refuses the changes of an account central does not know, even to itself', async () => {
    const setupAdmin = randomUUID();
    const lang = wireOp(next(a), {
      entity: 'user',
      entityId: setupAdmin,
      op: 'prefs.setLanguage',
      baseVersion: null,
      payload: { audit: { userId: setupAdmin, username: 'admin-lokal', role: 'admin' }, data: { language: 'en' } },
    });
    const other = userUpdate(next(a), setupAdmin, { fullName: 'Bukan Diri Sendiri' }, 1);
    const r = await push(a, [lang, other]);
    expect(r.results.map((x) => [x.status, x.reason])).toEqual([
      ['rejected', 'actor.unknown'],
      ['rejected', 'not.found'],
    ]);
  });

  it('merges non-overlapping field changes and reports an overlapping one as a conflict', async () => {
    const id = randomUUID();
    await push(a, [userCreate(next(a), id, 'gabung')]);
    const ra = await push(a, [userUpdate(next(a), id, { fullName: 'Nama Dari A' }, 1)]);
    const rb = await push(b, [userUpdate(next(b), id, { disabled: true }, 1)]);
    expect([ra.results[0]?.status, rb.results[0]?.status]).toEqual(['applied', 'applied']);
    const clash = await push(b, [userUpdate(next(b), id, { fullName: 'Nama Dari B' }, 1)]);
    expect(clash.results[0]).toMatchObject({
      status: 'conflict',
      reason: 'fields.changed',
      current: { version: 3, data: { fullName: 'Nama Dari A', disabled: true } },
      conflict: { fields: [{ field: 'fullName', mine: 'Nama Dari B', theirs: 'Nama Dari A' }], patch: { fullName: 'Nama Dari B' } },
    });
    const resolved = await push(b, [
      wireOp(next(b), {
        entity: 'user',
        entityId: id,
        op: 'sync.resolve',
        baseVersion: 3,
        payload: { audit: auditBy(adminOf('banyumanik')), data: { fields: { fullName: 'Nama Dari B' }, resolves: 'x' } },
      }),
    ]);
    expect(resolved.results[0]).toMatchObject({ status: 'applied', version: 4 });
  });

  it('keeps usernames unique per office, not across offices', async () => {
    await push(a, [userCreate(next(a), randomUUID(), 'kembar')]);
    const dup = await push(b, [userCreate(next(b), randomUUID(), 'kembar')]);
    expect(dup.results[0]).toMatchObject({ status: 'rejected', reason: 'username.taken' });
    const elsewhere = await push(other, [userCreate(next(other), randomUUID(), 'kembar', 'batam')], 'batam');
    expect(elsewhere.results[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses workstation changes to reference data (central wins)', async () => {
    const r = await push(a, [
      wireOp(next(a), {
        entity: 'office',
        entityId: 'banyumanik',
        op: 'settings.update',
        payload: { audit: auditBy(adminOf('banyumanik')), data: { name: 'X' } },
      }),
    ]);
    expect(r.results[0]).toMatchObject({ status: 'rejected', reason: 'central.owned' });
  });

  it('refuses an op whose blob central does not hold', async () => {
    const sha = 'a'.repeat(64);
    const r = await push(a, [
      wireOp(next(a), {
        entity: 'blob',
        entityId: randomUUID(),
        op: 'blob.attach',
        blobs: [sha],
        payload: {
          audit: auditBy(adminOf('banyumanik')),
          data: { sha256: sha, size: 3, mime: 'x/y', name: 'n', ownerEntity: null, ownerId: null },
        },
      }),
    ]);
    expect(r.results[0]).toMatchObject({ status: 'rejected', reason: `blob.missing:${sha}` });
  });

  it('keeps ops of unregistered entities in the journal, published nowhere', async () => {
    const before = await lastSeq();
    const r = await push(a, [
      wireOp(next(a), {
        entity: 'ticket',
        entityId: randomUUID(),
        op: 'queue.issue',
        payload: { audit: auditBy(adminOf('banyumanik')), data: { number: 'A001' } },
      }),
    ]);
    expect(r.results[0]).toMatchObject({ status: 'applied' });
    expect(await lastSeq()).toBe(before);
  });

  it("publishes only the office's own changes, in sequence order", async () => {
    const body = await pulled(a, 0, { limit: 5000 });
    expect(body.changes.map((c) => c.seq)).toEqual([...body.changes.map((c) => c.seq)].sort((x, y) => x - y));
    expect(body.cursor).toBe(await lastSeq());
    expect(body.changes.some((c) => c.entity === 'office' && c.data.name === 'Kantor Imigrasi Banyumanik')).toBe(true);
    const batam = await pulled(other, 0, { limit: 5000 });
    expect(batam.changes.filter((c) => c.entity === 'user').map((c) => c.data.username)).toEqual([adminOf('batam').username, 'kembar']);
  });

  it('pages by limit and says when there is more', async () => {
    const r = await pulled(a, 0, { limit: 2 });
    expect(r.changes).toHaveLength(2);
    expect(r.more).toBe(true);
  });

  it('holds a long-poll until a change is committed, then answers with it', async () => {
    const cursor = await lastSeq();
    const waiting = pulled(b, cursor, { wait: 20000 });
    const id = randomUUID();
    await push(a, [userCreate(next(a), id, 'baru')]);
    const r = await waiting;
    expect(r.changes.map((c) => c.entityId)).toEqual([id]);
    expect(r.cursor).toBe(cursor + 1);
  });

  it('answers a cursor older than the compaction horizon with 410, and serves a paged snapshot', async () => {
    const horizon = await lastSeq();
    await central.admin(adminRoutes.compact, { body: { officeCode: 'banyumanik' } });
    const stale = await pull(a, 0);
    expect([stale.status, stale.body.error?.code]).toEqual([410, 'CURSOR_EXPIRED']);
    expect(stale.body.error?.details).toEqual({ horizon });
    const seen: string[] = [];
    let page: string | null = null;
    let asOf = -1;
    do {
      const body: SnapshotResponse = await centralClient(central, a).ok(syncRoutes.snapshot, {
        query: { limit: 3, page: page ?? undefined },
      });
      asOf = body.asOf;
      seen.push(...body.records.map((x) => `${x.entity}/${x.entityId}`));
      page = body.next;
    } while (page);
    expect(asOf).toBe(horizon);
    const records = await central.central.deps.store.query<{ k: string }>(
      "SELECT entity || '/' || entity_id AS k FROM records WHERE office_code = 'banyumanik' ORDER BY entity, entity_id",
    );
    expect(seen).toEqual(records.map((r) => r.k));
    expect((await pull(a, horizon)).status).toBe(200);
    const ahead = await pull(a, horizon + 1000);
    expect([ahead.status, ahead.body.error?.code]).toEqual([409, 'CURSOR_AHEAD']);
  });
});
