// One workstation of the model-based sync test, as a real child process the test can SIGKILL. It reads
// JSON commands on stdin and answers one JSON line each on stdout. Sync runs only when told to, so a
// kill right after a command's answer falls between the local commit and the send.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { lowerPasswordCostForTests } from '@main/core/access/passwords.js';
import { Core } from '@main/core/core.js';
import { backgroundContext, write } from '@main/core/kernel/context.js';
import { dispatch } from '@main/ipc/dispatch.js';
import { startSync } from '@main/sync/index.js';
import { syncRoutes } from '@common/central/routes.js';
import { signHeaders, type FetchLike } from '@main/sync/transport.js';
import type { SyncClient } from '@main/sync/client.js';
import { getCursor, listSyncRecords } from '@db/queries/sync/sync.js';
import { maxDeviceSeq, outboxCounts } from '@db/queries/sync/sync-outbox.js';
import type { UserRow } from '@db/queries/access/users.js';
import { insertOutbox } from '@db/queries/sync/outbox.js';
import { v7 as uuidv7 } from 'uuid';

export type Fault = 'none' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'reorder';

interface Args {
  dataDir: string;
  office: string;
  name: string;
  centralUrl: string;
  code?: string;
}

const ADMIN_PASSWORD = 'Model-Admin-2026!';
// Its accounts are hashed at the suite's low cost too (this process inherits Vitest's environment).
lowerPasswordCostForTests();
const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const core = Core.open({ dataDir: args.dataDir });
const db = core.liveDb;

let fault: Fault = 'none';
let faultUsed = false;
let client: SyncClient;

const resign = (body: Buffer): Record<string, string> => ({
  ...signHeaders(
    client.transport!.identity,
    syncRoutes.push.method,
    syncRoutes.push.path,
    createHash('sha256').update(body).digest('hex'),
    Date.now(),
  ),
  'content-type': 'application/json',
});

/** The network between this workstation and central, with one injected fault per sync cycle. */
const faultyFetch: FetchLike = async (url, init) => {
  const isPush = url.endsWith(syncRoutes.push.path);
  if (fault === 'none' || faultUsed || (fault !== 'dropRequest' && !isPush)) return fetch(url, init);
  faultUsed = true;
  const body = init.body as Buffer;
  switch (fault) {
    case 'dropRequest':
      throw new TypeError('fetch failed (request dropped)');
    case 'dropResponse':
      await (await fetch(url, init)).arrayBuffer();
      throw new TypeError('fetch failed (response lost after central committed)');
    case 'duplicate': {
      // The same request twice on the wire (same nonce) and once more resent by a retry (new nonce).
      const copies = [fetch(url, init), fetch(url, { ...init, headers: resign(body) })];
      const original = await fetch(url, init);
      await Promise.allSettled(copies.map(async (c) => (await c).arrayBuffer()));
      return original;
    }
    case 'reorder': {
      const request = JSON.parse(body.toString('utf8')) as { officeCode: string; ops: unknown[] };
      if (request.ops.length < 2) return fetch(url, init);
      const half = Math.ceil(request.ops.length / 2);
      const first = Buffer.from(JSON.stringify({ ...request, ops: request.ops.slice(0, half) }));
      const second = Buffer.from(JSON.stringify({ ...request, ops: request.ops.slice(half) }));
      // The second half overtakes the first: central answers it with a gap and applies nothing of it.
      await (await fetch(url, { ...init, body: second, headers: resign(second) })).arrayBuffer();
      return fetch(url, { ...init, body: first, headers: resign(first) });
    }
  }
};

const call = async (name: string, input: unknown, token?: string) => dispatch(core, name, input, { sessionToken: token });

/**
 * Central's accounts on this desk (its setup admin is its own until central accepts it as the office's first),
 * in username order.
 */
const syncedUsers = () =>
  db
    .prepare(
      `SELECT u.id, u.username, u.full_name, u.role, u.disabled, u.password_hash, u.must_change_password, u.language, v.version
       FROM users u JOIN sync_versions v ON v.entity = 'user' AND v.entity_id = u.id ORDER BY u.username`,
    )
    .all() as Array<{ id: string; username: string; full_name: string; role: string; disabled: number; version: number }>;

/** The account that takes the office's payments: an officer central created, never renamed or disabled here. */
const cashierName = (): string => `kasir-${String(args.office)}`;
const CASHIER_HASH = 'scrypt$16384$8$1$a2FzaXI$a2FzaXItbW9kZWw';

async function boot(): Promise<string> {
  const own = `admin-${args.name.toLowerCase()}`;
  if (core.setting('setup_done') !== '1') {
    const r = await call('setup.initialize', {
      officeCode: args.office,
      workstationName: args.name,
      counterNumber: 1,
      language: 'id',
      admin: { username: own, fullName: 'Model Admin', password: ADMIN_PASSWORD },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  client = await startSync(core, { background: false, fetch: faultyFetch, centralUrl: args.centralUrl, batchSize: 4 });
  if (!client.enrolled && args.code) await client.enrol(args.centralUrl, args.code);
  // Central holds one admin per office: the first desk's setup admin. A later desk's own setup admin is
  // unknown there (its start-up ops are refused), so once the office's accounts have arrived the desk
  // works as the office's admin, as a real second desk would.
  await client.pushAll().catch(() => undefined);
  await client.pullAll(0).catch(() => undefined);
  const officeAdmin = syncedUsers().find((u) => u.role === 'admin' && u.disabled === 0)?.username ?? own;
  const login = await call('auth.login', { username: officeAdmin, password: ADMIN_PASSWORD });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  return (login.value as { sessionToken: string }).sessionToken;
}

/** Text no store can hold, or nesting past what central reads: what an old or hostile client might send. */
function poisonData(kind: string): Record<string, unknown> {
  if (kind === 'deep') {
    let deep: Record<string, unknown> = { amount: 1 };
    for (let i = 0; i < 60; i++) deep = { inner: deep };
    return deep;
  }
  return { amount: 1, note: kind === 'nul' ? 'Budi\u0000Santoso' : 'Budi \ud800 Santoso' };
}

async function handle(cmd: Record<string, unknown>, token: string): Promise<unknown> {
  switch (cmd.cmd) {
    case 'poison': {
      // Straight into the outbox, past the contract's checks, among the desk's good ops.
      const cashier = db.prepare('SELECT id, username, role FROM users WHERE username = ?').get(cashierName()) as
        Pick<UserRow, 'id' | 'username' | 'role'> | undefined;
      const opId = uuidv7();
      insertOutbox(db, {
        op_id: opId,
        entity: 'poison',
        entity_id: uuidv7(),
        op: 'payments.recordBilling',
        payload: JSON.stringify({
          audit: { userId: cashier?.id, username: cashier?.username, role: cashier?.role },
          data: poisonData(String(cmd.kind)),
        }),
        base_version: null,
        created_at: Date.now(),
      });
      return { ok: true, opId };
    }
    case 'pay': {
      const data = { amount: cmd.amount, workstation: args.name };
      const find = () => db.prepare('SELECT * FROM users WHERE username = ?').get(cashierName()) as UserRow | undefined;
      if (!find()) await client.pullAll(0).catch(() => undefined);
      const cashier = find();
      if (!cashier) return { ok: false, error: `${cashierName()} has not reached this desk` };
      if (cashier.must_change_password === 1) {
        // Central made the cashier with a temporary password, which authorises nothing: like any officer, the
        // cashier first chooses their own. Every desk may do so before it hears of another's: the same hash,
        // so the changes agree instead of conflicting.
        write(backgroundContext(core, { db, now: Date.now(), user: cashier }), 'auth.changePassword', (tx) => {
          tx.prepare('UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(CASHIER_HASH, cashier.id);
          return { change: { entity: 'user', entityId: cashier.id, data: { passwordHash: CASHIER_HASH } } };
        });
      }
      // Central authorises the op by its actor: an officer of the office may record a payment.
      write(backgroundContext(core, { db, now: Date.now(), user: cashier }), 'payments.recordBilling', (tx) => {
        tx.prepare("INSERT INTO sync_records (entity, entity_id, version, data, deleted) VALUES ('payment', ?, 0, ?, 0)").run(
          String(cmd.paymentId),
          JSON.stringify(data),
        );
        return { change: { entity: 'payment', entityId: String(cmd.paymentId), summary: data, data } };
      });
      return { ok: true };
    }
    case 'rename':
    case 'disable': {
      // Officers only: disabling the office's admin or its cashier would (rightly) get their later ops refused.
      const users = syncedUsers().filter((x) => x.role !== 'admin' && x.username !== cashierName());
      const u = users[Number(cmd.pick) % Math.max(users.length, 1)];
      if (!u) return { ok: true, skipped: true };
      const patch = cmd.cmd === 'rename' ? { fullName: String(cmd.name) } : { disabled: Boolean(cmd.disabled) };
      const r = await call('users.update', { id: u.id, ...patch }, token);
      return { ok: r.ok, userId: u.id, error: r.ok ? undefined : r.error };
    }
    case 'resolve': {
      const list = await call('sync.list', { filter: 'conflict' }, token);
      const items = list.ok ? (list.value as { items: Array<{ opId: string; resolvedAt: number | null }> }).items : [];
      const open = items.find((i) => i.resolvedAt === null);
      if (!open) return { ok: true, skipped: true };
      const r = await call('sync.resolveConflict', { opId: open.opId, choice: cmd.choice }, token);
      return { ok: r.ok, error: r.ok ? undefined : r.error };
    }
    case 'sync': {
      fault = (cmd.fault as Fault) ?? 'none';
      faultUsed = false;
      // Like the background client, whose pusher and puller run independently: a failed push does not
      // stop the pull, and a pull may bring changes to records that still have ops pending here.
      const errors: string[] = [];
      const attempt = async (fn: () => Promise<unknown>): Promise<void> => {
        try {
          await fn();
        } catch (err) {
          errors.push((err as { code?: string }).code ?? String(err));
        }
      };
      if (cmd.push !== false) await attempt(() => client.pushAll());
      await attempt(() => client.pullAll(0));
      fault = 'none';
      return { ok: errors.length === 0, errors, cursor: getCursor(db) };
    }
    case 'state':
      return {
        cursor: getCursor(db),
        maxDeviceSeq: maxDeviceSeq(db),
        counts: outboxCounts(db),
        statuses: db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all(),
        payments: listSyncRecords(db, 'payment').map((r) => ({ id: r.entity_id, version: r.version, data: JSON.parse(r.data) as unknown })),
        users: syncedUsers(),
        rejected: db.prepare("SELECT op, op_id AS opId FROM outbox WHERE status = 'rejected' ORDER BY device_seq").all() as Array<{
          op: string;
          opId: string;
        }>,
        workstationId: client.enrolled ? client.transport!.identity.workstationId : null,
      };
    default:
      throw new Error(`unknown command ${String(cmd.cmd)}`);
  }
}

const send = (msg: unknown): void => void process.stdout.write(`${JSON.stringify(msg)}\n`);

boot().then(
  (token) => {
    send({ ready: true, cursor: getCursor(db) });
    const rl = createInterface({ input: process.stdin });
    let queue = Promise.resolve();
    rl.on('line', (line) => {
      const cmd = JSON.parse(line) as Record<string, unknown>;
      queue = queue.then(async () => {
        if (cmd.cmd === 'exit') {
          await client.stop();
          core.close();
          send({ id: cmd.id, ok: true });
          process.exit(0);
        }
        try {
          send({ id: cmd.id, ...((await handle(cmd, token)) as object) });
        } catch (err) {
          send({ id: cmd.id, ok: false, crashed: String((err as Error).stack ?? err) });
        }
      });
    });
  },
  (err: unknown) => {
    send({ ready: false, error: String((err as Error).stack ?? err) });
    process.exit(1);
  },
);
