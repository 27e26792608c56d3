// Who may see an application's biometric images (its photo included, on any desk of the office).
import { findTransition, isRefusal } from '@common/domain/applications/flow.js';
import type { Db } from '@db/connection.js';
import { getHandoverOfficer, processingUsers, type ApplicationRow } from '@db/queries/applications/applications.js';
import type { UserRow } from '@db/queries/access/users.js';

/**
 * Biometric images are shown only to the people whose work needs them: whoever processed the application,
 * the supervisor adjudicating it (while it waits for a decision, and after deciding), and the officer
 * handing the passport over (while it is ready, and after).
 */
export function mayViewBiometrics(db: Db, user: Pick<UserRow, 'id' | 'role'>, app: Pick<ApplicationRow, 'id' | 'status'>): boolean {
  const handOver = findTransition('ready', 'handOver', user.role);
  return (
    processingUsers(db, app.id).includes(user.id) ||
    (app.status === 'submitted' && !isRefusal(findTransition('submitted', 'approve', user.role))) ||
    (app.status === 'ready' && !isRefusal(handOver)) ||
    getHandoverOfficer(db, app.id) === user.id
  );
}
