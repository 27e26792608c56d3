// Application screens live under the role's section so routeFor keeps them:
//   #/loket/permohonan              search and today's list
//   #/loket/permohonan/baru         walk-in (or booking) check-in
//   #/loket/permohonan/<id>         one application
//   #/loket/serah-terima            hand-over
//   #/supervisor/adjudikasi         the supervisor's adjudication queue
import type { Role } from '@common/domain/shared/roles.js';
import { PRIORITY_GROUPS, type PriorityGroup } from '@common/domain/queue/order.js';
import { sectionOf } from '../sync/route.js';

export type ApplicationsRoute =
  | { screen: 'search' }
  | { screen: 'new'; booking: string | null; group: PriorityGroup | null }
  | { screen: 'detail'; id: string }
  | { screen: 'handOver' }
  | { screen: 'adjudication' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const searchRoute = (role: Role): string => `${sectionOf(role)}/permohonan`;
/** The walk-in form, for a booking to load or with the called ticket's priority group chosen. */
export function newRoute(role: Role, booking?: string, group?: PriorityGroup | null): string {
  const query = booking ? `?booking=${encodeURIComponent(booking)}` : group ? `?group=${group}` : '';
  return `${sectionOf(role)}/permohonan/baru${query}`;
}
const groupOf = (value: string | null): PriorityGroup | null =>
  (PRIORITY_GROUPS as readonly string[]).includes(value ?? '') ? (value as PriorityGroup) : null;
export const detailRoute = (role: Role, id: string): string => `${sectionOf(role)}/permohonan/${id}`;
/** The draft name of the walk-in form; one per booking, so a booking never opens another applicant's typing. */
const NEW_FORM = 'applications.new';
export const newDraftForm = (booking: string | null): string => (booking ? `${NEW_FORM}:${booking}` : NEW_FORM);
export const handOverRoute = (role: Role): string => `${sectionOf(role)}/serah-terima`;
export const adjudicationRoute = (role: Role): string => `${sectionOf(role)}/adjudikasi`;

export function applicationsRoute(hash: string): ApplicationsRoute | null {
  const m = /^#\/[a-z]+\/(permohonan|serah-terima|adjudikasi)(?:\/([^?#]*))?(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const [, section, rest = '', query = ''] = m;
  if (section === 'serah-terima') return { screen: 'handOver' };
  if (section === 'adjudikasi') return { screen: 'adjudication' };
  if (rest === '') return { screen: 'search' };
  if (rest === 'baru') {
    const params = new URLSearchParams(query);
    return { screen: 'new', booking: params.get('booking'), group: groupOf(params.get('group')) };
  }
  return UUID.test(rest) ? { screen: 'detail', id: rest.toLowerCase() } : { screen: 'search' };
}
