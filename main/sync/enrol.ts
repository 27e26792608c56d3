import type { Core } from '../core/core.js';
import { getSetting } from '@db/queries/office/settings.js';
import { getSyncState, setSyncState } from '@db/queries/sync/sync.js';
import { syncRoutes } from '@common/central/routes.js';
import type { KeyStore } from './keystore.js';
import { identityFrom, newKeyPair, SyncHttpError, Transport, type FetchLike, type Identity } from './transport.js';

export interface Enrolment {
  identity: Identity;
  officeCode: string;
  centralUrl: string;
}

/** The enrolment recorded in the live database, with the key from the key store; undefined before it. */
export async function loadEnrolment(core: Core, keyStore: KeyStore): Promise<Enrolment | undefined> {
  const db = core.liveDb;
  const workstationId = getSyncState(db, 'workstation_id');
  const officeCode = getSyncState(db, 'office_code');
  const centralUrl = getSyncState(db, 'central_url');
  const pem = await keyStore.load();
  if (!workstationId || !officeCode || !centralUrl || !pem) return undefined;
  return { identity: identityFrom(workstationId, pem), officeCode, centralUrl };
}

/** Who a desk is at enrolment: the id it keeps for good, its office, and its name for central's lists. */
export interface DeskProfile {
  workstationId: string;
  officeCode: string;
  name: string;
}

/**
 * Enrols once with an admin-issued code. The key is generated and stored before the request, so a
 * crash after central committed retries with the same key, which central answers idempotently.
 */
export async function enrol(core: Core, keyStore: KeyStore, centralUrl: string, code: string, fetchImpl?: FetchLike): Promise<Enrolment> {
  const db = core.liveDb;
  const workstationId = getSetting(db, 'workstation_id');
  const officeCode = getSetting(db, 'office_code');
  if (!workstationId || !officeCode) throw new SyncHttpError(400, 'SETUP_REQUIRED', 'Set up this workstation before enrolling it');
  return enrolDesk(
    core,
    keyStore,
    centralUrl,
    code,
    { workstationId, officeCode, name: getSetting(db, 'workstation_name') ?? workstationId },
    fetchImpl,
  );
}

/**
 * Enrols the desk `desk` describes: at setup, before its profile is written (it joins its office and
 * pulls the accounts first), or afterwards from its settings (enrol()).
 */
export async function enrolDesk(
  core: Core,
  keyStore: KeyStore,
  centralUrl: string,
  code: string,
  desk: DeskProfile,
  fetchImpl?: FetchLike,
): Promise<Enrolment> {
  const db = core.liveDb;
  if (getSetting(db, 'training') === '1') throw new SyncHttpError(400, 'TRAINING', 'A training database never syncs');
  if (getSyncState(db, 'workstation_id')) throw new SyncHttpError(409, 'ALREADY_ENROLLED', 'This workstation is already enrolled');
  let pem = await keyStore.load();
  if (!pem) {
    pem = newKeyPair().privatePem;
    await keyStore.save(pem);
  }
  const identity = identityFrom(desk.workstationId, pem);
  const transport = new Transport({ baseUrl: centralUrl, identity, fetch: fetchImpl });
  const answer = await transport.call(syncRoutes.enrol, {
    body: { code, workstationId: desk.workstationId, name: desk.name, officeCode: desk.officeCode, publicKey: identity.publicKey },
  });
  db.transaction(() => {
    setSyncState(db, 'workstation_id', answer.workstationId);
    setSyncState(db, 'office_code', answer.officeCode);
    setSyncState(db, 'central_url', transport.baseUrl);
    setSyncState(db, 'enrolled_at', String(core.now()));
  })();
  return { identity, officeCode: answer.officeCode, centralUrl: transport.baseUrl };
}

/**
 * Enrols a revoked workstation again under the same id with a new key pair and a new code: its device_seq
 * and history at central go on, the revoked key stays revoked. The new key is kept only once central has
 * accepted it, so a refused code leaves the workstation as it was (revoked, and saying so).
 */
export async function reenrol(core: Core, keyStore: KeyStore, centralUrl: string, code: string, fetchImpl?: FetchLike): Promise<Enrolment> {
  const db = core.liveDb;
  const workstationId = getSyncState(db, 'workstation_id');
  const officeCode = getSyncState(db, 'office_code');
  if (!workstationId || !officeCode) throw new SyncHttpError(400, 'NOT_ENROLLED', 'This workstation was never enrolled');
  const pem = newKeyPair().privatePem;
  const identity = identityFrom(workstationId, pem);
  const transport = new Transport({ baseUrl: centralUrl, identity, fetch: fetchImpl });
  const answer = await transport.call(syncRoutes.enrol, {
    body: { code, workstationId, name: getSetting(db, 'workstation_name') ?? workstationId, officeCode, publicKey: identity.publicKey },
  });
  await keyStore.save(pem);
  setSyncState(db, 'enrolled_at', String(core.now()));
  return { identity, officeCode: answer.officeCode, centralUrl: transport.baseUrl };
}
