// What an administrator does at central: offices, enrolment codes, workstations, officer accounts,
// compaction. Reached through the admin API (server/admin/routes.ts) and its CLI (server/admin/cli.ts).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { OFFICE_SEED, SERVICE_SEED, type OfficeSeed } from '@common/domain/shared/offices.js';
import type { AdminUserInput, AdminUserUpdate, WorkstationView } from '@common/central/admin.js';
import type { UserData } from '@common/central/records.js';
import { setFieldsOf } from '@common/central/set-fields.js';
import { created, mergePatch } from '../entities/kinds.js';
import type { Decision, StoredRecord } from '../entities/types.js';
import { CentralError } from '../http/errors.js';
import { hashPassword } from './passwords.js';
import type { Sql, Store } from '../store/store.js';
import { allocateSeqs, loadKeys, loadRecords, lockOffice, writeKeys, writeRecords, type RecordWrite } from '../sync/persist.js';

export interface AdminDeps {
  store: Store;
  now: () => number;
  published: (officeCode: string, lastSeq: number) => void;
}

export const CENTRAL_ORIGIN = 'central';

interface CentralChange {
  entity: string;
  entityId: string;
  /** Unique keys to look up before deciding (a username). */
  keys?: Array<{ key: string; value: string }>;
  decide(current: StoredRecord | undefined, keyOwner: (key: string, value: string) => string | undefined): Decision;
}

export interface CentralWriteOptions {
  /** Whose change it is in the records' field history: central's own by default, or the desk it was made for. */
  origin?: string;
  /** Checked with the office locked, before anything is decided: throws to refuse the whole write. */
  guard?: (sql: Sql) => Promise<void>;
}

/** Central's own writes go through the same records, keys and change feed as pushed ops. */
export async function centralWrite(
  deps: AdminDeps,
  officeCode: string,
  changes: readonly CentralChange[],
  opts: CentralWriteOptions = {},
): Promise<Decision[]> {
  const now = deps.now();
  let published = 0;
  const decisions = await deps.store.tx(async (sql) => {
    if (!(await lockOffice(sql, officeCode))) throw new CentralError('NOT_FOUND', `Unknown office ${officeCode}`);
    await opts.guard?.(sql);
    const loaded = await loadRecords(
      sql,
      officeCode,
      changes.map((c) => ({ entity: c.entity, id: c.entityId })),
    );
    const records = new Map(loaded.map((r) => [`${r.entity}\u0000${r.entity_id}`, r as StoredRecord]));
    const keyRows = await loadKeys(
      sql,
      officeCode,
      changes.flatMap((c) => (c.keys ?? []).map((k) => ({ entity: c.entity, ...k }))),
    );
    const writes: RecordWrite[] = [];
    const keys: Array<{ entity: string; key: string; value: string; entityId: string }> = [];
    const out = changes.map((c) => {
      const d = c.decide(
        records.get(`${c.entity}\u0000${c.entityId}`),
        (key, value) => keyRows.find((k) => k.entity === c.entity && k.key === key && k.value === value)?.entity_id,
      );
      if (d.status === 'applied' && d.next) {
        writes.push({ entity: c.entity, entityId: c.entityId, state: d.next, seq: 0, opId: null, origin: opts.origin ?? CENTRAL_ORIGIN });
        for (const k of c.keys ?? []) keys.push({ entity: c.entity, key: k.key, value: k.value, entityId: c.entityId });
      }
      return d;
    });
    if (writes.length > 0) {
      const first = await allocateSeqs(sql, officeCode, writes.length);
      writes.forEach((w, i) => (w.seq = first + i));
      await writeRecords(sql, officeCode, writes, now);
      await writeKeys(sql, officeCode, keys);
      published = first + writes.length - 1;
    }
    return out;
  });
  if (published > 0) deps.published(officeCode, published);
  return decisions;
}

const referenceFor = (o: OfficeSeed): CentralChange[] => [
  {
    entity: 'office',
    entityId: o.code,
    decide: () => ({ status: 'applied', next: created({ name: o.name, city: o.city, tz: o.tz }, CENTRAL_ORIGIN) }),
  },
  ...SERVICE_SEED.map((s) => ({
    entity: 'service',
    entityId: s.code,
    decide: (current: StoredRecord | undefined): Decision =>
      current
        ? { status: 'applied' }
        : { status: 'applied', next: created({ prefix: s.prefix, nameId: s.nameId, nameEn: s.nameEn, active: true }, CENTRAL_ORIGIN) },
  })),
];

/** Creates the office (and its feed with its reference data) when new; renames it otherwise. */
export async function upsertOffice(deps: AdminDeps, o: OfficeSeed): Promise<{ created: boolean }> {
  const inserted = await deps.store.tx(async (sql) => {
    const rows = await sql.query(
      'INSERT INTO offices (code, name, city, tz, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING code',
      [o.code, o.name, o.city, o.tz, deps.now()],
    );
    if (rows.length > 0) await sql.query('INSERT INTO office_seq (office_code) VALUES ($1)', [o.code]);
    else await sql.query('UPDATE offices SET name = $2, city = $3, tz = $4 WHERE code = $1', [o.code, o.name, o.city, o.tz]);
    return rows.length > 0;
  });
  if (inserted) await centralWrite(deps, o.code, referenceFor(o));
  else
    await centralWrite(deps, o.code, [
      {
        entity: 'office',
        entityId: o.code,
        decide: (cur) =>
          cur
            ? mergePatch(cur, { name: o.name, city: o.city, tz: o.tz }, { baseVersion: cur.version, origin: CENTRAL_ORIGIN })
            : { status: 'applied' },
      },
    ]);
  return { created: inserted };
}

/** The offices of the reference list exist from the first start, so enrolment works out of the box. */
export async function seedOffices(deps: AdminDeps): Promise<void> {
  const existing = new Set((await deps.store.query<{ code: string }>('SELECT code FROM offices')).map((r) => r.code));
  for (const o of OFFICE_SEED) if (!existing.has(o.code)) await upsertOffice(deps, o);
}

// Crockford-style alphabet: no 0/O or 1/I/L to misread at a counter.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
export const hashCode = (code: string): string => createHash('sha256').update(normaliseCode(code)).digest('hex');

export async function createEnrolmentCode(
  deps: AdminDeps,
  officeCode: string,
  ttlHours: number,
): Promise<{ code: string; officeCode: string; expiresAt: number }> {
  const raw = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const now = deps.now();
  const expiresAt = now + ttlHours * 3_600_000;
  const office = await deps.store.query('SELECT 1 FROM offices WHERE code = $1', [officeCode]);
  if (office.length === 0) throw new CentralError('NOT_FOUND', `Unknown office ${officeCode}`);
  await deps.store.query('INSERT INTO enrolment_codes (code_hash, office_code, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashCode(code),
    officeCode,
    now,
    expiresAt,
  ]);
  return { code, officeCode, expiresAt };
}

interface WorkstationRow {
  id: string;
  office_code: string;
  name: string;
  enrolled_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
  last_device_seq: number;
}

export async function listWorkstations(deps: AdminDeps, officeCode?: string): Promise<WorkstationView[]> {
  const rows = await deps.store.query<WorkstationRow>(
    'SELECT id, office_code, name, enrolled_at, revoked_at, last_seen_at, last_device_seq FROM workstations WHERE $1::text IS NULL OR office_code = $1 ORDER BY office_code, name, id',
    [officeCode ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    officeCode: r.office_code,
    name: r.name,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    lastSeenAt: r.last_seen_at,
    lastDeviceSeq: r.last_device_seq,
  }));
}

/** Takes effect on the workstation's next request: every signed request re-reads its row. */
export async function revokeWorkstation(deps: AdminDeps, id: string): Promise<WorkstationView> {
  const rows = await deps.store.tx(async (sql) => {
    const revoked = await sql.query<{ public_key: string }>(
      'UPDATE workstations SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING public_key',
      [id, deps.now()],
    );
    // The key itself is what is revoked: a later enrolment of this desk must come with another one.
    await sql.query('UPDATE workstation_keys SET revoked_at = coalesce(revoked_at, $3) WHERE workstation_id = $1 AND public_key = $2', [
      id,
      revoked[0]?.public_key ?? '',
      deps.now(),
    ]);
    return revoked;
  });
  if (rows.length === 0) throw new CentralError('NOT_FOUND', 'No such workstation');
  const [view] = (await listWorkstations(deps)).filter((w) => w.id === id);
  return view as WorkstationView;
}

export async function createUser(
  deps: AdminDeps,
  input: z.output<typeof AdminUserInput>,
): Promise<{ id: string; officeCode: string; username: string; version: number }> {
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  const data: UserData = {
    username: input.username,
    fullName: input.fullName,
    role: input.role,
    disabled: false,
    services: input.services,
    passwordHash,
    mustChangePassword: true,
    language: input.language,
    createdAt: deps.now(),
  };
  const [d] = await centralWrite(deps, input.officeCode, [
    {
      entity: 'user',
      entityId: id,
      keys: [{ key: 'username', value: input.username }],
      decide: (_cur, keyOwner) =>
        keyOwner('username', input.username)
          ? { status: 'rejected', reason: 'username.taken' }
          : { status: 'applied', next: created(data, CENTRAL_ORIGIN) },
    },
  ]);
  if (d?.status !== 'applied') throw new CentralError('CONFLICT', `The username ${input.username} is taken in ${input.officeCode}`);
  return { id, officeCode: input.officeCode, username: input.username, version: 1 };
}

export async function updateUser(
  deps: AdminDeps,
  id: string,
  input: z.output<typeof AdminUserUpdate>,
): Promise<{ id: string; officeCode: string; username: string; version: number }> {
  const { officeCode, ...patch } = input;
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  let result: StoredRecord | undefined;
  await centralWrite(deps, officeCode, [
    {
      entity: 'user',
      entityId: id,
      decide: (cur) => {
        if (!cur) throw new CentralError('NOT_FOUND', 'No such account in this office');
        // Central sees every version: its edit is based on the latest, so it never conflicts.
        const d = mergePatch(cur, fields, { baseVersion: cur.version, origin: CENTRAL_ORIGIN }, setFieldsOf('user'));
        result = d.status === 'applied' ? (d.next ?? cur) : cur;
        return d;
      },
    },
  ]);
  const r = result as StoredRecord;
  return { id, officeCode, username: String(r.data.username), version: r.version };
}

export const newAdminToken = (): string => randomBytes(32).toString('base64url');
