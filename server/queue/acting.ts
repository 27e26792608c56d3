// Who acts at a counter, as central judges it. A queue request is signed by its workstation; the officer
// it names (the username signed in at that desk) is the desk's word, so central holds the name to its own
// record of the account: a disabled account of the office, or one whose role at central the call's
// contract access does not admit (reception calling next, say), is refused whatever the desk allowed. A
// name central does not know yet (an account made on a desk whose op has not arrived) is not refused:
// the ticket keeps the name, as before.
import { contract, type CallName } from '@common/contract/index.js';
import { ROLES, roleAllowed, type Role } from '@common/domain/shared/roles.js';
import { CentralError } from '../http/errors.js';
import type { Sql } from '../store/store.js';

export const ACTOR_FORBIDDEN = 'actor.forbidden';

/** Null when the named officer may make `call` at this office; else the reason it is refused. */
export async function officerRefusal(
  sql: Pick<Sql, 'query'>,
  officeCode: string,
  officer: string | null | undefined,
  call: CallName,
): Promise<typeof ACTOR_FORBIDDEN | null> {
  if (!officer) return null;
  const rows = await sql.query<{ data: { role?: unknown; disabled?: unknown } }>(
    `SELECT r.data FROM record_keys k
       JOIN records r ON r.office_code = k.office_code AND r.entity = k.entity AND r.entity_id = k.entity_id
      WHERE k.office_code = $1 AND k.entity = 'user' AND k.key = 'username' AND k.value = $2 AND NOT r.deleted`,
    [officeCode, officer],
  );
  const account = rows[0]?.data;
  if (!account) return null;
  const role = ROLES.find((r) => r === account.role) as Role | undefined;
  return account.disabled === true || !roleAllowed(contract[call].access, role) ? ACTOR_FORBIDDEN : null;
}

/** Throws central's refusal when the named officer may not make `call`. */
export async function checkOfficer(sql: Pick<Sql, 'query'>, officeCode: string, officer: string | null | undefined, call: CallName) {
  const reason = await officerRefusal(sql, officeCode, officer, call);
  if (reason) throw new CentralError('FORBIDDEN', `${officer} may not do ${call} at this office`, { reason });
}
