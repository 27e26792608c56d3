// What a desk asks central about its office, beside the sync itself: the desks' outbox report and open
// problems for the end of day and the Sync screen, an applicant's photo, and a new office's first admin.
// Each needs the enrolled desk's signed transport; without one there is nobody to ask.
import type { FirstAdminRequest } from '@common/central/office-join.js';
import type { OfficeOutboxView } from '@common/central/office-outbox.js';
import type { OfficeProblemsView } from '@common/central/office-problems.js';
import { syncRoutes } from '@common/central/routes.js';
import { AppError } from '@common/contract/result.js';
import { enrolmentError } from './errors.js';
import { SyncHttpError, type Transport } from './transport.js';

export type PhotoFetch = { ok: true; bytes: Buffer } | { ok: false; why: 'notFound' | 'unreachable' };

function enrolled(transport: Transport | undefined): Transport {
  if (!transport) throw new SyncHttpError(0, 'NOT_ENROLLED', 'This workstation is not enrolled');
  return transport;
}

export const officeOutbox = (transport: Transport | undefined, date: string, signal?: AbortSignal): Promise<OfficeOutboxView> =>
  enrolled(transport).call(syncRoutes.officeOutbox, { query: { date } }, signal);

export const officeProblems = (transport: Transport | undefined): Promise<OfficeProblemsView> =>
  enrolled(transport).call(syncRoutes.officeProblems, { query: {} });

/** The photo an application record of this office names; central answers nothing for any other. */
export async function fetchPhoto(transport: Transport | undefined, sha256: string): Promise<PhotoFetch> {
  if (!transport) return { ok: false, why: 'unreachable' };
  try {
    const got = await transport.call(syncRoutes.blob, { params: { sha256 } });
    return { ok: true, bytes: Buffer.from(got.data, 'base64') };
  } catch (err) {
    if (err instanceof SyncHttpError && !err.transient && err.status !== 0) return { ok: false, why: 'notFound' };
    return { ok: false, why: 'unreachable' };
  }
}

export async function createFirstAdmin(transport: Transport | undefined, account: FirstAdminRequest): Promise<void> {
  if (!transport) throw new AppError('CONFLICT', 'This workstation is not enrolled', { reason: 'sync.notEnrolled' });
  try {
    await transport.call(syncRoutes.firstAdmin, { body: account });
  } catch (err) {
    throw enrolmentError(err);
  }
}
