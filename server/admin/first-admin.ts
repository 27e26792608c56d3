// A new office's first admin, created at central for the desk that starts the office. The office row stays
// locked while central looks for accounts, so two desks starting the same office at once get one admin
// between them: the other is told to join the office instead.
import type { FirstAdminRequest } from '@common/central/office-join.js';
import type { UserData } from '@common/central/records.js';
import { created } from '../entities/kinds.js';
import { CentralError } from '../http/errors.js';
import { officeHasAccounts } from '../sync/authorise.js';
import { centralWrite, type AdminDeps } from './ops.js';

export async function createFirstAdmin(
  deps: AdminDeps,
  officeCode: string,
  workstationId: string,
  input: FirstAdminRequest,
): Promise<{ id: string; version: number }> {
  const data: UserData = {
    username: input.username,
    fullName: input.fullName,
    role: 'admin',
    disabled: false,
    services: [],
    passwordHash: input.passwordHash,
    // The admin chose this password at setup: it is their own, not a temporary one.
    mustChangePassword: false,
    language: input.language,
    createdAt: deps.now(),
  };
  const [d] = await centralWrite(
    deps,
    officeCode,
    [
      {
        entity: 'user',
        entityId: input.id,
        keys: [{ key: 'username', value: input.username }],
        decide: (current) =>
          current ? { status: 'rejected', reason: 'exists' } : { status: 'applied', next: created(data, workstationId) },
      },
    ],
    {
      origin: workstationId,
      guard: async (sql) => {
        if (await officeHasAccounts(sql, officeCode))
          throw new CentralError('CONFLICT', `${officeCode} already has accounts: join the office instead of starting it`, {
            reason: 'setup.officeHasAccounts',
          });
      },
    },
  );
  if (d?.status !== 'applied') throw new CentralError('CONFLICT', 'This account exists already', { reason: 'setup.officeHasAccounts' });
  return { id: input.id, version: 1 };
}
