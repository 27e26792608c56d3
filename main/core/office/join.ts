// Setting up a desk of an office central holds. A new office gets its first admin at central before the
// desk writes anything, and central refuses it once the office has any account; a joining desk enrols,
// pulls the office's accounts and creates none. Either way no desk brings an account of its own that could
// clash with the office's, and the first login on every desk is with an office account.
import { AppError } from '@common/contract/result.js';
import type { SetupInput } from '@common/contract/setup.js';
import type { SyncPort } from '../replication/port.js';
import type { CallContext } from '../kernel/context.js';
import { getSyncState } from '@db/queries/sync/sync.js';
import { v7 as uuidv7 } from 'uuid';

export interface Desk {
  workstationId: string;
  officeCode: string;
  name: string;
}

/** A desk enrolled by an earlier, unfinished setup keeps its id: central knows it under that one. */
export const deskOf = (ctx: CallContext, input: SetupInput): Desk => ({
  workstationId: getSyncState(ctx.core.liveDb, 'workstation_id') ?? uuidv7(),
  officeCode: input.officeCode,
  name: input.workstationName,
});

/** The enrolment form's field is `code`; the setup form's is `enrolmentCode`. */
function onSetupForm(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const details = err.details as { fields?: Record<string, string[]> } | undefined;
  const code = details?.fields?.code;
  if (!code) return err;
  return new AppError(err.code, err.message, { ...details, fields: { enrolmentCode: code } });
}

export async function enrolForSetup(port: SyncPort, desk: Desk, code: string | undefined): Promise<void> {
  try {
    await port.enrolDesk(desk, code);
  } catch (err) {
    throw onSetupForm(err);
  }
}

const enabledAccounts = (ctx: CallContext): number =>
  (ctx.db.prepare('SELECT count(*) AS n FROM users WHERE disabled = 0').get() as { n: number }).n;

/** Join: the office's accounts are here once this returns, or the setup is refused. */
export async function joinOffice(ctx: CallContext, port: SyncPort, desk: Desk, code: string | undefined): Promise<void> {
  await enrolForSetup(port, desk, code);
  await port.catchUp();
  if (enabledAccounts(ctx) === 0)
    throw new AppError('CONFLICT', 'Central holds no account of this office yet: start it as a new office', {
      reason: 'setup.officeEmpty',
    });
}

/** New office: its first admin is made at central, then arrives here by pull like any office account. */
export async function startOffice(
  ctx: CallContext,
  port: SyncPort,
  desk: Desk,
  code: string | undefined,
  admin: { id: string; username: string; fullName: string; passwordHash: string; language: 'id' | 'en' },
): Promise<void> {
  await enrolForSetup(port, desk, code);
  await port.createFirstAdmin(admin);
  await port.catchUp();
  if (!ctx.db.prepare('SELECT 1 FROM users WHERE id = ?').get(admin.id))
    throw new AppError('OFFLINE', "The office's first admin is at central but did not arrive here yet: join the office", {
      reason: 'setup.adminNotPulled',
    });
}
