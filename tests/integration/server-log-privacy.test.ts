// What central writes to its log when things go wrong: the error's code, the route and ids, never the
// personal data, tokens or op payloads that came with the request. Also the embedded central, which
// writes into the workstation's own log file.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkstationLog } from '@main/logging.js';
import { startEmbeddedCentral } from '@server/embedded.js';
import type { EntityDef } from '@server/entities/types.js';
import { centralLog } from '@server/http/log.js';
import { ADMIN_TOKEN, createTestDatabase, preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { auditBy, centralActor, enrolIdentity, sendSigned, wireOp, type Actor } from '../support/model/signed.js';
import { workstationLog } from '../support/log.js';
import { userSession } from '../support/core.js';
import { BUDI_NIK, walkInDraft } from '../support/applications-fixtures.js';
import { startWorkstation } from '../support/model/workstation.js';
import type { Identity } from '@main/sync/transport.js';

const NIK = '3374105705900001';
const NAME = 'Siti Rahmawati';
const PHONE = '081234567890';
const WRONG_TOKEN = 'not-the-admin-token-5f3a9c';
const personal = { nik: NIK, fullName: NAME, phone: PHONE, address: 'Jl. Melati 7, Semarang' };

/** A handler that fails the way careless code does: quoting the data it choked on in its message. */
const fragile: EntityDef = {
  entity: 'fragile',
  flowsDown: false,
  uniqueKeys: [],
  decide(op) {
    throw new Error(`cannot apply "${String(op.data.fullName)}" with NIK ${String(op.data.nik)} and phone ${String(op.data.phone)}`);
  },
};

function expectNothingPrivate(text: string, ...secrets: string[]): void {
  expect(text).not.toMatch(/\d{16}/);
  for (const s of [NAME, PHONE, 'Melati', ...secrets]) expect(text).not.toContain(s);
}

describe('central logs codes and ids, not personal data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-central-log-'));
  const file = join(dir, 'central.log');
  let central: TestCentral;
  let ws: Identity;
  let admin: Actor;
  const logText = () => readFileSync(file, 'utf8');
  const entries = () =>
    logText()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    central = await startTestCentral(preferredStore(), {
      entities: [fragile],
      log: centralLog('debug', pino.destination({ dest: file, sync: true })),
    });
    ws = await enrolIdentity(central);
    admin = await centralActor(central, 'banyumanik', 'admin');
  });
  afterAll(async () => {
    await central?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs a rejected op by its id and reason, not its payload', async () => {
    const op = wireOp(1, {
      entity: 'user',
      entityId: randomUUID(),
      op: 'users.update',
      baseVersion: 1,
      payload: { audit: auditBy(admin), data: personal },
    });
    const r = await sendSigned(central, ws, 'POST', '/v1/push', { officeCode: 'banyumanik', ops: [op] });
    expect(r.status).toBe(200);
    expect((r.body as unknown as { results: Array<{ reason: string }> }).results[0]?.reason).toBe('not.found');
    const line = entries().find((e) => e.opId === op.opId);
    expect(line).toMatchObject({
      msg: 'op not applied',
      status: 'rejected',
      reason: 'not.found',
      entity: 'user',
      workstation: ws.workstationId,
    });
    expectNothingPrivate(logText());
  });

  it('logs a failing handler as INTERNAL with the error scrubbed of what it quoted', async () => {
    const op = wireOp(2, {
      entity: 'fragile',
      entityId: randomUUID(),
      op: 'users.update',
      payload: { audit: auditBy(admin), data: personal },
    });
    const r = await sendSigned(central, ws, 'POST', '/v1/push', { officeCode: 'banyumanik', ops: [op] });
    expect([r.status, r.body.error?.code]).toEqual([500, 'INTERNAL']);
    const line = entries().find((e) => e.code === 'INTERNAL');
    expect(line).toMatchObject({ msg: 'request failed', status: 500, route: '/v1/push', err: { type: 'Error' } });
    expect(String((line?.err as { message: string }).message)).toContain('cannot apply');
    expectNothingPrivate(logText());
  });

  it('logs refused requests by code: bad fields, a wrong admin token', async () => {
    const bad = await sendSigned(central, ws, 'POST', '/v1/push', {
      officeCode: 'banyumanik',
      ops: [{ ...wireOp(3, { payload: { audit: {}, data: personal } }), deviceSeq: NIK }],
    });
    expect(bad.body.error?.code).toBe('INVALID_FIELD');
    const admin = await fetch(`${central.url}/admin/workstations`, { headers: { authorization: `Bearer ${WRONG_TOKEN}` } });
    expect(admin.status).toBe(401);
    const codes = entries().map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['INVALID_FIELD', 'ADMIN_UNAUTHORIZED']));
    expectNothingPrivate(logText(), WRONG_TOKEN, ADMIN_TOKEN);
  });

  it('redacts personal fields even when a log line passes them by mistake', () => {
    central.central.app.log.warn(
      { applicant: personal, body: { ops: [personal] }, headers: { authorization: `Bearer ${WRONG_TOKEN}` } },
      'careless',
    );
    const line = entries().find((e) => e.msg === 'careless');
    expect(line).toMatchObject({ applicant: '[redacted]', body: '[redacted]', headers: { authorization: '[redacted]' } });
    expectNothingPrivate(logText(), WRONG_TOKEN);
  });
});

describe('the embedded central', () => {
  it("writes into the workstation's log file", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loket-ws-log-'));
    const db = preferredStore() === 'postgres' ? await createTestDatabase() : undefined;
    try {
      const log = await openWorkstationLog(dataDir, { LOKET_LOG_LEVEL: 'info' });
      const embedded = await startEmbeddedCentral({ dataDir, databaseUrl: db?.url, log: log.child({ component: 'central' }) });
      try {
        const res = await fetch(`${embedded.url}/admin/workstations`, { headers: { authorization: `Bearer ${WRONG_TOKEN}` } });
        expect(res.status).toBe(401);
      } finally {
        await embedded.close();
      }
      expect(readdirSync(join(dataDir, 'logs'))).toEqual([expect.stringMatching(/^loket\.\d+\.log$/)]);
      const lines = workstationLog(dataDir);
      expect(lines).toContainEqual(expect.objectContaining({ component: 'central', code: 'ADMIN_UNAUTHORIZED', status: 401 }));
      expectNothingPrivate(JSON.stringify(lines), WRONG_TOKEN, embedded.adminToken);
    } finally {
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a workstation and central syncing personal data', () => {
  it('log codes, ids and counts on both sides, through rejected ops and failed pushes retried', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-sync-log-'));
    const centralFile = join(dir, 'central.log');
    const central = await startTestCentral(preferredStore(), {
      entities: [fragile],
      log: centralLog('debug', pino.destination({ dest: centralFile, sync: true })),
    });
    const wsLog = await openWorkstationLog(dir, { LOKET_LOG_LEVEL: 'debug' });
    const ws = await startWorkstation(central, { log: wsLog });
    const applicant = walkInDraft().applicant;
    const secrets = [
      applicant.fullName,
      applicant.fullName.toUpperCase(),
      applicant.fatherName as string,
      applicant.motherName as string,
      'Setiabudi',
      '3456 7890',
      applicant.email as string,
    ];
    try {
      const officer = await userSession(ws.t, ws.adminToken, 'petugas1', 'officer');
      const app = await ws.t.value('applications.create', { draft: walkInDraft() }, officer);
      await ws.t.value('applications.setInterviewNotes', { id: app.id, notes: `Pemohon ${applicant.fullName}, NIK ${BUDI_NIK}` }, officer);
      await ws.client.runCycle();
      // Central authorises every op by its actor first: these act as the office's admin, so what central
      // does next is about their data, not about who sent them.
      const admin = ws.t.core.liveDb.prepare("SELECT id AS userId, username, role FROM users WHERE role = 'admin' LIMIT 1").get();
      const insert = (entity: string, data: Record<string, unknown>) =>
        ws.t.core.liveDb
          .prepare('INSERT INTO outbox (op_id, entity, entity_id, op, payload, base_version, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)')
          .run(randomUUID(), entity, randomUUID(), 'users.update', JSON.stringify({ audit: admin, data }), Date.now());
      // Rejected: text central cannot store, with the applicant's data around it.
      insert('application', { ...personal, fullName: `${applicant.fullName}\u0000`, nik: BUDI_NIK });
      await ws.client.runCycle();
      // A push central fails on (its handler quotes the data), retried as the client would.
      insert('fragile', { ...personal, nik: BUDI_NIK, fullName: applicant.fullName });
      for (let i = 0; i < 3; i++) await expect(ws.client.runCycle()).rejects.toThrow();
      const centralText = readFileSync(centralFile, 'utf8');
      const wsText = JSON.stringify(workstationLog(dir));
      expect(centralText).toContain('op not applied');
      expect(centralText).toContain('"code":"INTERNAL"');
      for (const text of [centralText, wsText]) {
        expect(text).not.toMatch(/(?<![0-9a-f])\d{16}(?![0-9a-f])/);
        expect(text).not.toContain(BUDI_NIK);
        expect(text).not.toContain(NIK);
        for (const s of [...secrets, NAME, PHONE, 'Melati']) expect(text).not.toContain(s);
      }
    } finally {
      await ws.cleanup();
      await central.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
