// The port between core and the sync client. Core never imports main/sync (lint): startSync() attaches
// the running client as core.ports.sync, and the sync.* handlers reach it there.
import type { FirstAdminRequest } from '@common/central/office-join.js';
import type { OfficeOutboxView } from '@common/central/office-outbox.js';
import type { OfficeProblemsView } from '@common/central/office-problems.js';
import type { SyncState } from '@common/contract/sync.js';

export interface LiveSyncState {
  state: Exclude<SyncState, 'training' | 'disabled'>;
  online: boolean;
  centralUrl: string | null;
  embedded: boolean;
  nextAttemptAt: number | null;
  lastError: { code: string; message: string } | null;
}

export interface SyncPort {
  live(): LiveSyncState;
  /** One full cycle now (push everything, pull to the end); resolves when it is done or has failed. */
  syncNow(): Promise<void>;
  enrol(centralUrl: string, code: string): Promise<void>;
  /** A revoked workstation, enrolled again under a new key with a new code. */
  reenrol(code: string): Promise<void>;
  /** Every workstation of the office and what central knows of its outbox (end of day). Throws when central cannot be reached. */
  officeOutbox(date: string, signal?: AbortSignal): Promise<OfficeOutboxView>;
  /** Every desk's refused and conflicting ops not settled yet (the supervisor's view). Throws when central cannot be reached. */
  officeProblems(): Promise<OfficeProblemsView>;
  /**
   * Setup: enrols this desk into its office with an admin-issued code (the embedded central issues its own);
   * a desk already enrolled into that office stays as it is. Throws contract errors the setup form shows.
   */
  enrolDesk(desk: { workstationId: string; officeCode: string; name: string }, code: string | undefined): Promise<void>;
  /** Setup of a new office: its first admin, created at central; refused once the office has any account. */
  createFirstAdmin(account: FirstAdminRequest): Promise<void>;
  /**
   * A photo of the office by its content address, as central holds it (the caller checks the bytes against
   * the address): `notFound` when central does not give it to this desk, `unreachable` when it cannot be asked.
   */
  fetchPhoto(sha256: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; why: 'notFound' | 'unreachable' }>;
  /** Pulls until caught up, errors thrown (setup waits for the office's accounts). */
  catchUp(): Promise<void>;
}
