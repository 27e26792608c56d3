// Application screens live under the role's section so routeFor keeps them:
//   #/loket/permohonan              search and today's list
//   #/loket/permohonan/baru         walk-in (or booking) check-in
//   #/loket/permohonan/<id>         one application
//   #/loket/serah-terima            hand-over
//   #/supervisor/adjudikasi         the supervisor's adjudication queue
import type { Role } from '@common/domain/shared/roles.js';
import { sectionOf } from '../sync/route.js';

export type ApplicationsRoute =
  | { screen: 'search' }
  | { screen: 'new'; booking: string | null }
  | { screen: 'detail'; id: string }
  | { screen: 'handOver' }
  | { screen: 'adjudication' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const searchRoute = (role: Role): string => `${sectionOf(role)}/permohonan`;
export const newRoute = (role: Role, booking?: string): string =>
  `${sectionOf(role)}/permohonan/baru${booking ? `?booking=${encodeURIComponent(booking)}` : ''}`;
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
  if (rest === 'baru') return { screen: 'new', booking: new URLSearchParams(query).get('booking') };
  return UUID.test(rest) ? { screen: 'detail', id: rest.toLowerCase() } : { screen: 'search' };
}
